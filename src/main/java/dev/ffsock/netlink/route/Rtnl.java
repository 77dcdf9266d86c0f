package dev.ffsock.netlink.route;

/**
 * rtnetlink (NETLINK_ROUTE) constants with their C names: message types, attributes, flags, tables, groups.
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class Rtnl {
    private Rtnl() {
    }

    // ---- message types
    /** C RTM_BASE. */
    public static final int RTM_BASE = 16;
    /** C RTM_DELACTION. */
    public static final int RTM_DELACTION = 49;
    /** C RTM_DELADDR. */
    public static final int RTM_DELADDR = 21;
    /** C RTM_DELADDRLABEL. */
    public static final int RTM_DELADDRLABEL = 73;
    /** C RTM_DELCHAIN. */
    public static final int RTM_DELCHAIN = 101;
    /** C RTM_DELLINK. */
    public static final int RTM_DELLINK = 17;
    /** C RTM_DELLINKPROP. */
    public static final int RTM_DELLINKPROP = 109;
    /** C RTM_DELMDB. */
    public static final int RTM_DELMDB = 85;
    /** C RTM_DELNEIGH. */
    public static final int RTM_DELNEIGH = 29;
    /** C RTM_DELNETCONF. */
    public static final int RTM_DELNETCONF = 81;
    /** C RTM_DELNEXTHOP. */
    public static final int RTM_DELNEXTHOP = 105;
    /** C RTM_DELNEXTHOPBUCKET. */
    public static final int RTM_DELNEXTHOPBUCKET = 117;
    /** C RTM_DELNSID. */
    public static final int RTM_DELNSID = 89;
    /** C RTM_DELQDISC. */
    public static final int RTM_DELQDISC = 37;
    /** C RTM_DELROUTE. */
    public static final int RTM_DELROUTE = 25;
    /** C RTM_DELRULE. */
    public static final int RTM_DELRULE = 33;
    /** C RTM_DELTCLASS. */
    public static final int RTM_DELTCLASS = 41;
    /** C RTM_DELTFILTER. */
    public static final int RTM_DELTFILTER = 45;
    /** C RTM_DELTUNNEL. */
    public static final int RTM_DELTUNNEL = 121;
    /** C RTM_DELVLAN. */
    public static final int RTM_DELVLAN = 113;
    /** C RTM_GETACTION. */
    public static final int RTM_GETACTION = 50;
    /** C RTM_GETADDR. */
    public static final int RTM_GETADDR = 22;
    /** C RTM_GETADDRLABEL. */
    public static final int RTM_GETADDRLABEL = 74;
    /** C RTM_GETANYCAST. */
    public static final int RTM_GETANYCAST = 62;
    /** C RTM_GETCHAIN. */
    public static final int RTM_GETCHAIN = 102;
    /** C RTM_GETDCB. */
    public static final int RTM_GETDCB = 78;
    /** C RTM_GETLINK. */
    public static final int RTM_GETLINK = 18;
    /** C RTM_GETLINKPROP. */
    public static final int RTM_GETLINKPROP = 110;
    /** C RTM_GETMDB. */
    public static final int RTM_GETMDB = 86;
    /** C RTM_GETMULTICAST. */
    public static final int RTM_GETMULTICAST = 58;
    /** C RTM_GETNEIGH. */
    public static final int RTM_GETNEIGH = 30;
    /** C RTM_GETNEIGHTBL. */
    public static final int RTM_GETNEIGHTBL = 66;
    /** C RTM_GETNETCONF. */
    public static final int RTM_GETNETCONF = 82;
    /** C RTM_GETNEXTHOP. */
    public static final int RTM_GETNEXTHOP = 106;
    /** C RTM_GETNEXTHOPBUCKET. */
    public static final int RTM_GETNEXTHOPBUCKET = 118;
    /** C RTM_GETNSID. */
    public static final int RTM_GETNSID = 90;
    /** C RTM_GETQDISC. */
    public static final int RTM_GETQDISC = 38;
    /** C RTM_GETROUTE. */
    public static final int RTM_GETROUTE = 26;
    /** C RTM_GETRULE. */
    public static final int RTM_GETRULE = 34;
    /** C RTM_GETSTATS. */
    public static final int RTM_GETSTATS = 94;
    /** C RTM_GETTCLASS. */
    public static final int RTM_GETTCLASS = 42;
    /** C RTM_GETTFILTER. */
    public static final int RTM_GETTFILTER = 46;
    /** C RTM_GETTUNNEL. */
    public static final int RTM_GETTUNNEL = 122;
    /** C RTM_GETVLAN. */
    public static final int RTM_GETVLAN = 114;
    /** C RTM_MAX. */
    public static final int RTM_MAX = 123;
    /** C RTM_NEWACTION. */
    public static final int RTM_NEWACTION = 48;
    /** C RTM_NEWADDR. */
    public static final int RTM_NEWADDR = 20;
    /** C RTM_NEWADDRLABEL. */
    public static final int RTM_NEWADDRLABEL = 72;
    /** C RTM_NEWCACHEREPORT. */
    public static final int RTM_NEWCACHEREPORT = 96;
    /** C RTM_NEWCHAIN. */
    public static final int RTM_NEWCHAIN = 100;
    /** C RTM_NEWLINK. */
    public static final int RTM_NEWLINK = 16;
    /** C RTM_NEWLINKPROP. */
    public static final int RTM_NEWLINKPROP = 108;
    /** C RTM_NEWMDB. */
    public static final int RTM_NEWMDB = 84;
    /** C RTM_NEWNDUSEROPT. */
    public static final int RTM_NEWNDUSEROPT = 68;
    /** C RTM_NEWNEIGH. */
    public static final int RTM_NEWNEIGH = 28;
    /** C RTM_NEWNEIGHTBL. */
    public static final int RTM_NEWNEIGHTBL = 64;
    /** C RTM_NEWNETCONF. */
    public static final int RTM_NEWNETCONF = 80;
    /** C RTM_NEWNEXTHOP. */
    public static final int RTM_NEWNEXTHOP = 104;
    /** C RTM_NEWNEXTHOPBUCKET. */
    public static final int RTM_NEWNEXTHOPBUCKET = 116;
    /** C RTM_NEWNSID. */
    public static final int RTM_NEWNSID = 88;
    /** C RTM_NEWPREFIX. */
    public static final int RTM_NEWPREFIX = 52;
    /** C RTM_NEWQDISC. */
    public static final int RTM_NEWQDISC = 36;
    /** C RTM_NEWROUTE. */
    public static final int RTM_NEWROUTE = 24;
    /** C RTM_NEWRULE. */
    public static final int RTM_NEWRULE = 32;
    /** C RTM_NEWSTATS. */
    public static final int RTM_NEWSTATS = 92;
    /** C RTM_NEWTCLASS. */
    public static final int RTM_NEWTCLASS = 40;
    /** C RTM_NEWTFILTER. */
    public static final int RTM_NEWTFILTER = 44;
    /** C RTM_NEWTUNNEL. */
    public static final int RTM_NEWTUNNEL = 120;
    /** C RTM_NEWVLAN. */
    public static final int RTM_NEWVLAN = 112;
    /** C RTM_NR_FAMILIES. */
    public static final int RTM_NR_FAMILIES = 27;
    /** C RTM_NR_MSGTYPES. */
    public static final int RTM_NR_MSGTYPES = 108;
    /** C RTM_SETDCB. */
    public static final int RTM_SETDCB = 79;
    /** C RTM_SETLINK. */
    public static final int RTM_SETLINK = 19;
    /** C RTM_SETNEIGHTBL. */
    public static final int RTM_SETNEIGHTBL = 67;
    /** C RTM_SETSTATS. */
    public static final int RTM_SETSTATS = 95;

    // ---- route message flags
    /** C RTM_F_CLONED. */
    public static final int RTM_F_CLONED = 512;
    /** C RTM_F_EQUALIZE. */
    public static final int RTM_F_EQUALIZE = 1024;
    /** C RTM_F_FIB_MATCH. */
    public static final int RTM_F_FIB_MATCH = 8192;
    /** C RTM_F_LOOKUP_TABLE. */
    public static final int RTM_F_LOOKUP_TABLE = 4096;
    /** C RTM_F_NOTIFY. */
    public static final int RTM_F_NOTIFY = 256;
    /** C RTM_F_OFFLOAD. */
    public static final int RTM_F_OFFLOAD = 16384;
    /** C RTM_F_OFFLOAD_FAILED. */
    public static final int RTM_F_OFFLOAD_FAILED = 536870912;
    /** C RTM_F_PREFIX. */
    public static final int RTM_F_PREFIX = 2048;
    /** C RTM_F_TRAP. */
    public static final int RTM_F_TRAP = 32768;

    // ---- link attributes (IFLA_*)
    /** C IFLA_ADDRESS. */
    public static final int IFLA_ADDRESS = 1;
    /** C IFLA_AF_SPEC. */
    public static final int IFLA_AF_SPEC = 26;
    /** C IFLA_ALLMULTI. */
    public static final int IFLA_ALLMULTI = 61;
    /** C IFLA_ALT_IFNAME. */
    public static final int IFLA_ALT_IFNAME = 53;
    /** C IFLA_BROADCAST. */
    public static final int IFLA_BROADCAST = 2;
    /** C IFLA_CARRIER. */
    public static final int IFLA_CARRIER = 33;
    /** C IFLA_CARRIER_CHANGES. */
    public static final int IFLA_CARRIER_CHANGES = 35;
    /** C IFLA_CARRIER_DOWN_COUNT. */
    public static final int IFLA_CARRIER_DOWN_COUNT = 48;
    /** C IFLA_CARRIER_UP_COUNT. */
    public static final int IFLA_CARRIER_UP_COUNT = 47;
    /** C IFLA_COST. */
    public static final int IFLA_COST = 8;
    /** C IFLA_DSA_MASTER. */
    public static final int IFLA_DSA_MASTER = 1;
    /** C IFLA_DSA_MAX. */
    public static final int IFLA_DSA_MAX = 1;
    /** C IFLA_DSA_UNSPEC. */
    public static final int IFLA_DSA_UNSPEC = 0;
    /** C IFLA_EXT_MASK. */
    public static final int IFLA_EXT_MASK = 29;
    /** C IFLA_GROUP. */
    public static final int IFLA_GROUP = 27;
    /** C IFLA_GRO_MAX_SIZE. */
    public static final int IFLA_GRO_MAX_SIZE = 58;
    /** C IFLA_GSO_MAX_SEGS. */
    public static final int IFLA_GSO_MAX_SEGS = 40;
    /** C IFLA_GSO_MAX_SIZE. */
    public static final int IFLA_GSO_MAX_SIZE = 41;
    /** C IFLA_IFALIAS. */
    public static final int IFLA_IFALIAS = 20;
    /** C IFLA_IFNAME. */
    public static final int IFLA_IFNAME = 3;
    /** C IFLA_IF_NETNSID. */
    public static final int IFLA_IF_NETNSID = 46;
    /** C IFLA_INFO_DATA. */
    public static final int IFLA_INFO_DATA = 2;
    /** C IFLA_INFO_KIND. */
    public static final int IFLA_INFO_KIND = 1;
    /** C IFLA_INFO_MAX. */
    public static final int IFLA_INFO_MAX = 5;
    /** C IFLA_INFO_SLAVE_DATA. */
    public static final int IFLA_INFO_SLAVE_DATA = 5;
    /** C IFLA_INFO_SLAVE_KIND. */
    public static final int IFLA_INFO_SLAVE_KIND = 4;
    /** C IFLA_INFO_UNSPEC. */
    public static final int IFLA_INFO_UNSPEC = 0;
    /** C IFLA_INFO_XSTATS. */
    public static final int IFLA_INFO_XSTATS = 3;
    /** C IFLA_LINK. */
    public static final int IFLA_LINK = 5;
    /** C IFLA_LINKINFO. */
    public static final int IFLA_LINKINFO = 18;
    /** C IFLA_LINKMODE. */
    public static final int IFLA_LINKMODE = 17;
    /** C IFLA_LINK_NETNSID. */
    public static final int IFLA_LINK_NETNSID = 37;
    /** C IFLA_MAP. */
    public static final int IFLA_MAP = 14;
    /** C IFLA_MASTER. */
    public static final int IFLA_MASTER = 10;
    /** C IFLA_MAX. */
    public static final int IFLA_MAX = 61;
    /** C IFLA_MAX_MTU. */
    public static final int IFLA_MAX_MTU = 51;
    /** C IFLA_MIN_MTU. */
    public static final int IFLA_MIN_MTU = 50;
    /** C IFLA_MTU. */
    public static final int IFLA_MTU = 4;
    /** C IFLA_NET_NS_FD. */
    public static final int IFLA_NET_NS_FD = 28;
    /** C IFLA_NET_NS_PID. */
    public static final int IFLA_NET_NS_PID = 19;
    /** C IFLA_NEW_IFINDEX. */
    public static final int IFLA_NEW_IFINDEX = 49;
    /** C IFLA_NEW_NETNSID. */
    public static final int IFLA_NEW_NETNSID = 45;
    /** C IFLA_NUM_RX_QUEUES. */
    public static final int IFLA_NUM_RX_QUEUES = 32;
    /** C IFLA_NUM_TX_QUEUES. */
    public static final int IFLA_NUM_TX_QUEUES = 31;
    /** C IFLA_NUM_VF. */
    public static final int IFLA_NUM_VF = 21;
    /** C IFLA_OPERSTATE. */
    public static final int IFLA_OPERSTATE = 16;
    /** C IFLA_PAD. */
    public static final int IFLA_PAD = 42;
    /** C IFLA_PARENT_DEV_BUS_NAME. */
    public static final int IFLA_PARENT_DEV_BUS_NAME = 57;
    /** C IFLA_PARENT_DEV_NAME. */
    public static final int IFLA_PARENT_DEV_NAME = 56;
    /** C IFLA_PERM_ADDRESS. */
    public static final int IFLA_PERM_ADDRESS = 54;
    /** C IFLA_PHYS_PORT_ID. */
    public static final int IFLA_PHYS_PORT_ID = 34;
    /** C IFLA_PHYS_PORT_NAME. */
    public static final int IFLA_PHYS_PORT_NAME = 38;
    /** C IFLA_PHYS_SWITCH_ID. */
    public static final int IFLA_PHYS_SWITCH_ID = 36;
    /** C IFLA_PRIORITY. */
    public static final int IFLA_PRIORITY = 9;
    /** C IFLA_PROMISCUITY. */
    public static final int IFLA_PROMISCUITY = 30;
    /** C IFLA_PROP_LIST. */
    public static final int IFLA_PROP_LIST = 52;
    /** C IFLA_PROTINFO. */
    public static final int IFLA_PROTINFO = 12;
    /** C IFLA_QDISC. */
    public static final int IFLA_QDISC = 6;
    /** C IFLA_TARGET_NETNSID. */
    public static final int IFLA_TARGET_NETNSID = 46;
    /** C IFLA_TSO_MAX_SEGS. */
    public static final int IFLA_TSO_MAX_SEGS = 60;
    /** C IFLA_TSO_MAX_SIZE. */
    public static final int IFLA_TSO_MAX_SIZE = 59;
    /** C IFLA_TXQLEN. */
    public static final int IFLA_TXQLEN = 13;
    /** C IFLA_UNSPEC. */
    public static final int IFLA_UNSPEC = 0;
    /** C IFLA_WEIGHT. */
    public static final int IFLA_WEIGHT = 15;
    /** C IFLA_WIRELESS. */
    public static final int IFLA_WIRELESS = 11;

    // ---- interface flags
    /** C IFF_ALLMULTI. */
    public static final int IFF_ALLMULTI = 512;
    /** C IFF_AUTOMEDIA. */
    public static final int IFF_AUTOMEDIA = 16384;
    /** C IFF_BROADCAST. */
    public static final int IFF_BROADCAST = 2;
    /** C IFF_DEBUG. */
    public static final int IFF_DEBUG = 4;
    /** C IFF_DYNAMIC. */
    public static final int IFF_DYNAMIC = 32768;
    /** C IFF_LOOPBACK. */
    public static final int IFF_LOOPBACK = 8;
    /** C IFF_MASTER. */
    public static final int IFF_MASTER = 1024;
    /** C IFF_MULTICAST. */
    public static final int IFF_MULTICAST = 4096;
    /** C IFF_NOARP. */
    public static final int IFF_NOARP = 128;
    /** C IFF_NOTRAILERS. */
    public static final int IFF_NOTRAILERS = 32;
    /** C IFF_POINTOPOINT. */
    public static final int IFF_POINTOPOINT = 16;
    /** C IFF_PORTSEL. */
    public static final int IFF_PORTSEL = 8192;
    /** C IFF_PROMISC. */
    public static final int IFF_PROMISC = 256;
    /** C IFF_RUNNING. */
    public static final int IFF_RUNNING = 64;
    /** C IFF_SLAVE. */
    public static final int IFF_SLAVE = 2048;
    /** C IFF_UP. */
    public static final int IFF_UP = 1;

    // ---- address attributes and flags
    /** C IFA_ADDRESS. */
    public static final int IFA_ADDRESS = 1;
    /** C IFA_ANYCAST. */
    public static final int IFA_ANYCAST = 5;
    /** C IFA_BROADCAST. */
    public static final int IFA_BROADCAST = 4;
    /** C IFA_CACHEINFO. */
    public static final int IFA_CACHEINFO = 6;
    /** C IFA_FLAGS. */
    public static final int IFA_FLAGS = 8;
    /** C IFA_F_DADFAILED. */
    public static final int IFA_F_DADFAILED = 8;
    /** C IFA_F_DEPRECATED. */
    public static final int IFA_F_DEPRECATED = 32;
    /** C IFA_F_HOMEADDRESS. */
    public static final int IFA_F_HOMEADDRESS = 16;
    /** C IFA_F_MANAGETEMPADDR. */
    public static final int IFA_F_MANAGETEMPADDR = 256;
    /** C IFA_F_MCAUTOJOIN. */
    public static final int IFA_F_MCAUTOJOIN = 1024;
    /** C IFA_F_NODAD. */
    public static final int IFA_F_NODAD = 2;
    /** C IFA_F_NOPREFIXROUTE. */
    public static final int IFA_F_NOPREFIXROUTE = 512;
    /** C IFA_F_OPTIMISTIC. */
    public static final int IFA_F_OPTIMISTIC = 4;
    /** C IFA_F_PERMANENT. */
    public static final int IFA_F_PERMANENT = 128;
    /** C IFA_F_SECONDARY. */
    public static final int IFA_F_SECONDARY = 1;
    /** C IFA_F_STABLE_PRIVACY. */
    public static final int IFA_F_STABLE_PRIVACY = 2048;
    /** C IFA_F_TEMPORARY. */
    public static final int IFA_F_TEMPORARY = 1;
    /** C IFA_F_TENTATIVE. */
    public static final int IFA_F_TENTATIVE = 64;
    /** C IFA_LABEL. */
    public static final int IFA_LABEL = 3;
    /** C IFA_LOCAL. */
    public static final int IFA_LOCAL = 2;
    /** C IFA_MAX. */
    public static final int IFA_MAX = 11;
    /** C IFA_MULTICAST. */
    public static final int IFA_MULTICAST = 7;
    /** C IFA_PROTO. */
    public static final int IFA_PROTO = 11;
    /** C IFA_RT_PRIORITY. */
    public static final int IFA_RT_PRIORITY = 9;
    /** C IFA_TARGET_NETNSID. */
    public static final int IFA_TARGET_NETNSID = 10;
    /** C IFA_UNSPEC. */
    public static final int IFA_UNSPEC = 0;

    // ---- route attributes
    /** C RTA_ALIGNTO. */
    public static final int RTA_ALIGNTO = 4;
    /** C RTA_CACHEINFO. */
    public static final int RTA_CACHEINFO = 12;
    /** C RTA_DPORT. */
    public static final int RTA_DPORT = 29;
    /** C RTA_DST. */
    public static final int RTA_DST = 1;
    /** C RTA_ENCAP. */
    public static final int RTA_ENCAP = 22;
    /** C RTA_ENCAP_TYPE. */
    public static final int RTA_ENCAP_TYPE = 21;
    /** C RTA_EXPIRES. */
    public static final int RTA_EXPIRES = 23;
    /** C RTA_FLOW. */
    public static final int RTA_FLOW = 11;
    /** C RTA_GATEWAY. */
    public static final int RTA_GATEWAY = 5;
    /** C RTA_IIF. */
    public static final int RTA_IIF = 3;
    /** C RTA_IP_PROTO. */
    public static final int RTA_IP_PROTO = 27;
    /** C RTA_MARK. */
    public static final int RTA_MARK = 16;
    /** C RTA_MAX. */
    public static final int RTA_MAX = 30;
    /** C RTA_METRICS. */
    public static final int RTA_METRICS = 8;
    /** C RTA_MFC_STATS. */
    public static final int RTA_MFC_STATS = 17;
    /** C RTA_MP_ALGO. */
    public static final int RTA_MP_ALGO = 14;
    /** C RTA_MULTIPATH. */
    public static final int RTA_MULTIPATH = 9;
    /** C RTA_NEWDST. */
    public static final int RTA_NEWDST = 19;
    /** C RTA_NH_ID. */
    public static final int RTA_NH_ID = 30;
    /** C RTA_OIF. */
    public static final int RTA_OIF = 4;
    /** C RTA_PAD. */
    public static final int RTA_PAD = 24;
    /** C RTA_PREF. */
    public static final int RTA_PREF = 20;
    /** C RTA_PREFSRC. */
    public static final int RTA_PREFSRC = 7;
    /** C RTA_PRIORITY. */
    public static final int RTA_PRIORITY = 6;
    /** C RTA_PROTOINFO. */
    public static final int RTA_PROTOINFO = 10;
    /** C RTA_SESSION. */
    public static final int RTA_SESSION = 13;
    /** C RTA_SPORT. */
    public static final int RTA_SPORT = 28;
    /** C RTA_SRC. */
    public static final int RTA_SRC = 2;
    /** C RTA_TABLE. */
    public static final int RTA_TABLE = 15;
    /** C RTA_TTL_PROPAGATE. */
    public static final int RTA_TTL_PROPAGATE = 26;
    /** C RTA_UID. */
    public static final int RTA_UID = 25;
    /** C RTA_UNSPEC. */
    public static final int RTA_UNSPEC = 0;
    /** C RTA_VIA. */
    public static final int RTA_VIA = 18;

    // ---- route types
    /** C RTN_ANYCAST. */
    public static final int RTN_ANYCAST = 4;
    /** C RTN_BLACKHOLE. */
    public static final int RTN_BLACKHOLE = 6;
    /** C RTN_BROADCAST. */
    public static final int RTN_BROADCAST = 3;
    /** C RTN_LOCAL. */
    public static final int RTN_LOCAL = 2;
    /** C RTN_MAX. */
    public static final int RTN_MAX = 11;
    /** C RTN_MULTICAST. */
    public static final int RTN_MULTICAST = 5;
    /** C RTN_NAT. */
    public static final int RTN_NAT = 10;
    /** C RTN_PROHIBIT. */
    public static final int RTN_PROHIBIT = 8;
    /** C RTN_THROW. */
    public static final int RTN_THROW = 9;
    /** C RTN_UNICAST. */
    public static final int RTN_UNICAST = 1;
    /** C RTN_UNREACHABLE. */
    public static final int RTN_UNREACHABLE = 7;
    /** C RTN_UNSPEC. */
    public static final int RTN_UNSPEC = 0;
    /** C RTN_XRESOLVE. */
    public static final int RTN_XRESOLVE = 11;

    // ---- route protocols
    /** C RTPROT_BABEL. */
    public static final int RTPROT_BABEL = 42;
    /** C RTPROT_BGP. */
    public static final int RTPROT_BGP = 186;
    /** C RTPROT_BIRD. */
    public static final int RTPROT_BIRD = 12;
    /** C RTPROT_BOOT. */
    public static final int RTPROT_BOOT = 3;
    /** C RTPROT_DHCP. */
    public static final int RTPROT_DHCP = 16;
    /** C RTPROT_DNROUTED. */
    public static final int RTPROT_DNROUTED = 13;
    /** C RTPROT_EIGRP. */
    public static final int RTPROT_EIGRP = 192;
    /** C RTPROT_GATED. */
    public static final int RTPROT_GATED = 8;
    /** C RTPROT_ISIS. */
    public static final int RTPROT_ISIS = 187;
    /** C RTPROT_KEEPALIVED. */
    public static final int RTPROT_KEEPALIVED = 18;
    /** C RTPROT_KERNEL. */
    public static final int RTPROT_KERNEL = 2;
    /** C RTPROT_MROUTED. */
    public static final int RTPROT_MROUTED = 17;
    /** C RTPROT_MRT. */
    public static final int RTPROT_MRT = 10;
    /** C RTPROT_NTK. */
    public static final int RTPROT_NTK = 15;
    /** C RTPROT_OPENR. */
    public static final int RTPROT_OPENR = 99;
    /** C RTPROT_OSPF. */
    public static final int RTPROT_OSPF = 188;
    /** C RTPROT_RA. */
    public static final int RTPROT_RA = 9;
    /** C RTPROT_REDIRECT. */
    public static final int RTPROT_REDIRECT = 1;
    /** C RTPROT_RIP. */
    public static final int RTPROT_RIP = 189;
    /** C RTPROT_STATIC. */
    public static final int RTPROT_STATIC = 4;
    /** C RTPROT_UNSPEC. */
    public static final int RTPROT_UNSPEC = 0;
    /** C RTPROT_XORP. */
    public static final int RTPROT_XORP = 14;
    /** C RTPROT_ZEBRA. */
    public static final int RTPROT_ZEBRA = 11;

    // ---- route scopes
    /** C RT_SCOPE_HOST. */
    public static final int RT_SCOPE_HOST = 254;
    /** C RT_SCOPE_LINK. */
    public static final int RT_SCOPE_LINK = 253;
    /** C RT_SCOPE_NOWHERE. */
    public static final int RT_SCOPE_NOWHERE = 255;
    /** C RT_SCOPE_SITE. */
    public static final int RT_SCOPE_SITE = 200;
    /** C RT_SCOPE_UNIVERSE. */
    public static final int RT_SCOPE_UNIVERSE = 0;

    // ---- route tables
    /** C RT_TABLE_COMPAT. */
    public static final int RT_TABLE_COMPAT = 252;
    /** C RT_TABLE_DEFAULT. */
    public static final int RT_TABLE_DEFAULT = 253;
    /** C RT_TABLE_LOCAL. */
    public static final int RT_TABLE_LOCAL = 255;
    /** C RT_TABLE_MAIN. */
    public static final int RT_TABLE_MAIN = 254;
    /** C RT_TABLE_MAX. */
    public static final int RT_TABLE_MAX = -1;
    /** C RT_TABLE_UNSPEC. */
    public static final int RT_TABLE_UNSPEC = 0;

    // ---- next hop flags
    /** C RTNH_F_DEAD. */
    public static final int RTNH_F_DEAD = 1;
    /** C RTNH_F_LINKDOWN. */
    public static final int RTNH_F_LINKDOWN = 16;
    /** C RTNH_F_OFFLOAD. */
    public static final int RTNH_F_OFFLOAD = 8;
    /** C RTNH_F_ONLINK. */
    public static final int RTNH_F_ONLINK = 4;
    /** C RTNH_F_PERVASIVE. */
    public static final int RTNH_F_PERVASIVE = 2;
    /** C RTNH_F_TRAP. */
    public static final int RTNH_F_TRAP = 64;
    /** C RTNH_F_UNRESOLVED. */
    public static final int RTNH_F_UNRESOLVED = 32;

    // ---- route metrics
    /** C RTAX_ADVMSS. */
    public static final int RTAX_ADVMSS = 8;
    /** C RTAX_CC_ALGO. */
    public static final int RTAX_CC_ALGO = 16;
    /** C RTAX_CWND. */
    public static final int RTAX_CWND = 7;
    /** C RTAX_FASTOPEN_NO_COOKIE. */
    public static final int RTAX_FASTOPEN_NO_COOKIE = 17;
    /** C RTAX_FEATURES. */
    public static final int RTAX_FEATURES = 12;
    /** C RTAX_FEATURE_ALLFRAG. */
    public static final int RTAX_FEATURE_ALLFRAG = 8;
    /** C RTAX_FEATURE_ECN. */
    public static final int RTAX_FEATURE_ECN = 1;
    /** C RTAX_FEATURE_MASK. */
    public static final int RTAX_FEATURE_MASK = 15;
    /** C RTAX_FEATURE_SACK. */
    public static final int RTAX_FEATURE_SACK = 2;
    /** C RTAX_FEATURE_TIMESTAMP. */
    public static final int RTAX_FEATURE_TIMESTAMP = 4;
    /** C RTAX_HOPLIMIT. */
    public static final int RTAX_HOPLIMIT = 10;
    /** C RTAX_INITCWND. */
    public static final int RTAX_INITCWND = 11;
    /** C RTAX_INITRWND. */
    public static final int RTAX_INITRWND = 14;
    /** C RTAX_LOCK. */
    public static final int RTAX_LOCK = 1;
    /** C RTAX_MAX. */
    public static final int RTAX_MAX = 17;
    /** C RTAX_MTU. */
    public static final int RTAX_MTU = 2;
    /** C RTAX_QUICKACK. */
    public static final int RTAX_QUICKACK = 15;
    /** C RTAX_REORDERING. */
    public static final int RTAX_REORDERING = 9;
    /** C RTAX_RTO_MIN. */
    public static final int RTAX_RTO_MIN = 13;
    /** C RTAX_RTT. */
    public static final int RTAX_RTT = 4;
    /** C RTAX_RTTVAR. */
    public static final int RTAX_RTTVAR = 5;
    /** C RTAX_SSTHRESH. */
    public static final int RTAX_SSTHRESH = 6;
    /** C RTAX_UNSPEC. */
    public static final int RTAX_UNSPEC = 0;
    /** C RTAX_WINDOW. */
    public static final int RTAX_WINDOW = 3;

    // ---- neighbour attributes
    /** C NDA_CACHEINFO. */
    public static final int NDA_CACHEINFO = 3;
    /** C NDA_DST. */
    public static final int NDA_DST = 1;
    /** C NDA_FDB_EXT_ATTRS. */
    public static final int NDA_FDB_EXT_ATTRS = 14;
    /** C NDA_FLAGS_EXT. */
    public static final int NDA_FLAGS_EXT = 15;
    /** C NDA_IFINDEX. */
    public static final int NDA_IFINDEX = 8;
    /** C NDA_LINK_NETNSID. */
    public static final int NDA_LINK_NETNSID = 10;
    /** C NDA_LLADDR. */
    public static final int NDA_LLADDR = 2;
    /** C NDA_MASTER. */
    public static final int NDA_MASTER = 9;
    /** C NDA_MAX. */
    public static final int NDA_MAX = 17;
    /** C NDA_NDM_FLAGS_MASK. */
    public static final int NDA_NDM_FLAGS_MASK = 17;
    /** C NDA_NDM_STATE_MASK. */
    public static final int NDA_NDM_STATE_MASK = 16;
    /** C NDA_NH_ID. */
    public static final int NDA_NH_ID = 13;
    /** C NDA_PORT. */
    public static final int NDA_PORT = 6;
    /** C NDA_PROBES. */
    public static final int NDA_PROBES = 4;
    /** C NDA_PROTOCOL. */
    public static final int NDA_PROTOCOL = 12;
    /** C NDA_SRC_VNI. */
    public static final int NDA_SRC_VNI = 11;
    /** C NDA_UNSPEC. */
    public static final int NDA_UNSPEC = 0;
    /** C NDA_VLAN. */
    public static final int NDA_VLAN = 5;
    /** C NDA_VNI. */
    public static final int NDA_VNI = 7;

    // ---- neighbour states
    /** C NUD_DELAY. */
    public static final int NUD_DELAY = 8;
    /** C NUD_FAILED. */
    public static final int NUD_FAILED = 32;
    /** C NUD_INCOMPLETE. */
    public static final int NUD_INCOMPLETE = 1;
    /** C NUD_NOARP. */
    public static final int NUD_NOARP = 64;
    /** C NUD_NONE. */
    public static final int NUD_NONE = 0;
    /** C NUD_PERMANENT. */
    public static final int NUD_PERMANENT = 128;
    /** C NUD_PROBE. */
    public static final int NUD_PROBE = 16;
    /** C NUD_REACHABLE. */
    public static final int NUD_REACHABLE = 2;
    /** C NUD_STALE. */
    public static final int NUD_STALE = 4;

    // ---- neighbour flags
    /** C NTF_EXT_LEARNED. */
    public static final int NTF_EXT_LEARNED = 16;
    /** C NTF_EXT_MANAGED. */
    public static final int NTF_EXT_MANAGED = 1;
    /** C NTF_MASTER. */
    public static final int NTF_MASTER = 4;
    /** C NTF_OFFLOADED. */
    public static final int NTF_OFFLOADED = 32;
    /** C NTF_PROXY. */
    public static final int NTF_PROXY = 8;
    /** C NTF_ROUTER. */
    public static final int NTF_ROUTER = 128;
    /** C NTF_SELF. */
    public static final int NTF_SELF = 2;
    /** C NTF_STICKY. */
    public static final int NTF_STICKY = 64;
    /** C NTF_USE. */
    public static final int NTF_USE = 1;

    // ---- multicast groups
    /** C RTNLGRP_BRVLAN. */
    public static final int RTNLGRP_BRVLAN = 33;
    /** C RTNLGRP_DCB. */
    public static final int RTNLGRP_DCB = 23;
    /** C RTNLGRP_DECnet_IFADDR. */
    public static final int RTNLGRP_DECnet_IFADDR = 13;
    /** C RTNLGRP_DECnet_ROUTE. */
    public static final int RTNLGRP_DECnet_ROUTE = 15;
    /** C RTNLGRP_DECnet_RULE. */
    public static final int RTNLGRP_DECnet_RULE = 16;
    /** C RTNLGRP_IPV4_IFADDR. */
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    /** C RTNLGRP_IPV4_MROUTE. */
    public static final int RTNLGRP_IPV4_MROUTE = 6;
    /** C RTNLGRP_IPV4_MROUTE_R. */
    public static final int RTNLGRP_IPV4_MROUTE_R = 30;
    /** C RTNLGRP_IPV4_NETCONF. */
    public static final int RTNLGRP_IPV4_NETCONF = 24;
    /** C RTNLGRP_IPV4_ROUTE. */
    public static final int RTNLGRP_IPV4_ROUTE = 7;
    /** C RTNLGRP_IPV4_RULE. */
    public static final int RTNLGRP_IPV4_RULE = 8;
    /** C RTNLGRP_IPV6_IFADDR. */
    public static final int RTNLGRP_IPV6_IFADDR = 9;
    /** C RTNLGRP_IPV6_IFINFO. */
    public static final int RTNLGRP_IPV6_IFINFO = 12;
    /** C RTNLGRP_IPV6_MROUTE. */
    public static final int RTNLGRP_IPV6_MROUTE = 10;
    /** C RTNLGRP_IPV6_MROUTE_R. */
    public static final int RTNLGRP_IPV6_MROUTE_R = 31;
    /** C RTNLGRP_IPV6_NETCONF. */
    public static final int RTNLGRP_IPV6_NETCONF = 25;
    /** C RTNLGRP_IPV6_PREFIX. */
    public static final int RTNLGRP_IPV6_PREFIX = 18;
    /** C RTNLGRP_IPV6_ROUTE. */
    public static final int RTNLGRP_IPV6_ROUTE = 11;
    /** C RTNLGRP_IPV6_RULE. */
    public static final int RTNLGRP_IPV6_RULE = 19;
    /** C RTNLGRP_LINK. */
    public static final int RTNLGRP_LINK = 1;
    /** C RTNLGRP_MAX. */
    public static final int RTNLGRP_MAX = 36;
    /** C RTNLGRP_MCTP_IFADDR. */
    public static final int RTNLGRP_MCTP_IFADDR = 34;
    /** C RTNLGRP_MDB. */
    public static final int RTNLGRP_MDB = 26;
    /** C RTNLGRP_MPLS_NETCONF. */
    public static final int RTNLGRP_MPLS_NETCONF = 29;
    /** C RTNLGRP_MPLS_ROUTE. */
    public static final int RTNLGRP_MPLS_ROUTE = 27;
    /** C RTNLGRP_ND_USEROPT. */
    public static final int RTNLGRP_ND_USEROPT = 20;
    /** C RTNLGRP_NEIGH. */
    public static final int RTNLGRP_NEIGH = 3;
    /** C RTNLGRP_NEXTHOP. */
    public static final int RTNLGRP_NEXTHOP = 32;
    /** C RTNLGRP_NONE. */
    public static final int RTNLGRP_NONE = 0;
    /** C RTNLGRP_NOP2. */
    public static final int RTNLGRP_NOP2 = 14;
    /** C RTNLGRP_NOP4. */
    public static final int RTNLGRP_NOP4 = 17;
    /** C RTNLGRP_NOTIFY. */
    public static final int RTNLGRP_NOTIFY = 2;
    /** C RTNLGRP_NSID. */
    public static final int RTNLGRP_NSID = 28;
    /** C RTNLGRP_PHONET_IFADDR. */
    public static final int RTNLGRP_PHONET_IFADDR = 21;
    /** C RTNLGRP_PHONET_ROUTE. */
    public static final int RTNLGRP_PHONET_ROUTE = 22;
    /** C RTNLGRP_STATS. */
    public static final int RTNLGRP_STATS = 36;
    /** C RTNLGRP_TC. */
    public static final int RTNLGRP_TC = 4;
    /** C RTNLGRP_TUNNEL. */
    public static final int RTNLGRP_TUNNEL = 35;

    // ---- legacy group bits
    /** C RTMGRP_DECnet_IFADDR. */
    public static final int RTMGRP_DECnet_IFADDR = 4096;
    /** C RTMGRP_DECnet_ROUTE. */
    public static final int RTMGRP_DECnet_ROUTE = 16384;
    /** C RTMGRP_IPV4_IFADDR. */
    public static final int RTMGRP_IPV4_IFADDR = 16;
    /** C RTMGRP_IPV4_MROUTE. */
    public static final int RTMGRP_IPV4_MROUTE = 32;
    /** C RTMGRP_IPV4_ROUTE. */
    public static final int RTMGRP_IPV4_ROUTE = 64;
    /** C RTMGRP_IPV4_RULE. */
    public static final int RTMGRP_IPV4_RULE = 128;
    /** C RTMGRP_IPV6_IFADDR. */
    public static final int RTMGRP_IPV6_IFADDR = 256;
    /** C RTMGRP_IPV6_IFINFO. */
    public static final int RTMGRP_IPV6_IFINFO = 2048;
    /** C RTMGRP_IPV6_MROUTE. */
    public static final int RTMGRP_IPV6_MROUTE = 512;
    /** C RTMGRP_IPV6_PREFIX. */
    public static final int RTMGRP_IPV6_PREFIX = 131072;
    /** C RTMGRP_IPV6_ROUTE. */
    public static final int RTMGRP_IPV6_ROUTE = 1024;
    /** C RTMGRP_LINK. */
    public static final int RTMGRP_LINK = 1;
    /** C RTMGRP_NEIGH. */
    public static final int RTMGRP_NEIGH = 4;
    /** C RTMGRP_NOTIFY. */
    public static final int RTMGRP_NOTIFY = 2;
    /** C RTMGRP_TC. */
    public static final int RTMGRP_TC = 8;

}
