package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reusable native room for one socket address ({@code struct sockaddr_storage} plus its length), for
 * calls that return an address — {@link Socket#recvfrom(MemorySegment, int, SockAddrStorage)},
 * {@link Socket#accept(SockAddrStorage)} — or take one, without allocating per call. Reading it as a
 * {@link SockAddr} ({@link #get()}) allocates; {@link #port()} and {@link #domain()} do not.
 *
 * <p>Not thread-safe: use one per thread. Its memory is freed by the garbage collector.
 */
public final class SockAddrStorage {
    private static final long SIZE = Structs.SockaddrStorage.SIZE;

    final MemorySegment addr;
    final MemorySegment len;

    /** Empty storage (length 0). */
    public SockAddrStorage() {
        MemorySegment all = Arena.ofAuto().allocate(SIZE + 8, 8);
        addr = all.asSlice(0, SIZE);
        len = all.asSlice(SIZE, 4);
    }

    /**
     * {@return storage holding {@code address}}
     *
     * @param address the address to copy in
     */
    public static SockAddrStorage of(SockAddr address) {
        SockAddrStorage s = new SockAddrStorage();
        s.set(address);
        return s;
    }

    /**
     * Replaces the content with {@code address}.
     *
     * @param address the address to copy in
     */
    public void set(SockAddr address) {
        if (address == null) throw new NullPointerException("address");
        len.set(ValueLayout.JAVA_INT, 0, address.encode(addr));
    }

    /** Sets the length to the full capacity, before a call that fills it in. */
    void prepareForOutput() {
        len.set(ValueLayout.JAVA_INT, 0, (int) SIZE);
    }

    /** {@return the address's length in bytes (0 when empty)} */
    public int length() {
        return Math.min(len.get(ValueLayout.JAVA_INT, 0), (int) SIZE);
    }

    /** {@return the address family, or AF_UNSPEC when empty} */
    public Domain domain() {
        return length() < 2 ? Domain.AF_UNSPEC : Domain.of(addr.get(SockAddr.U16, 0) & 0xffff);
    }

    /** {@return the port of an IPv4 or IPv6 address, or -1 for other families} */
    public int port() {
        int f = domain().value();
        if (f == 2 && length() >= Structs.SockaddrIn.PORT + 2) return addr.get(SockAddr.BE16, Structs.SockaddrIn.PORT) & 0xffff;
        if (f == 10 && length() >= Structs.SockaddrIn6.PORT + 2) return addr.get(SockAddr.BE16, Structs.SockaddrIn6.PORT) & 0xffff;
        return -1;
    }

    /**
     * {@return the port id (nl_pid) of a netlink address, without decoding it}
     *
     * @throws IllegalStateException if the stored address is not a whole AF_NETLINK one
     */
    public int netlinkPortId() {
        if (domain().value() != Domain.AF_NETLINK.value() || length() < Structs.SockaddrNl.SIZE) {
            throw new IllegalStateException("not a netlink address: " + this);
        }
        return addr.get(SockAddr.U32, Structs.SockaddrNl.PID);
    }

    /**
     * {@return the stored address, decoded}
     *
     * @throws IllegalStateException when empty
     */
    public SockAddr get() {
        if (length() == 0) throw new IllegalStateException("no address stored");
        return SockAddr.decode(addr, length());
    }

    @Override
    public String toString() {
        return length() == 0 ? "(empty)" : get().toString();
    }
}
