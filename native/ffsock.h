/*
 * ffsock.h — the C surface ffsock binds with jextract (see jextract.sh and includes.txt).
 *
 * Only the system headers are included; jextract sees them without _GNU_SOURCE because glibc's
 * transparent-union socket arguments (__SOCKADDR_ARG) break its output under _GNU_SOURCE. The few
 * GNU-only items ffsock needs are declared by hand at the end of this file; the C probe
 * (probe.c, compiled with _GNU_SOURCE) checks every one of them against the real declarations.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <net/if.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/genetlink.h>
#include <linux/sock_diag.h>
#include <linux/inet_diag.h>
#include <linux/unix_diag.h>
#include <linux/net_tstamp.h>
/* routes, rules and nexthop objects (issue 10) */
#include <linux/fib_rules.h>
#include <linux/nexthop.h>
#include <linux/in_route.h>
/* tc: qdiscs, classes, filters (dev.ffsock.netlink.tc) */
#include <linux/if_ether.h>
#include <linux/pkt_sched.h>
#include <linux/pkt_cls.h>
#include <linux/gen_stats.h>
/* issue 10 (namespaces, bridge): mount(2)/umount2(2), RTM_*NSID attributes, AF_BRIDGE fdb/vlan/port */
#include <sys/mount.h>
#include <linux/net_namespace.h>
#include <linux/if_bridge.h>
/* issue 10, links: link kinds and tun/tap */
#include <linux/veth.h>
#include <linux/if_tun.h>
#include <linux/if_bonding.h>
#include <linux/sockios.h>
/* ethtool (issue 11) */
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>
/* conntrack and process events (issue 11) */
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/nf_conntrack_tcp.h>
#include <linux/connector.h>
#include <linux/cn_proc.h>
/* AF_PACKET, MPTCP (issue 11) */
#include <linux/if_packet.h>
#include <linux/mptcp.h>
/* nf_tables (issue 11, part nftables) */
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
/* io_uring (issue 12, part io_uring): the rings are mmap'd; io_uring_setup/enter/register through syscall(2) */
#include <sys/mman.h>
#include <sys/syscall.h>
#include <linux/io_uring.h>
/* ss, complete (issue 11, sock_diag): packet and netlink socket diag */
#include <linux/packet_diag.h>
#include <linux/netlink_diag.h>

/* ---- GNU-only items, declared by hand (glibc hides them without _GNU_SOURCE) ---- */
#ifndef _GNU_SOURCE

struct ucred {
    pid_t pid;
    uid_t uid;
    gid_t gid;
};

struct mmsghdr {
    struct msghdr msg_hdr;
    unsigned int msg_len;
};

struct in6_pktinfo {
    struct in6_addr ipi6_addr;
    unsigned int ipi6_ifindex;
};

#define SCM_CREDENTIALS 0x02

extern int accept4(int fd, struct sockaddr *addr, socklen_t *addr_len, int flags);
extern int sendmmsg(int fd, struct mmsghdr *vmessages, unsigned int vlen, int flags);
extern int recvmmsg(int fd, struct mmsghdr *vmessages, unsigned int vlen, int flags, struct timespec *tmo);
extern int setns(int fd, int nstype);
extern const char *strerrorname_np(int errnum);
/* issue 10 (namespaces): ip netns add makes a namespace with unshare on one thread, bind-mounts its ns file */
#define CLONE_NEWNET 0x40000000
extern int unshare(int flags);
extern pid_t gettid(void);
#endif /* _GNU_SOURCE */
