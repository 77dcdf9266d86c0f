package dev.ffsock.netlink.diag;

import dev.ffsock.SockAddrUn;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One AF_UNIX socket from a unix_diag dump: {@code struct unix_diag_msg} and the attributes the
 * request's {@code UDIAG_SHOW_*} flags asked for. Unsigned 32-bit fields are widened to
 * {@code long}; what was not asked for or not sent is -1 or null.
 *
 * @param type              stream, datagram or seqpacket
 * @param state             LISTEN, ESTAB (connected), UNCONN ({@link SocketState#CLOSE}), …
 * @param nameKind          whether the socket is bound to a path, an abstract name, or nothing
 *                          ({@link SockAddrUn.Kind#UNNAMED} also when UDIAG_SHOW_NAME was not asked)
 * @param name              the path, or the abstract name without its leading NUL (raw bytes)
 * @param inode             the socket's inode, as in {@code socket:[INODE]}
 * @param cookie            the socket's cookie
 * @param peerInode         UNIX_DIAG_PEER: the connected peer's inode (0 none; -1 not asked)
 * @param rqueue            UNIX_DIAG_RQLEN: unread bytes (stream) or queued datagrams' bytes; LISTEN: connections waiting; -1 not asked
 * @param wqueue            UNIX_DIAG_RQLEN: bytes sent and not yet read by the peer; LISTEN: the backlog; -1 not asked
 * @param uid               UNIX_DIAG_UID, or -1
 * @param vfs               UNIX_DIAG_VFS: the socket file (path-bound sockets), or null
 * @param shutdown          UNIX_DIAG_SHUTDOWN bits, or -1
 * @param pendingInodes     UNIX_DIAG_ICONS: inodes of connections waiting for accept (LISTEN), or null
 * @param memInfo           UNIX_DIAG_MEMINFO counters ({@code ss -m}), or null
 * @param otherAttributes   every other attribute by type, raw values
 */
public record UnixSocket(UnixType type, SocketState state, SockAddrUn.Kind nameKind, byte[] name,
                         long inode, long cookie, long peerInode, long rqueue, long wqueue, long uid,
                         UnixVfs vfs, int shutdown, long[] pendingInodes, SkMemInfo memInfo,
                         Map<Integer, byte[]> otherAttributes) {

    /** {@return the name as {@code ss} prints it: the path, {@code @name} for abstract (inner NULs as '@'), {@code *} for none} */
    public String displayName() {
        return switch (nameKind) {
            case PATH -> new String(name, StandardCharsets.UTF_8);
            case ABSTRACT -> "@" + new String(name, StandardCharsets.UTF_8).replace('\0', '@');
            case UNNAMED -> "*";
        };
    }

    /**
     * {@return the name as an address}
     *
     * @throws IllegalArgumentException for a path that is not valid UTF-8 and grows past 107 bytes decoded
     */
    public SockAddrUn address() {
        return switch (nameKind) {
            case PATH -> SockAddrUn.path(new String(name, StandardCharsets.UTF_8));
            case ABSTRACT -> SockAddrUn.abstractName(name);
            case UNNAMED -> SockAddrUn.unnamed();
        };
    }

    /** {@return e.g. {@code UnixSocket[u_str ESTAB @name ino 1234 peer 1235]}} */
    @Override
    public String toString() {
        return "UnixSocket[" + type.netid() + " " + state.ssName() + " " + displayName() + " ino " + inode
                + " peer " + peerInode + " rq " + rqueue + " wq " + wqueue + "]";
    }
}
