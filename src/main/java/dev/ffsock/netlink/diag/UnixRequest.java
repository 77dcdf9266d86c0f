package dev.ffsock.netlink.diag;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a unix_diag dump asks for ({@code struct unix_diag_req}): the states to report (filtered by
 * the kernel), the attributes to attach ({@code UDIAG_SHOW_*}), and the socket types to keep
 * (filtered here: the kernel has no type filter).
 *
 * @param states state mask, bit {@code 1 << state} ({@link SocketState#mask}, {@link SocketState#ALL})
 * @param show   {@code UDIAG_SHOW_*} flags
 * @param types  the types to keep (copied)
 */
public record UnixRequest(int states, int show, Set<UnixType> types) {
    /** NAME, VFS, PEER, RQLEN and UID: everything {@link UnixSocket} has a field for but ICONS and MEMINFO. */
    public static final int DEFAULT_SHOW = SockDiag.UDIAG_SHOW_NAME | SockDiag.UDIAG_SHOW_VFS | SockDiag.UDIAG_SHOW_PEER
            | SockDiag.UDIAG_SHOW_RQLEN | SockDiag.UDIAG_SHOW_UID;

    /** Copies {@code types}; an empty set keeps nothing. */
    public UnixRequest {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
    }

    /** {@return a request for every AF_UNIX socket with {@link #DEFAULT_SHOW}} */
    public static UnixRequest all() {
        return new UnixRequest(SocketState.ALL, DEFAULT_SHOW, EnumSet.allOf(UnixType.class));
    }

    /**
     * {@return this request for the states in {@code mask} only}
     *
     * @param mask the states, bit {@code 1 << state} ({@link SocketState#mask})
     */
    public UnixRequest states(int mask) {
        return new UnixRequest(mask, show, types);
    }

    /**
     * {@return this request for the given states only}
     *
     * @param states the states to list
     */
    public UnixRequest states(SocketState... states) {
        return states(SocketState.mask(states));
    }

    /**
     * {@return this request with these {@code UDIAG_SHOW_*} flags instead}
     *
     * @param flags the {@code UDIAG_SHOW_*} bits
     */
    public UnixRequest show(int flags) {
        return new UnixRequest(states, flags, types);
    }

    /**
     * {@return this request keeping only sockets of the given types}
     *
     * @param first a socket type to list
     * @param more further types
     */
    public UnixRequest types(UnixType first, UnixType... more) {
        return new UnixRequest(states, show, EnumSet.of(first, more));
    }
}
