package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A nexthop object to add or replace with {@link RtnetlinkChanges}: the arguments of {@code ip
 * nexthop add|replace id ID …}. Exactly one kind: a gateway and/or device, a {@code blackhole}, or a
 * {@code group}. (Not to be confused with {@link NexthopSpec}, one path of a multipath route.)
 * {@snippet :
 * NexthopObjectSpec a = NexthopObjectSpec.id(1).via("192.0.2.2").dev("veth0");
 * NexthopObjectSpec g = NexthopObjectSpec.id(10).group(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 3));
 * }
 * Not thread-safe.
 */
public final class NexthopObjectSpec {
    private final int id;
    private InetAddress gateway;
    private String dev;
    private boolean onlink, blackhole, fdb;
    private int family = -1;
    private int protocol = -1;
    private final List<NexthopGroupMember> group = new ArrayList<>();
    private int groupType = -1;
    private int buckets = -1;
    private long idleTimer = -1, unbalancedTimer = -1;

    private NexthopObjectSpec(int id) {
        this.id = id;
    }

    /**
     * {@code id ID}: a nexthop object with this id.
     *
     * @param id 1..4294967295
     * @return the spec
     */
    public static NexthopObjectSpec id(long id) {
        return new NexthopObjectSpec((int) ChangeChecks.u32("nexthop id", id, 1));
    }

    private void notGroup(String what) {
        if (!group.isEmpty()) throw new IllegalArgumentException("a nexthop group has no " + what);
    }

