package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An interface address as {@code RTM_NEWADDR} describes it: one {@code inet}/{@code inet6} line of
 * {@code ip addr show}.
 *
 * <p>Absent addresses and the label are null; lifetimes are -1 without {@code IFA_CACHEINFO}.
 *
 * @param family            {@code ifa_family}: AF_INET (2) or AF_INET6 (10)
 * @param prefixLen         {@code ifa_prefixlen} ({@code /24})
 * @param flags             {@code IFA_F_*}: {@code ifa_flags} or'ed with the 32-bit {@code IFA_FLAGS}
 *                          (see {@link #flagNames()})
 * @param scope             {@code ifa_scope} ({@code scope global})
 * @param index             {@code ifa_index}, the interface
 * @param local             {@code IFA_LOCAL} (the address itself on IPv4)
 * @param address           {@code IFA_ADDRESS} (the address on IPv6; the peer on IPv4 point-to-point)
 * @param peer              the peer ({@code peer 10.0.0.2/32}): {@code IFA_ADDRESS} when both it and
 *                          {@code IFA_LOCAL} are present and differ; else null
 * @param broadcast         {@code IFA_BROADCAST} ({@code brd})
 * @param anycast           {@code IFA_ANYCAST} ({@code any})
 * @param label             {@code IFA_LABEL} ({@code eth0:1})
 * @param validLifetime     {@code IFA_CACHEINFO ifa_valid} seconds ({@code valid_lft}); {@link #FOREVER}
 * @param preferredLifetime {@code IFA_CACHEINFO ifa_prefered} seconds ({@code preferred_lft})
 * @param created           {@code IFA_CACHEINFO cstamp} (hundredths of a second since boot), -1 if absent
 * @param updated           {@code IFA_CACHEINFO tstamp}, -1 if absent
 * @param protocol          {@code IFA_PROTO} ({@code proto}), -1 if absent
 * @param routePriority     {@code IFA_RT_PRIORITY} ({@code metric}), -1 if absent
 * @param raw               attributes not interpreted, in message order
 */
public record Addr(int family, int prefixLen, int flags, Scope scope, int index, InetAddress local,
        InetAddress address, InetAddress peer, InetAddress broadcast, InetAddress anycast, String label,
        long validLifetime, long preferredLifetime, long created, long updated, int protocol, long routePriority,
        List<RawAttribute> raw) {
    /** A lifetime of 0xFFFFFFFF seconds: {@code forever}. */
    public static final long FOREVER = 0xFFFFFFFFL;

    /** Defensive copy of {@code raw}. */
    public Addr {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return the interface address: {@code IFA_LOCAL} if present, else {@code IFA_ADDRESS}} */
    public InetAddress ifaddr() {
        return local != null ? local : address;
    }

    /**
     * {@return whether {@code flag} (an {@code IFA_F_*} bit) is set}
     *
     * @param flag one {@code IFA_F_*} bit
     */
    public boolean hasFlag(int flag) {
        return (flags & flag) == flag;
    }

    /**
     * The flags by the names {@code ip addr} prints (JSON keys; in text {@code PERMANENT} is the
     * absence of {@code dynamic}): secondary (temporary on IPv6), nodad, optimistic, dadfailed,
     * home, deprecated, tentative, permanent, mngtmpaddr, noprefixroute, autojoin, stable-privacy.
     *
     * @return the names of the set bits, in iproute2's order
     */
    public List<String> flagNames() {
        List<String> out = new ArrayList<>();
        int f = flags;
        for (int i = 0; i < ADDR_FLAG_BITS.length; i++) {
            if ((f & ADDR_FLAG_BITS[i]) != 0) {
                out.add(ADDR_FLAG_BITS[i] == Rtnl.IFA_F_SECONDARY && family == 10 ? "temporary" : ADDR_FLAG_NAMES[i]);
            }
        }
        return List.copyOf(out);
    }

    static final int[] ADDR_FLAG_BITS = {Rtnl.IFA_F_SECONDARY, Rtnl.IFA_F_NODAD, Rtnl.IFA_F_OPTIMISTIC,
        Rtnl.IFA_F_DADFAILED, Rtnl.IFA_F_HOMEADDRESS, Rtnl.IFA_F_DEPRECATED, Rtnl.IFA_F_TENTATIVE,
        Rtnl.IFA_F_PERMANENT, Rtnl.IFA_F_MANAGETEMPADDR, Rtnl.IFA_F_NOPREFIXROUTE, Rtnl.IFA_F_MCAUTOJOIN,
        Rtnl.IFA_F_STABLE_PRIVACY};
    static final String[] ADDR_FLAG_NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home",
        "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};
}
