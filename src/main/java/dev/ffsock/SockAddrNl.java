package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.net.SocketAddress;

/**
 * A netlink socket address ({@code struct sockaddr_nl}): a port id (0 is the kernel, or "let the
 * kernel choose" when binding) and a bit mask of multicast groups 1 to 32 (groups above 32 are
 * joined with the NETLINK_ADD_MEMBERSHIP option instead).
 */
public final class SockAddrNl extends SockAddr {
    private final int pid;
    private final int groups;

    /**
     * An AF_NETLINK address ({@code struct sockaddr_nl}).
     *
     * @param pid    port id (nl_pid)
     * @param groups multicast group mask (nl_groups)
     */
    public SockAddrNl(int pid, int groups) {
        this.pid = pid;
        this.groups = groups;
    }

    /** {@return the kernel's address: port 0, no groups} */
    public static SockAddrNl kernel() {
        return new SockAddrNl(0, 0);
    }

    /** {@return the port id} */
    public int pid() {
        return pid;
    }

    /** {@return the multicast group mask} */
    public int groups() {
        return groups;
    }

    @Override
    public Domain domain() {
        return Domain.AF_NETLINK;
    }

    @Override
    public int length() {
        return (int) Structs.SockaddrNl.SIZE;
    }

    @Override
    int encode(MemorySegment dst) {
        dst.asSlice(0, Structs.SockaddrNl.SIZE).fill((byte) 0);
        dst.set(U16, Structs.SockaddrNl.FAMILY, (short) 16);
        dst.set(U32, Structs.SockaddrNl.PID, pid);
        dst.set(U32, Structs.SockaddrNl.GROUPS, groups);
        return (int) Structs.SockaddrNl.SIZE;
    }

    static SockAddrNl decode(MemorySegment src, int len) {
        requireLength(len, Structs.SockaddrNl.SIZE, "sockaddr_nl");
        return new SockAddrNl(src.get(U32, Structs.SockaddrNl.PID), src.get(U32, Structs.SockaddrNl.GROUPS));
    }

    /** @throws UnsupportedOperationException always: java.net has no netlink addresses */
    @Override
    public SocketAddress toSocketAddress() {
        throw new UnsupportedOperationException("java.net cannot represent " + this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrNl s && s.pid == pid && s.groups == groups;
    }

    @Override
    public int hashCode() {
        return pid * 31 + groups;
    }

    @Override
    public String toString() {
        return "netlink:" + Integer.toUnsignedString(pid) + (groups != 0 ? "/0x" + Integer.toHexString(groups) : "");
    }
}