    /**
     * {@code via GW} ({@code NHA_GATEWAY}).
     *
     * @param gw the gateway's address literal
     * @return this spec, for chaining
     */
    public NexthopObjectSpec via(String gw) {
        InetAddress a = ChangeChecks.literal(gw);
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) throw new IllegalArgumentException("gateway " + gw + " is not a unicast address");
        if (blackhole) throw new IllegalArgumentException("a blackhole nexthop has no gateway");
        notGroup("gateway");
        if (family >= 0 && family != ChangeChecks.family(a)) throw new IllegalArgumentException("gateway " + gw + " is not of the nexthop's family");
        gateway = a;
        family = ChangeChecks.family(a);
        return this;
    }

    /**
     * {@code dev NAME} ({@code NHA_OIF}).
     *
     * @param name the output interface's name
     * @return this spec, for chaining
     */
    public NexthopObjectSpec dev(String name) {
        ChangeChecks.ifname(name);
        if (blackhole || fdb) throw new IllegalArgumentException("a " + (fdb ? "fdb" : "blackhole") + " nexthop has no device");
        notGroup("device");
        dev = name;
        return this;
    }

    /**
     * {@code onlink}: the gateway is on the device's link, whatever the routes say ({@code RTNH_F_ONLINK}).
     *
     * @return this spec, for chaining
     */
    public NexthopObjectSpec onlink() {
        notGroup("onlink flag");
        onlink = true;
        return this;
    }

    /**
     * {@code blackhole} ({@code NHA_BLACKHOLE}): packets are dropped.
     *
     * @return this spec, for chaining
     */
    public NexthopObjectSpec blackhole() {
        if (gateway != null || dev != null || fdb) throw new IllegalArgumentException("a blackhole nexthop has no gateway, device or fdb");
        notGroup("blackhole flag");
        blackhole = true;
        return this;
    }

    /**
     * {@code fdb} ({@code NHA_FDB}): a nexthop for the bridge forwarding database (vxlan).
     *
     * @return this spec, for chaining
     */
    public NexthopObjectSpec fdb() {
        if (dev != null || blackhole) throw new IllegalArgumentException("an fdb nexthop has no device and is no blackhole");
        fdb = true;
        return this;
    }

    /**
     * {@code -4}/{@code -6}: the family of a blackhole nexthop (IPv4 unless set); a gateway sets its own.
     *
     * @param af AF_INET (2) or AF_INET6 (10)
     * @return this spec, for chaining
     */
    public NexthopObjectSpec family(int af) {
        if (af != ChangeChecks.AF_INET && af != ChangeChecks.AF_INET6) throw new IllegalArgumentException("family must be AF_INET or AF_INET6: " + af);
        if (gateway != null && ChangeChecks.family(gateway) != af) throw new IllegalArgumentException("the gateway is of the other family");
        family = af;
        return this;
    }

    /**
     * {@code group ID[,WEIGHT]/…} ({@code NHA_GROUP}): a group of other nexthop objects.
     *
     * @param members the members, each id at most once
     * @return this spec, for chaining
     */
    public NexthopObjectSpec group(NexthopGroupMember... members) {
        if (gateway != null || dev != null || blackhole || onlink) {
            throw new IllegalArgumentException("a nexthop group has no gateway, device, onlink or blackhole");
        }
        if (members.length == 0) throw new IllegalArgumentException("a nexthop group needs members");
        Set<Integer> ids = new HashSet<>();
        for (NexthopGroupMember m : group) ids.add(m.id());
        for (NexthopGroupMember m : members) {
            Objects.requireNonNull(m, "member");
            if (m.id() == id) throw new IllegalArgumentException("nexthop group " + Integer.toUnsignedString(id) + " cannot contain itself");
            if (!ids.add(m.id())) throw new IllegalArgumentException("nexthop " + Integer.toUnsignedString(m.id()) + " twice in the group");
        }
        group.addAll(List.of(members));
        return this;
    }

    /**
     * {@code type mpath} (hash-threshold, the default) or {@code type resilient} ({@code NHA_GROUP_TYPE}).
     *
     * @param type {@code NEXTHOP_GRP_TYPE_MPATH} or {@code NEXTHOP_GRP_TYPE_RES}
     * @return this spec, for chaining
     */
    public NexthopObjectSpec groupType(int type) {
        if (type != NexthopConstants.NEXTHOP_GRP_TYPE_MPATH && type != NexthopConstants.NEXTHOP_GRP_TYPE_RES) {
            throw new IllegalArgumentException("nexthop group type must be mpath (0) or resilient (1): " + type);
        }
        groupType = type;
        return this;
    }

    /**
     * {@code type resilient buckets B idle_timer I unbalanced_timer U}: a resilient group's parameters.
     *
     * @param buckets the number of buckets, 1..65535, or -1 for the kernel's default
     * @param idleTimerSeconds seconds, 0..4294967 (sent in clock ticks), or -1 for the default
     * @param unbalancedTimerSeconds seconds, 0..4294967, or -1 for the default
     * @return this spec, for chaining
     */
    public NexthopObjectSpec resilient(int buckets, long idleTimerSeconds, long unbalancedTimerSeconds) {
        if (buckets != -1 && (buckets < 1 || buckets > 0xffff)) throw new IllegalArgumentException("buckets must be 1..65535: " + buckets);
        for (long t : new long[] {idleTimerSeconds, unbalancedTimerSeconds}) {
            if (t < -1 || t > 0xffff_ffffL / 100) throw new IllegalArgumentException("timer must be 0..42949672 seconds: " + t);
        }
        groupType(NexthopConstants.NEXTHOP_GRP_TYPE_RES);
        this.buckets = buckets;
        this.idleTimer = idleTimerSeconds;
        this.unbalancedTimer = unbalancedTimerSeconds;
        return this;
    }

    /**
     * {@code proto P}: who installed it ({@code RTPROT_*}, 0..255).
     *
     * @param p the protocol
     * @return this spec, for chaining
     */
    public NexthopObjectSpec protocol(int p) {
        protocol = ChangeChecks.u8("protocol", p);
        return this;
    }

    /** {@return the id, as an unsigned int} */
    public int id() {
        return id;
    }

    /** {@return the gateway, or null} */
    public InetAddress gateway() {
        return gateway;
    }

    /** {@return the device's name, or null} */
    public String dev() {
        return dev;
    }

    /** {@return the group members (empty if not a group)} */
    public List<NexthopGroupMember> group() {
        return Collections.unmodifiableList(group);
    }

    /** Checks the whole object before it is added. */
    void checkForAdd() {
        if (group.isEmpty() && groupType >= 0) throw new IllegalArgumentException("a group type needs a group");
        if (group.isEmpty() && gateway == null && dev == null && !blackhole) {
            throw new IllegalArgumentException("a nexthop needs a gateway, a device, blackhole or a group");
        }
        if (fdb && gateway == null && group.isEmpty()) throw new IllegalArgumentException("an fdb nexthop needs a gateway or a group");
        if (onlink && (gateway == null || dev == null)) throw new IllegalArgumentException("onlink needs a gateway and a device");
    }

    /** {@return the nhmsg family: the gateway's, the one set, AF_UNSPEC for a group, else AF_INET} */
    int familyForAdd() {
        if (!group.isEmpty()) return 0;
        return family >= 0 ? family : ChangeChecks.AF_INET;
    }

    int protocol() {
        return protocol;
    }

    boolean isOnlink() {
        return onlink;
    }

    boolean isBlackhole() {
        return blackhole;
    }

    boolean isFdb() {
        return fdb;
    }

    int groupType() {
        return groupType;
    }

    int buckets() {
        return buckets;
    }

    long idleTimer() {
        return idleTimer;
    }

    long unbalancedTimer() {
        return unbalancedTimer;
    }
}
