package dev.ffsock.netlink.mptcp;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One path manager endpoint ({@code MPTCP_PM_ATTR_ADDR}), as {@code ip mptcp endpoint show} lists it:
 * a local address the kernel announces to peers or opens subflows from.
 *
 * @param id      the endpoint id, 1 to 255 (0 in a request: the kernel chooses)
 * @param address the local IPv4 or IPv6 address (an IPv6 address without scope)
 * @param port    the port, 0 for none (only with {@link Flag#SIGNAL})
 * @param flags   what the endpoint is for
 * @param ifindex the device's index, 0 for none ({@code dev NAME})
 */
public record MptcpEndpoint(int id, InetAddress address, int port, Set<Flag> flags, int ifindex) {
    /** MPTCP_PM_ADDR_FLAG_*, in the order {@code ip mptcp endpoint} prints them. */
    public enum Flag {
        /** Announce this address to peers (ADD_ADDR). */
        SIGNAL(MptcpPm.MPTCP_PM_ADDR_FLAG_SIGNAL),
        /** Open subflows from this address. */
        SUBFLOW(MptcpPm.MPTCP_PM_ADDR_FLAG_SUBFLOW),
        /** Subflows from it are backups. */
        BACKUP(MptcpPm.MPTCP_PM_ADDR_FLAG_BACKUP),
        /** A subflow to every announced peer address. */
        FULLMESH(MptcpPm.MPTCP_PM_ADDR_FLAG_FULLMESH),
        /** Made by the kernel for an address a peer used (reported only). */
        IMPLICIT(MptcpPm.MPTCP_PM_ADDR_FLAG_IMPLICIT);

        private final int bit;

        Flag(int bit) {
            this.bit = bit;
        }

        /** {@return the C bit} */
        public int bit() {
            return bit;
        }

        /** {@return the flags set in a C bit mask (unknown bits ignored)} */
        static Set<Flag> of(int bits) {
            EnumSet<Flag> s = EnumSet.noneOf(Flag.class);
            for (Flag f : values()) if ((bits & f.bit) != 0) s.add(f);
            return s;
        }

        /** {@return the C bit mask of a set} */
        static int bits(Set<Flag> flags) {
            int b = 0;
            for (Flag f : flags) b |= f.bit;
            return b;
        }
    }

    /** Validates the endpoint; the flag set is copied. */
    public MptcpEndpoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(flags, "flags");
        if (id < 0 || id > 255) throw new IllegalArgumentException("endpoint id out of range (0-255): " + id);
        if (port < 0 || port > 0xffff) throw new IllegalArgumentException("port out of range (0-65535): " + port);
        if (ifindex < 0) throw new IllegalArgumentException("negative interface index: " + ifindex);
        if (address instanceof Inet6Address a6 && a6.getScopeId() != 0) {
            throw new IllegalArgumentException("an endpoint address has no scope: " + address);
        }
        flags = Collections.unmodifiableSet(flags.isEmpty() ? EnumSet.noneOf(Flag.class) : EnumSet.copyOf(flags));
    }
}
