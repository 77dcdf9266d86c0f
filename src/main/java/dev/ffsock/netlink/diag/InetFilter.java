package dev.ffsock.netlink.diag;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A socket filter the kernel runs during an inet_diag dump (INET_DIAG_REQ_BYTECODE): conditions on
 * ports, addresses, the bound interface and the mark, joined with and/or/not — what {@code ss}
 * builds from {@code dport = :8080}, {@code src 10.0.0.0/8}, {@code not dst 127.0.0.1} and the like
 * ({@link SsFilter#parse} reads that syntax). States are not part of it: they go in
 * {@code idiag_states} ({@link InetRequest#states()}).
 * {@snippet :
 * InetFilter f = InetFilter.dport(Compare.EQ, 8080).or(InetFilter.sport(Compare.GE, 1024).not());
 * diag.inet(InetRequest.tcp(Domain.AF_INET).filter(f));
 * }
 */
public sealed interface InetFilter {
    /** Port comparisons the bytecode has ({@code INET_DIAG_BC_x_EQ/GE/LE}); ss's {@code > < !=} are these negated. */
    enum Compare {
        /** Equal (INET_DIAG_BC_S_EQ / D_EQ). */
        EQ,
        /** Greater or equal (INET_DIAG_BC_S_GE / D_GE). */
        GE,
        /** Less or equal (INET_DIAG_BC_S_LE / D_LE). */
        LE
    }

    /**
     * A port comparison ({@code sport >= :1024}).
     *
     * @param source true for the local port, false for the remote one
     * @param compare the comparison
     * @param port 0..65535
     */
    record Port(boolean source, Compare compare, int port) implements InetFilter {
        /**
         * Checks the port.
         *
         * @throws IllegalArgumentException for a port outside 0..65535
         */
        public Port {
            Objects.requireNonNull(compare, "compare");
            if (port < 0 || port > 0xffff) throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /**
     * An address condition ({@code INET_DIAG_BC_S_COND}/{@code D_COND}, {@code src 10.0.0.0/8:80}): the
     * address's first {@code prefixLength} bits and, unless -1, the port. An IPv4 condition also
     * matches IPv4-mapped addresses of IPv6 sockets (the kernel's rule).
     *
     * @param source true for the local address, false for the remote one
     * @param address the prefix (null: any address of any family)
     * @param prefixLength 0..32 (IPv4) or 0..128 (IPv6); 0 with a null address
     * @param port 0..65535, or -1 for any
     */
    record Host(boolean source, InetAddress address, int prefixLength, int port) implements InetFilter {
        /**
         * Checks the prefix and the port.
         *
         * @throws IllegalArgumentException for a prefix longer than the address, a port outside -1..65535 or a scoped address
         */
        public Host {
            int max = address == null ? 0 : address instanceof Inet4Address ? 32 : 128;
            if (prefixLength < 0 || prefixLength > max) {
                throw new IllegalArgumentException("prefix length must be 0.." + max + ": " + prefixLength);
            }
            if (port < -1 || port > 0xffff) throw new IllegalArgumentException("port must be -1..65535: " + port);
            if (address instanceof Inet6Address a6 && a6.getScopeId() != 0) {
                throw new IllegalArgumentException("a scoped address cannot be matched: " + a6);
            }
        }
    }

    /**
     * The socket is bound to this interface ({@code INET_DIAG_BC_DEV_COND}, {@code dev = eth0}).
     *
     * @param interfaceIndex the interface's index, 0 for none
     */
    record Device(int interfaceIndex) implements InetFilter {
        /**
         * Checks the index.
         *
         * @throws IllegalArgumentException for a negative index
         */
        public Device {
            if (interfaceIndex < 0) throw new IllegalArgumentException("interface index must be >= 0: " + interfaceIndex);
        }
    }

    /**
     * {@code (SO_MARK & mask) == mark} ({@code INET_DIAG_BC_MARK_COND}, {@code fwmark = 0x10/0xff}).
     *
     * @param mark the value, unsigned 32 bits
     * @param mask the bits compared, unsigned 32 bits
     */
    record Mark(int mark, int mask) implements InetFilter {
    }

    /** The local port was chosen by the kernel, not bound by the program ({@code INET_DIAG_BC_AUTO}, ss's {@code autobound}). */
    record AutoBound() implements InetFilter {
    }

    /**
     * Both hold.
     *
     * @param left checked first
     * @param right checked when {@code left} holds
     */
    record And(InetFilter left, InetFilter right) implements InetFilter {
        /** Checks for nulls. */
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * Either holds.
     *
     * @param left checked first
     * @param right checked when {@code left} does not hold
     */
    record Or(InetFilter left, InetFilter right) implements InetFilter {
        /** Checks for nulls. */
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /**
     * The inner filter does not hold.
     *
     * @param inner the negated filter
     */
    record Not(InetFilter inner) implements InetFilter {
        /** Checks for null. */
        public Not {
            Objects.requireNonNull(inner, "inner");
        }
    }

    /**
     * {@return a local port condition, {@code sport OP :PORT}}
     *
     * @param compare the comparison
     * @param port 0..65535
     */
    static InetFilter sport(Compare compare, int port) {
        return new Port(true, compare, port);
    }

    /**
     * {@return a remote port condition, {@code dport OP :PORT}}
     *
     * @param compare the comparison
     * @param port 0..65535
     */
    static InetFilter dport(Compare compare, int port) {
        return new Port(false, compare, port);
    }

    /**
     * {@return a local address condition, {@code src ADDRESS/PREFIX}}
     *
     * @param address the prefix's address
     * @param prefixLength 0..32 or 0..128
     */
    static InetFilter src(InetAddress address, int prefixLength) {
        return new Host(true, address, prefixLength, -1);
    }

    /**
     * {@return a remote address condition, {@code dst ADDRESS/PREFIX}}
     *
     * @param address the prefix's address
     * @param prefixLength 0..32 or 0..128
     */
    static InetFilter dst(InetAddress address, int prefixLength) {
        return new Host(false, address, prefixLength, -1);
    }

    /**
     * {@return this and {@code other}}
     *
     * @param other the second condition
     */
    default InetFilter and(InetFilter other) {
        return new And(this, other);
    }

    /**
     * {@return this or {@code other}}
     *
     * @param other the second condition
     */
    default InetFilter or(InetFilter other) {
        return new Or(this, other);
    }

    /** {@return the negation of this} */
    default InetFilter not() {
        return new Not(this);
    }

    /**
     * {@return the INET_DIAG_REQ_BYTECODE program for this filter, as {@code ss} compiles it}
     *
     * @throws IllegalArgumentException if the program grows past what one netlink attribute holds
     */
    default byte[] bytecode() {
        return InetFilterBytecode.compile(this);
    }
}
