package dev.ffsock.netlink.diag;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;

/**
 * What an inet_diag dump asks for ({@code struct inet_diag_req_v2}): one address family, one
 * protocol, the states to report and a bytecode filter (both run by the kernel), and the extensions
 * to attach.
 *
 * @param family     {@link Domain#AF_INET} or {@link Domain#AF_INET6}
 * @param protocol   {@link Protocol#TCP}, {@link Protocol#UDP}, a raw socket's protocol ({@code ss -w}), 262 for MPTCP
 *                   ({@code ss -M}): any IPPROTO number the kernel has a diag handler for (above 255 it goes
 *                   in an INET_DIAG_REQ_PROTOCOL attribute)
 * @param states     state mask, bit {@code 1 << state} ({@link SocketState#mask}, {@link SocketState#ALL})
 * @param extensions {@code idiag_ext}: bit {@code 1 << (INET_DIAG_x - 1)} for each extension 1..8
 *                   ({@link SockDiag#INET_DIAG_MEMINFO}, {@link SockDiag#INET_DIAG_INFO}, {@link SockDiag#INET_DIAG_CONG}, …)
 * @param filter     the kernel-side filter (INET_DIAG_REQ_BYTECODE), or null for none
 */
public record InetRequest(Domain family, Protocol protocol, int states, int extensions, InetFilter filter) {
    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException for another family, a protocol outside 0..65535 or an extension mask
     *     wider than 8 bits, or a filter whose bytecode does not fit in a netlink attribute
     */
    public InetRequest {
        if (!Domain.AF_INET.equals(family) && !Domain.AF_INET6.equals(family)) {
            throw new IllegalArgumentException("inet_diag family must be AF_INET or AF_INET6: " + family);
        }
        if (protocol.value() < 0 || protocol.value() > 0xffff) {
            throw new IllegalArgumentException("inet_diag protocol must be 0..65535: " + protocol.value());
        }
        if ((extensions & ~0xff) != 0) throw new IllegalArgumentException("extension mask wider than 8 bits: 0x" + Integer.toHexString(extensions));
        if (filter != null) filter.bytecode();
    }

    /**
     * A request without a filter.
     *
     * @param family     {@link Domain#AF_INET} or {@link Domain#AF_INET6}
     * @param protocol   the IPPROTO number
     * @param states     state mask, bit {@code 1 << state}
     * @param extensions {@code idiag_ext} bits
     * @throws IllegalArgumentException as the canonical constructor
     */
    public InetRequest(Domain family, Protocol protocol, int states, int extensions) {
        this(family, protocol, states, extensions, null);
    }

    /**
     * {@return a request for every TCP socket of {@code family}, no extensions}
     *
     * @param family {@link Domain#AF_INET} or {@link Domain#AF_INET6}
     */
    public static InetRequest tcp(Domain family) {
        return new InetRequest(family, Protocol.TCP, SocketState.ALL, 0);
    }

    /**
     * {@return a request for every UDP socket of {@code family}, no extensions}
     *
     * @param family {@link Domain#AF_INET} or {@link Domain#AF_INET6}
     */
    public static InetRequest udp(Domain family) {
        return new InetRequest(family, Protocol.UDP, SocketState.ALL, 0);
    }

    /**
     * {@return this request for the states in {@code mask} only}
     *
     * @param mask the states, bit {@code 1 << state} ({@link SocketState#mask})
     */
    public InetRequest states(int mask) {
        return new InetRequest(family, protocol, mask, extensions, filter);
    }

    /**
     * {@return this request for the given states only}
     *
     * @param states the states to list
     */
    public InetRequest states(SocketState... states) {
        return states(SocketState.mask(states));
    }

    /**
     * {@return this request with extensions added}
     *
     * @param types INET_DIAG_MEMINFO (1) … INET_DIAG_SKMEMINFO (7), INET_DIAG_SHUTDOWN (8)
     * @throws IllegalArgumentException for a type outside 1..8 (later attributes cannot be asked for through {@code idiag_ext})
     */
    public InetRequest withExtensions(int... types) {
        int m = extensions;
        for (int t : types) {
            if (t < 1 || t > 8) throw new IllegalArgumentException("inet_diag extension must be 1..8: " + t);
            m |= 1 << (t - 1);
        }
        return new InetRequest(family, protocol, states, m, filter);
    }

    /**
     * {@return this request with the kernel running {@code filter} on each socket (null: none)}
     *
     * @param filter the condition, compiled to INET_DIAG_REQ_BYTECODE
     * @throws IllegalArgumentException if its bytecode does not fit in a netlink attribute
     */
    public InetRequest filter(InetFilter filter) {
        return new InetRequest(family, protocol, states, extensions, filter);
    }
}
