package dev.ffsock;

import dev.ffsock.internal.Scratch;
import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.DirectBuffers;
import dev.ffsock.internal.FdGuard;
import dev.ffsock.internal.MsgIo;
import dev.ffsock.internal.Sys;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.Objects;

/**
 * A Linux socket: one method per system call, named after it ({@code socket}, {@code bind},
 * {@code listen}, {@code accept}, {@code connect}, {@code send}, {@code recv}, {@code sendto},
 * {@code recvfrom}, {@code shutdown}, {@code close}, {@code getsockname}, {@code getpeername},
 * {@code getsockopt}, {@code setsockopt}, {@code poll}).
 *
 * <h2>Results and errors</h2>
 * A failing call throws {@link ErrnoException} ({@code connect: ECONNREFUSED (Connection refused)}).
 * Would-block on a non-blocking socket (or with {@link Msg#MSG_DONTWAIT}) is a result, not an
 * exception, with one convention per return type across ffsock: {@link #WOULD_BLOCK} (-1) from the
 * calls that return a count (send/recv, the message and batch calls; end of stream is 0),
 * {@code null} from accept, {@code false} from connect/finishConnect, 0 ready entries from poll.
 * On a blocking socket whose SO_RCVTIMEO/SO_SNDTIMEO expired, a {@link SocketTimeoutException}.
 * Sends always add MSG_NOSIGNAL: a closed peer gives EPIPE and never raises SIGPIPE.
 *
 * <h2>Buffers</h2>
 * {@link MemorySegment}s (native or heap), {@code byte[]} slices and {@link ByteBuffer}s (position to
 * limit, advanced by the call). Native memory goes straight to the kernel. Heap memory goes straight
 * too when the call cannot wait in the kernel (it carries MSG_DONTWAIT); a blocking call on a
 * platform thread copies it through a per-thread native buffer, since heap memory cannot be pinned
 * across a blocking call.
 *
 * <h2>Closing, and other holders of the descriptor</h2>
 * {@link #close()} is idempotent. Afterwards every call throws {@link SocketClosedException} and the
 * descriptor number is never used again. Closing while other threads are inside calls on this socket
 * wakes every one of them within milliseconds — in any family, netlink and AF_PACKET included — and
 * they throw {@code SocketClosedException}; the descriptor is released by the last of them to leave,
 * so its number cannot be reused under a running call.
 *
 * <p>Closing never changes the socket for anyone else who holds the same open file (a process it was
 * passed to with SCM_RIGHTS or inherited by, a duplicate): there is no shutdown(2) and no flag change.
 * To wake its own threads, ffsock makes this process's descriptor number refer to an already-dead
 * socket (dup3(2), so only this process's table changes) and sends each platform thread blocked in
 * the kernel on it a signal with an empty handler (SIGRTMAX-2, the signal the JDK's own channels use
 * for the same thing); virtual threads are simply unparked. A listener shared with a pre-fork worker
 * keeps accepting there; a connection shared with a child keeps working there.
 *
 * <h2>Blocking calls, virtual threads and timeouts</h2>
 * Every call that can wait goes through one mechanism. A blocking call on a platform thread is one
 * plain blocking system call (data already there: one system call). A blocking call on a virtual
 * thread never pins its carrier: send/recv-family calls carry {@link Msg#MSG_DONTWAIT}; accept and
 * connect, which cannot, switch the descriptor to O_NONBLOCK in the kernel the first time a virtual
 * thread needs it (as the JDK's channels do; the switch is on the open file, so other holders see it,
 * and {@link #isBlocking()} still reports the mode the user chose). When a virtual thread's attempt
 * would block it parks on ffsock's internal poller (itself a virtual thread reading an epoll set of
 * EPOLLONESHOT registrations, woken by one platform daemon thread when it has nothing to read), is
 * unparked when the descriptor is ready and retries. A platform
 * thread that meets EAGAIN in blocking mode because the descriptor is O_NONBLOCK underneath waits in
 * poll(2) and retries. SO_RCVTIMEO (recv, recvfrom, recvmsg, recvmmsg, accept) and SO_SNDTIMEO (send,
 * sendto, sendmsg, sendmmsg, connect) keep their meaning everywhere: the kernel applies them to a
 * platform thread's blocking call; otherwise their value is taken when a call first has to wait, and
 * expiry throws {@link SocketTimeoutException}. ffsock reads that value from the kernel once per
 * socket object and again after any change of either option made through ffsock (on any socket in
 * the JVM); a change made behind ffsock's back — by another process holding the socket, or by
 * setsockopt(2) called directly — reaches these waits after the next such change.
 *
 * <p>Non-blocking calls stay non-blocking even if another holder clears O_NONBLOCK: the
 * send/recv family always passes MSG_DONTWAIT then. accept and connect cannot; on such a descriptor
 * they block in the kernel (and close wakes them).
 *
 * <h2>Interrupts</h2>
 * Like {@link java.nio.channels.InterruptibleChannel}: a blocking-mode call made while the thread's
 * interrupt status is set closes the socket and throws {@link ClosedByInterruptException} (a
 * {@link java.nio.channels.ClosedChannelException}, not a {@code SocketClosedException}), leaving the
 * status set. A virtual thread interrupted while parked in a call is woken at once, and the socket
 * is closed with the same exception. A platform thread blocked inside a system call is
 * <em>not</em> woken by {@link Thread#interrupt()}: ffsock cannot hook platform-thread interrupts
 * without JDK internals. Such a thread sees the interrupt at its next blocking call on any ffsock
 * socket; to stop it now, close the socket (which wakes it).
 *
 * <p>Thread-safe: calls may come from several threads; the descriptor's state is one atomic word.
 */
public final class Socket implements Closeable {
    /** Returned by send/recv calls that would block on a non-blocking socket. */
    public static final int WOULD_BLOCK = Sys.WOULD_BLOCK;

    /** The socket options that bound blocking receives and sends (what {@link Blocking#await} reads). */
    private static final int RCVTIMEO = Sys.SO_RCVTIMEO;
    private static final int SNDTIMEO = Sys.SO_SNDTIMEO;

    private final int fd;
    private final Domain domain;
    private final Type type;
    private final Protocol protocol;
    /** The mode the user chose (O_NONBLOCK as set by open, adopt or setBlocking). */
    private volatile boolean nonBlocking;
    /**
     * Whether a virtual thread's accept/connect has already set O_NONBLOCK in the kernel (saves a
     * fcntl per call; nothing else is decided from it).
     */
    private volatile boolean switchedNonBlocking;
    /** Close, calls in flight and waking: the I/O core shared with Epoll and EventFd. */
    private final FdGuard guard;
    /**
     * The last ByteBuffer given to send or recv and whether it can be passed by address: looked up
     * again only for another buffer, so a call through a direct buffer allocates nothing. Written
     * by any calling thread (one immutable record, so a racing reader sees a whole one).
     */
    private DirectBuffers.View lastBuffer;
    /**
     * The last byte[] given to send or recv, viewed whole: a call on it from offset 0 passes that
     * view with its length, so it allocates nothing (from another offset, one slice). As
     * {@link #lastBuffer}, one immutable record; it keeps that array reachable until another array
     * is used or the socket is closed.
     */
    private ArrayView lastArray;

    private record ArrayView(byte[] array, MemorySegment whole) {
    }
    private final SockAddr acceptedFrom;

    private Socket(int fd, Domain domain, Type type, Protocol protocol, boolean nonBlocking, SockAddr acceptedFrom) {
        this.fd = fd;
        this.domain = domain;
        this.type = type;
        this.protocol = protocol;
        this.nonBlocking = nonBlocking;
        this.acceptedFrom = acceptedFrom;
        this.guard = new FdGuard(fd, "socket", null);
    }

    // ---- creation ------------------------------------------------------------------------------

    /**
     * socket(2) with the domain's default protocol ({@link Protocol#DEFAULT}), close-on-exec,
     * blocking.
     *
     * @param domain the address family ({@link Domain#AF_INET}, {@link Domain#AF_UNIX}, …)
     * @param type   the socket type ({@link Type#STREAM}, {@link Type#DGRAM}, …)
     * @return the new socket, in blocking mode
     * @throws ErrnoException if socket(2) fails: EAFNOSUPPORT or EPROTONOSUPPORT for a family, type
     *         or protocol the kernel does not support, EACCES or EPERM for a raw or packet socket
     *         without CAP_NET_RAW, EMFILE or ENFILE when out of descriptors
     */
    public static Socket open(Domain domain, Type type) throws IOException {
        return open(domain, type, Protocol.DEFAULT);
    }

    /**
     * socket(2), close-on-exec, blocking.
     *
     * @param domain   the address family ({@link Domain#AF_INET}, {@link Domain#AF_UNIX}, …)
     * @param type     the socket type ({@link Type#STREAM}, {@link Type#DGRAM}, …)
     * @param protocol the protocol ({@link Protocol#DEFAULT} for the family's usual one)
     * @return the new socket, in blocking mode
     * @throws ErrnoException if socket(2) fails: EAFNOSUPPORT or EPROTONOSUPPORT for a family, type
     *         or protocol the kernel does not support, EACCES or EPERM for a raw or packet socket
     *         without CAP_NET_RAW, EMFILE or ENFILE when out of descriptors
     */
    public static Socket open(Domain domain, Type type, Protocol protocol) throws IOException {
        return open(domain, type, protocol, Type.SOCK_CLOEXEC);
    }

    /**
     * socket(2) with explicit flags: {@link Type#SOCK_NONBLOCK} and/or {@link Type#SOCK_CLOEXEC}
     * (pass 0 for a descriptor that survives exec).
     *
     * @param domain   the address family ({@link Domain#AF_INET}, {@link Domain#AF_UNIX}, …)
     * @param type     the socket type ({@link Type#STREAM}, {@link Type#DGRAM}, …)
     * @param protocol the protocol ({@link Protocol#DEFAULT} for the family's usual one)
     * @param flags    {@link Type#SOCK_NONBLOCK} and/or {@link Type#SOCK_CLOEXEC}, or 0
     * @return the new socket, in non-blocking mode if {@code flags} has SOCK_NONBLOCK
     * @throws IllegalArgumentException if {@code flags} has any other bit set
     * @throws ErrnoException if socket(2) fails: EAFNOSUPPORT or EPROTONOSUPPORT for a family, type
     *         or protocol the kernel does not support, EACCES or EPERM for a raw or packet socket
     *         without CAP_NET_RAW, EMFILE or ENFILE when out of descriptors
     */
    public static Socket open(Domain domain, Type type, Protocol protocol, int flags) throws IOException {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        checkFlags(flags);
        int fd = Sys.socket(domain.value(), type.value() | flags, protocol.value());
        return new Socket(fd, domain, type, protocol, (flags & Type.SOCK_NONBLOCK) != 0, null);
    }

    /**
     * socketpair(2): two connected sockets, close-on-exec, blocking, with the domain's default
     * protocol.
     *
     * @param domain the address family (in practice {@link Domain#AF_UNIX})
     * @param type   the socket type ({@link Type#STREAM}, {@link Type#DGRAM}, {@link Type#SEQPACKET})
     * @return the two ends, each connected to the other
     * @throws ErrnoException if socketpair(2) fails: EOPNOTSUPP or EAFNOSUPPORT for a family
     *         without socket pairs (AF_UNIX has them, AF_INET has not), EMFILE or ENFILE when out
     *         of descriptors
     */
    public static Socket[] socketpair(Domain domain, Type type) throws IOException {
        return socketpair(domain, type, Protocol.DEFAULT, Type.SOCK_CLOEXEC);
    }

    /**
     * socketpair(2) with explicit protocol and flags (see {@link #open(Domain, Type, Protocol, int)}).
     *
     * @param domain   the address family (in practice {@link Domain#AF_UNIX})
     * @param type     the socket type ({@link Type#STREAM}, {@link Type#DGRAM}, {@link Type#SEQPACKET})
     * @param protocol the protocol ({@link Protocol#DEFAULT} for the family's usual one)
     * @param flags    {@link Type#SOCK_NONBLOCK} and/or {@link Type#SOCK_CLOEXEC}, or 0; applies to
     *                 both ends
     * @return the two ends, each connected to the other
     * @throws IllegalArgumentException if {@code flags} has any other bit set
     * @throws ErrnoException if socketpair(2) fails: EOPNOTSUPP or EAFNOSUPPORT for a family
     *         without socket pairs (AF_UNIX has them, AF_INET has not), EMFILE or ENFILE when out
     *         of descriptors
     */
    public static Socket[] socketpair(Domain domain, Type type, Protocol protocol, int flags) throws IOException {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        checkFlags(flags);
        MemorySegment sv = Scratch.get().intSlot;
        Sys.socketpair(domain.value(), type.value() | flags, protocol.value(), sv);
        boolean nb = (flags & Type.SOCK_NONBLOCK) != 0;
        return new Socket[] {
            new Socket(sv.get(ValueLayout.JAVA_INT, 0), domain, type, protocol, nb, null),
            new Socket(sv.get(ValueLayout.JAVA_INT, 4), domain, type, protocol, nb, null)
        };
    }

    /**
     * Takes ownership of a socket descriptor opened elsewhere (inherited, received with SCM_RIGHTS,
     * handed over by another library). Its domain, type and protocol are read with getsockopt, its
     * blocking mode with fcntl. Closing the returned socket closes {@code fd}. Makes getsockopt(2)
     * (SO_DOMAIN, SO_TYPE, SO_PROTOCOL) and fcntl(2) (F_GETFL) calls, no socket(2).
     *
     * @param fd an open socket descriptor; owned by the returned socket from now on (the caller must
     *           no longer use or close it)
     * @return a socket for {@code fd}, in the blocking mode the descriptor has; its
     *         {@link #acceptedFrom()} is null
     * @throws IllegalArgumentException if {@code fd} is negative
     * @throws ErrnoException if getsockopt(2) or fcntl(2) fails: ENOTSOCK if {@code fd} is not a
     *         socket, EBADF if it is not open; {@code fd} is then not taken over (nor closed)
     */
    public static Socket adopt(int fd) throws IOException {
        if (fd < 0) throw new IllegalArgumentException("negative descriptor: " + fd);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(4);
            MemorySegment l = arena.allocate(4);
            int d = intOpt(fd, SockOpt.SOL_SOCKET, Sys.SO_DOMAIN, v, l);
            int t = intOpt(fd, SockOpt.SOL_SOCKET, Sys.SO_TYPE, v, l);
            int p = intOpt(fd, SockOpt.SOL_SOCKET, Sys.SO_PROTOCOL, v, l);
            int fl = Sys.fcntl(fd, Sys.F_GETFL, 0);
            return new Socket(fd, Domain.of(d), Type.of(t), Protocol.of(p), (fl & Sys.O_NONBLOCK) != 0, null);
        }
    }

    private static int intOpt(int fd, int level, int name, MemorySegment v, MemorySegment l) throws ErrnoException {
        l.set(ValueLayout.JAVA_INT, 0, 4);
        Sys.getsockopt(fd, level, name, v, l);
        return v.get(ValueLayout.JAVA_INT, 0);
    }

    private static void checkFlags(int flags) {
        if ((flags & ~(Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC)) != 0) {
            throw new IllegalArgumentException("flags may only be SOCK_NONBLOCK | SOCK_CLOEXEC: 0x" + Integer.toHexString(flags));
        }
    }

    // ---- state ---------------------------------------------------------------------------------

    /** Enters a call: fails if closed, otherwise counts the call in flight and returns the descriptor. */
    private int begin() throws SocketClosedException, ErrnoException {
        return guard.begin();
    }

    /** Leaves a call; the last call out of a closing socket releases the descriptor. */
    private void end() {
        guard.end();
    }

    private boolean closing() {
        return guard.closing();
    }

    private IOException closedOr(IOException e, String call) {
        return Blocking.closedOr(guard, e, call);
    }



    /** {@return whether close() has been called} */
    public boolean isClosed() {
        return closing();
    }

    /**
     * close(2), once. Idempotent. If other threads are inside calls on this socket, they are woken and
     * throw {@link SocketClosedException}; the last of them releases the descriptor. Other holders of
     * the same open file see no change (see the class comment).
     */
    @Override
    public void close() {
        guard.close();
        lastBuffer = null;
        lastArray = null;
    }

    /** {@return the descriptor number, for interop; -1 once closed} */
    public int fd() {
        return closing() ? -1 : fd;
    }

    /** {@return the address family this socket was opened with} */
    public Domain domain() {
        return domain;
    }

    /** {@return the socket type} */
    public Type type() {
        return type;
    }

    /** {@return the protocol} */
    public Protocol protocol() {
        return protocol;
    }

    /**
     * {@return the peer address accept4(2) reported for a socket returned by {@link #accept()} or
     * {@link #accept(int)}; null for other sockets, or when the address could not be decoded}
     */
    public SockAddr acceptedFrom() {
        return acceptedFrom;
    }

    /** {@return whether the socket is in blocking mode (O_NONBLOCK clear)} */
    public boolean isBlocking() {
        return !nonBlocking;
    }

    /**
     * Switches blocking mode: fcntl(2) F_GETFL, then F_SETFL with O_NONBLOCK set or cleared (no
     * F_SETFL when it is already so). The flag belongs to the open file, so other holders of it see
     * the change. See the class comment for what each mode means for the calls.
     *
     * @param blocking true for blocking mode, false for non-blocking
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if fcntl(2) fails
     */
    public void setBlocking(boolean blocking) throws IOException {
        int fd = begin();
        try {
            int fl = Sys.fcntl(fd, Sys.F_GETFL, 0);
            int nfl = blocking ? fl & ~Sys.O_NONBLOCK : fl | Sys.O_NONBLOCK;
            if (nfl != fl) Sys.fcntl(fd, Sys.F_SETFL, nfl);
            nonBlocking = !blocking;
            switchedNonBlocking = !blocking;
        } finally {
            end();
        }
    }

    // ---- addresses -----------------------------------------------------------------------------

    private void checkFamily(SockAddr addr, String param) {
        Objects.requireNonNull(addr, param);
        if (addr.domain().value() != domain.value()) {
            throw new IllegalArgumentException("address " + addr + " is " + addr.domain() + ", socket is " + domain);
        }
    }

    /**
     * bind(2): gives the socket its local address.
     *
     * @param addr the local address, of this socket's family (port 0 for an ephemeral port; for
     *             netlink, port id 0 to let the kernel choose)
     * @throws IllegalArgumentException if {@code addr} is of another family than this socket
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if bind(2) fails: EADDRINUSE when the address is taken, EACCES for a
     *         privileged port without CAP_NET_BIND_SERVICE (or an AF_UNIX path in a directory that
     *         may not be written), EADDRNOTAVAIL for an IP address that is not local, EINVAL when
     *         the socket is already bound
     */
    public void bind(SockAddr addr) throws IOException {
        checkFamily(addr, "addr");
        SockAddrStorage s = Scratch.get().address;
        s.set(addr);
        int fd = begin();
        try {
            Sys.bind(fd, s.addr, s.length());
        } finally {
            end();
        }
    }

    /**
     * listen(2): makes a stream (or seqpacket) socket accept connections. An unbound TCP socket is
     * given an ephemeral port; an AF_UNIX socket must be bound first.
     *
     * @param backlog the length of the queue of connections not yet accepted (the kernel caps it at
     *                net.core.somaxconn)
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if listen(2) fails: EOPNOTSUPP for a socket type that cannot listen
     *         (datagram), EINVAL for an unbound AF_UNIX socket, EADDRINUSE when another socket
     *         already listens on the same address
     */
    public void listen(int backlog) throws IOException {
        int fd = begin();
        try {
            Sys.listen(fd, backlog);
        } finally {
            end();
        }
    }

    /**
     * {@return the address this socket is bound to, from getsockname(2)} A socket not bound yet
     * (neither by bind nor implicitly by connect or listen) gives the family's wildcard: address 0
     * and port 0 for IP, an unnamed AF_UNIX address.
     *
     * @throws IllegalArgumentException if the address is of a family ffsock has no {@link SockAddr}
     *         type for (AF_BLUETOOTH, for one), or malformed
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if getsockname(2) fails
     */
    public SockAddr getsockname() throws IOException {
        SockAddrStorage s = Scratch.get().address;
        s.prepareForOutput();
        int fd = begin();
        try {
            Sys.getsockname(fd, s.addr, s.len);
        } finally {
            end();
        }
        return s.get();
    }

    /**
     * {@return the address of the connected peer, from getpeername(2)} A peer that is not bound (the
     * other end of a {@link #socketpair}, an AF_UNIX client that did not bind) gives an unnamed AF_UNIX
     * address.
     *
     * @throws IllegalArgumentException if the address is of a family ffsock has no {@link SockAddr}
     *         type for (AF_BLUETOOTH, for one), or malformed
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if getpeername(2) fails: ENOTCONN when the socket is not connected
     */
    public SockAddr getpeername() throws IOException {
        SockAddrStorage s = Scratch.get().address;
        s.prepareForOutput();
        int fd = begin();
        try {
            Sys.getpeername(fd, s.addr, s.len);
        } finally {
            end();
        }
        return s.length() == 0 ? SockAddrUn.UNNAMED : s.get();
    }

    // ---- waiting: see dev.ffsock.internal.Blocking, the one wait every call uses -------------------

    private void checkInterrupt() throws ClosedByInterruptException {
        Blocking.checkInterrupt(guard);
    }

    /**
     * Sets O_NONBLOCK in the kernel for a virtual thread's accept/connect on a blocking-mode socket
     * (those calls cannot carry MSG_DONTWAIT). Like the JDK's own channels, the switch is one-way and
     * is seen by other holders of the open file; platform threads' calls keep working (they wait in
     * poll(2) when the kernel says EAGAIN).
     */
    private void kernelNonBlocking(int fd) throws ErrnoException {
        if (switchedNonBlocking) return;
        int fl = Sys.fcntl(fd, Sys.F_GETFL, 0);
        if ((fl & Sys.O_NONBLOCK) == 0) Sys.fcntl(fd, Sys.F_SETFL, fl | Sys.O_NONBLOCK);
        switchedNonBlocking = true;
    }

    // ---- accept / connect ----------------------------------------------------------------------

    /**
     * accept4(2): the next connection as a blocking, close-on-exec socket whose
     * {@link #acceptedFrom()} is the peer's address; null when non-blocking and none is pending.
     *
     * <p>In blocking mode the call waits for a connection, up to the socket's SO_RCVTIMEO; close
     * wakes it. In non-blocking mode it returns null at once when none is pending.
     *
     * @return the connection, in blocking mode and close-on-exec; null if this socket is in
     *         non-blocking mode and no connection is pending
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if accept4(2) fails: EINVAL when the socket is not listening,
     *         EOPNOTSUPP for a socket type that does not accept (datagram), EMFILE or ENFILE when
     *         out of descriptors
     */
    public Socket accept() throws IOException {
        return accept0(Scratch.get().address, Type.SOCK_CLOEXEC, true);
    }

    /**
     * accept4(2) writing the peer's address into {@code peer} instead of decoding it (no allocation
     * but the socket).
     *
     * <p>In blocking mode the call waits for a connection, up to the socket's SO_RCVTIMEO; close
     * wakes it. In non-blocking mode it returns null at once when none is pending.
     *
     * @param peer reusable storage that receives the peer's address
     * @return the connection, in blocking mode and close-on-exec, whose {@link #acceptedFrom()} is
     *         null (the address is in {@code peer}); null if this socket is in non-blocking mode and
     *         no connection is pending
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if accept4(2) fails: EINVAL when the socket is not listening,
     *         EOPNOTSUPP for a socket type that does not accept (datagram), EMFILE or ENFILE when
     *         out of descriptors
     */
    public Socket accept(SockAddrStorage peer) throws IOException {
        Objects.requireNonNull(peer, "peer");
        return accept0(peer, Type.SOCK_CLOEXEC, false);
    }

    /**
     * accept4(2) with explicit flags ({@link Type#SOCK_NONBLOCK}, {@link Type#SOCK_CLOEXEC}) for the
     * new socket; this socket's own mode decides whether the call waits.
     *
     * <p>In blocking mode the call waits for a connection, up to the socket's SO_RCVTIMEO; close
     * wakes it. In non-blocking mode it returns null at once when none is pending.
     *
     * @param flags {@link Type#SOCK_NONBLOCK} and/or {@link Type#SOCK_CLOEXEC} for the new socket, or 0
     * @return the connection, in the mode {@code flags} give it, whose {@link #acceptedFrom()} is the
     *         peer's address; null if this socket is in non-blocking mode and no connection is pending
     * @throws IllegalArgumentException if {@code flags} has any other bit set
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if accept4(2) fails: EINVAL when the socket is not listening,
     *         EOPNOTSUPP for a socket type that does not accept (datagram), EMFILE or ENFILE when
     *         out of descriptors
     */
    public Socket accept(int flags) throws IOException {
        checkFlags(flags);
        return accept0(Scratch.get().address, flags, true);
    }

    private Socket accept0(SockAddrStorage peer, int flags, boolean decode) throws IOException {
        boolean block = !nonBlocking;
        if (block) checkInterrupt();
        peer.prepareForOutput();
        // accept4 cannot carry MSG_DONTWAIT: it may block in the kernel whatever the mode says (another
        // holder may clear O_NONBLOCK), so the thread is always listed for close's wake-up.
        int fd = guard.beginBlocking();
        int nfd = Sys.WOULD_BLOCK;
        try {
            if (block && Thread.currentThread().isVirtual()) kernelNonBlocking(fd);
            long deadline = Blocking.UNSET;
            while ((nfd = Sys.accept4(fd, peer.addr, peer.len, flags)) == Sys.WOULD_BLOCK && block) {
                deadline = Blocking.await(guard, fd, Poll.POLLIN, deadline, RCVTIMEO, "accept");
                peer.prepareForOutput();
            }
        } catch (IOException e) {
            throw closedOr(e, "accept");
        } finally {
            leaveAccept(nfd);
        }
        if (nfd == Sys.WOULD_BLOCK) {
            if (closing()) throw guard.closedWhileBlocked("accept");
            return null;
        }
        // The kernel has handed us nfd: from here on it is either returned wrapped or closed. A
        // connection accepted while this listener is being closed is still returned (it is open).
        try {
            SockAddr from = null;
            if (decode) {
                try {
                    from = peer.length() <= 2 ? SockAddrUn.UNNAMED : peer.get();
                } catch (RuntimeException e) {
                    from = null;
                }
            }
            return new Socket(nfd, domain, type, protocol, (flags & Type.SOCK_NONBLOCK) != 0, from);
        } catch (Throwable t) {
            closeQuietly(nfd);
            throw t;
        }
    }

    /** endBlocking() for accept0: if leaving fails, a descriptor accept4 already returned is closed, not lost. */
    private void leaveAccept(int nfd) {
        try {
            guard.endBlocking();
        } catch (Throwable t) {
            if (nfd >= 0) closeQuietly(nfd);
            throw t;
        }
    }

    private static void closeQuietly(int fd) {
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // released regardless
        }
    }

    /**
     * connect(2). On a blocking socket returns true once connected. On a non-blocking socket returns
     * true if connected at once, false if the connection is in progress: wait for {@link Poll#POLLOUT}
     * and call {@link #finishConnect()}. A blocking connect waits up to the socket's SO_SNDTIMEO
     * (without one, until the kernel gives up); close wakes it.
     *
     * @param addr the peer's address, of this socket's family (for a datagram socket: the default
     *             destination, and the only source datagrams are then accepted from)
     * @return true when connected; false only on a non-blocking socket whose connection is in
     *         progress
     * @throws IllegalArgumentException if {@code addr} is of another family than this socket
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before the connection is made (close the socket then)
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if connect(2) fails: ECONNREFUSED when nothing listens there, ENOENT
     *         for an AF_UNIX path that does not exist, ETIMEDOUT when TCP gave up, ENETUNREACH or
     *         EHOSTUNREACH, EISCONN when already connected; EAGAIN on a non-blocking AF_UNIX socket
     *         whose listener's backlog is full (a blocking call waits for room instead)
     */
    public boolean connect(SockAddr addr) throws IOException {
        checkFamily(addr, "addr");
        boolean block = !nonBlocking;
        if (block) checkInterrupt();
        SockAddrStorage s = Scratch.get().address;
        s.set(addr);
        int fd = guard.beginBlocking();
        try {
            if (block && Thread.currentThread().isVirtual()) kernelNonBlocking(fd);
            int r = connectOnce(fd, s, block ? Blocking.UNSET : 0, block);
            if (r == 0) return true;
            if (!block) return false;
            // In progress. On a platform thread whose descriptor blocks in the kernel, the kernel has
            // waited out SO_SNDTIMEO already (Blocking.await sees that from UNSET) unless a signal cut
            // the call short.
            awaitConnect(fd, r == Errno.EINTR ? Blocking.optionDeadline(guard, SNDTIMEO) : Blocking.UNSET);
            return true;
        } catch (IOException e) {
            throw closedOr(e, "connect");
        } finally {
            guard.endBlocking();
        }
    }

    /**
     * connect(2), and again while an AF_UNIX listener's backlog is full (EAGAIN on a non-blocking
     * descriptor: nothing is in progress, so there is nothing to poll for; it retries every
     * millisecond until {@code deadline}, or fails at once when {@code retry} is false). Returns 0 when
     * connected, else the errno of a connection in progress (EINPROGRESS, EALREADY, EINTR).
     */
    private int connectOnce(int fd, SockAddrStorage s, long deadline, boolean retry) throws IOException {
        while (true) {
            int r = Sys.connect(fd, s.addr, s.length());
            if (closing()) throw guard.closedWhileBlocked("connect");
            if (r != Errno.EAGAIN || domain.value() != Domain.AF_UNIX.value()) return r;
            if (!retry) throw new ErrnoException("connect", r);
            if (deadline == Blocking.UNSET) deadline = Blocking.optionDeadline(guard, SNDTIMEO);
            if (Blocking.expired(deadline)) throw new SocketTimeoutException("connect timed out");
            java.util.concurrent.locks.LockSupport.parkNanos(this, 1_000_000L);
            if (Thread.currentThread().isVirtual()) checkInterrupt();
        }
    }

    /**
     * Connects with a time limit, whatever the socket's mode: a non-blocking connect(2), poll(2) for
     * POLLOUT up to {@code timeout} (a virtual thread parks instead), then getsockopt(2) SO_ERROR.
     * The socket's blocking mode is switched with fcntl(2) for the call and restored afterwards.
     * SO_SNDTIMEO plays no part: {@code timeout} is the limit.
     *
     * @param addr    the peer's address, of this socket's family
     * @param timeout the longest time to wait for the connection; less than a millisecond (zero
     *                included) counts as one millisecond
     * @throws IllegalArgumentException if {@code addr} is of another family than this socket, or
     *         {@code timeout} is negative
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the time ran out (the socket should then be closed)
     * @throws ClosedByInterruptException if the thread's interrupt status is set when the call starts,
     *         or a virtual thread is interrupted while it waits; the socket is then closed
     * @throws ErrnoException if the connection fails, with connect(2)'s errno (ECONNREFUSED,
     *         ENOENT, ENETUNREACH, EHOSTUNREACH, EISCONN, …; see {@link #connect(SockAddr)}), or if
     *         fcntl(2) fails
     */
    public void connect(SockAddr addr, Duration timeout) throws IOException {
        checkFamily(addr, "addr");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout");
        long millis = Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        checkInterrupt();
        boolean wasBlocking = isBlocking();
        if (wasBlocking) setBlocking(false);
        try {
            SockAddrStorage s = Scratch.get().address;
            s.set(addr);
            int fd = guard.beginBlocking();
            try {
                long deadline = Blocking.deadlineMillis(millis);
                if (connectOnce(fd, s, deadline, true) != 0) awaitConnect(fd, deadline);
            } catch (IOException e) {
                throw closedOr(e, "connect");
            } finally {
                guard.endBlocking();
            }
        } finally {
            if (wasBlocking && !closing()) setBlocking(true);
        }
    }

    /**
     * Waits for a connect in progress: POLLOUT, then SO_ERROR. {@code deadline}: a nanoTime deadline,
     * 0 for none, {@link Blocking#UNSET} for SO_SNDTIMEO's.
     */
    private void awaitConnect(int fd, long deadline) throws IOException {
        while (Blocking.pollOne(fd, Poll.POLLOUT, 0) == 0) {
            deadline = Blocking.await(guard, fd, Poll.POLLOUT, deadline, SNDTIMEO, "connect");
        }
        if (closing()) throw guard.closedWhileBlocked("connect");
        int err = soError(fd);
        if (err != 0) throw new ErrnoException("connect", err);
    }

    /**
     * {@return true when the connection is made, false while it is still in progress} Completes a
     * non-blocking {@link #connect(SockAddr)} without waiting: poll(2) for POLLOUT with a zero
     * timeout, then getsockopt(2) SO_ERROR.
     *
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if the connection failed, with the connect's errno (from SO_ERROR:
     *         ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, …), or if poll(2) or getsockopt(2) fails
     */
    public boolean finishConnect() throws IOException {
        int fd = begin();
        try {
            if (Blocking.pollOne(fd, Poll.POLLOUT, 0) == 0) return false;
            int err = soError(fd);
            if (err != 0) throw new ErrnoException("connect", err);
            return true;
        } finally {
            end();
        }
    }

    /**
     * Dissolves a datagram socket's association: connect(2) with an address of family AF_UNSPEC. The
     * socket then sends only with an explicit destination and receives from anyone again. Never
     * waits.
     *
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if connect(2) fails
     */
    public void disconnect() throws IOException {
        SockAddrStorage s = Scratch.get().address;
        s.addr.asSlice(0, 16).fill((byte) 0); // a struct sockaddr whose sa_family is AF_UNSPEC
        int fd = begin();
        try {
            int r = Sys.connect(fd, s.addr, 16);
            if (r != 0) throw new ErrnoException("connect", r);
        } finally {
            end();
        }
    }

    private static int soError(int fd) throws ErrnoException {
        MemorySegment slot = Scratch.get().intSlot;
        MemorySegment v = slot.asSlice(0, 4);
        MemorySegment l = slot.asSlice(4, 4);
        return intOpt(fd, SockOpt.SOL_SOCKET, Sys.SO_ERROR, v, l);
    }

    // ---- send ----------------------------------------------------------------------------------

    /**
     * {@return the number of bytes sent by one send(2) of the whole segment, or
     * {@link #WOULD_BLOCK}} The same as {@code send(buf, 0)}.
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf the bytes to send (native or heap memory)
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if send(2) fails: EPIPE when a stream's peer has gone or the socket is
     *         shut down for writing (no SIGPIPE is raised), ECONNRESET, ENOTCONN or EDESTADDRREQ
     *         when the socket is not connected, EMSGSIZE for a datagram too large to send at once,
     *         ECONNREFUSED on a connected datagram socket after an ICMP port unreachable
     */
    public long send(MemorySegment buf) throws IOException {
        return send(buf, 0);
    }

    /**
     * {@return the number of bytes sent by one send(2) of the whole segment with {@code flags}, or
     * {@link #WOULD_BLOCK}}
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the bytes to send (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if send(2) fails: EPIPE when a stream's peer has gone or the socket is
     *         shut down for writing (no SIGPIPE is raised), ECONNRESET, ENOTCONN or EDESTADDRREQ
     *         when the socket is not connected, EMSGSIZE for a datagram too large to send at once,
     *         ECONNREFUSED on a connected datagram socket after an ICMP port unreachable
     */
    public long send(MemorySegment buf, int flags) throws IOException {
        Buffers.readable(buf);
        return send0(buf, flags, null);
    }

    /**
     * {@return the number of bytes sent by one send(2) of {@code len} bytes of {@code buf} from
     * {@code off}, or {@link #WOULD_BLOCK}}
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the array holding the bytes
     * @param off   the index of the first byte to send
     * @param len   the number of bytes to send
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if send(2) fails: EPIPE when a stream's peer has gone or the socket is
     *         shut down for writing (no SIGPIPE is raised), ECONNRESET, ENOTCONN or EDESTADDRREQ
     *         when the socket is not connected, EMSGSIZE for a datagram too large to send at once,
     *         ECONNREFUSED on a connected datagram socket after an ICMP port unreachable
     */
    public int send(byte[] buf, int off, int len, int flags) throws IOException {
        return (int) send0(array(buf, off, len), 0, len, flags, null);
    }

    /**
     * {@return {@code len} bytes of {@code buf} from {@code off} as a segment that starts there and
     * holds at least {@code len} bytes} (the calls pass {@code len} with it).
     */
    private MemorySegment array(byte[] buf, int off, int len) {
        Objects.requireNonNull(buf, "buf");
        Objects.checkFromIndexSize(off, len, buf.length);
        ArrayView v = lastArray;
        if (v == null || v.array() != buf) lastArray = v = new ArrayView(buf, MemorySegment.ofArray(buf));
        return off == 0 ? v.whole() : v.whole().asSlice(off, len);
    }

    /**
     * {@return the number of bytes sent by one send(2) of the buffer's remaining bytes, or
     * {@link #WOULD_BLOCK}} The buffer's position advances by the bytes sent.
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the bytes to send: position to limit (direct or heap)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if send(2) fails: EPIPE when a stream's peer has gone or the socket is
     *         shut down for writing (no SIGPIPE is raised), ECONNRESET, ENOTCONN or EDESTADDRREQ
     *         when the socket is not connected, EMSGSIZE for a datagram too large to send at once,
     *         ECONNREFUSED on a connected datagram socket after an ICMP port unreachable
     */
    public int send(ByteBuffer buf, int flags) throws IOException {
        return send0(buf, flags, null);
    }

    /** send or sendto of a buffer's remaining bytes, advancing its position by what was sent. */
    private int send0(ByteBuffer buf, int flags, SockAddrStorage to) throws IOException {
        DirectBuffers.View v = view(buf);
        long n;
        if (v.byAddress()) {
            int at = buf.position();
            n = send0(null, v.base() + at, Math.max(0, buf.limit() - at), flags, to);
            Reference.reachabilityFence(buf);
        } else {
            n = send0(Buffers.of(buf), flags, to);
        }
        Buffers.advance(buf, n);
        return (int) n;
    }

    /**
     * {@return the view of {@code buf}, from {@link #lastBuffer} when it is that buffer's} Position
     * and limit are read once by the caller; whatever another thread does to them meanwhile, the
     * range passed is within the buffer's capacity (both are), so its memory is never overrun.
     */
    private DirectBuffers.View view(ByteBuffer buf) {
        Objects.requireNonNull(buf, "buf");
        DirectBuffers.View v = lastBuffer;
        if (v == null || v.buffer() != buf) lastBuffer = v = DirectBuffers.view(buf);
        return v;
    }

    /**
     * Sends all of {@code buf}, looping over partial sends (blocking sockets; on a non-blocking
     * socket it waits for POLLOUT between partial sends). Each round is one send(2); where one would
     * block (non-blocking mode, or MSG_DONTWAIT in {@code flags}) the call waits with
     * {@link #poll(int, int)} for POLLOUT, without a time limit, and goes on.
     *
     * <p>If it fails part-way, some of the bytes may have been sent; how many is not reported.
     *
     * @param buf   the bytes to send (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if a send in blocking mode waits longer than the socket's
     *         SO_SNDTIMEO
     * @throws ClosedByInterruptException if the thread is interrupted: its interrupt status set when a
     *         blocking send or a wait for POLLOUT starts, or a virtual thread interrupted while it
     *         waits; the socket is then closed
     * @throws ErrnoException if send(2) fails: EPIPE when a stream's peer has gone or the socket is
     *         shut down for writing (no SIGPIPE is raised), ECONNRESET, ENOTCONN or EDESTADDRREQ
     *         when the socket is not connected, EMSGSIZE for a datagram too large to send at once,
     *         ECONNREFUSED on a connected datagram socket after an ICMP port unreachable
     */
    public void sendAll(MemorySegment buf, int flags) throws IOException {
        Buffers.readable(buf);
        long done = 0;
        long size = buf.byteSize();
        do {
            long n = send0(buf.asSlice(done), flags, null);
            if (n == WOULD_BLOCK) {
                poll(Poll.POLLOUT, -1);
                continue;
            }
            done += n;
        } while (done < size);
    }

    /**
     * {@return the number of bytes sent by one sendto(2) of the whole segment to {@code to}, or
     * {@link #WOULD_BLOCK}} The address is copied into this thread's scratch storage (no allocation).
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the bytes to send (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @param to    the destination, of this socket's family
     * @throws IllegalArgumentException if {@code to} is of another family than this socket
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendto(2) fails: EMSGSIZE for a datagram too large to send at once,
     *         EACCES for a broadcast address without SO_BROADCAST, ENETUNREACH or EHOSTUNREACH,
     *         ECONNREFUSED or ENOENT for an AF_UNIX address nobody is bound to, EPIPE on a stream
     *         whose peer has gone (no SIGPIPE is raised)
     */
    public long sendto(MemorySegment buf, int flags, SockAddr to) throws IOException {
        Buffers.readable(buf);
        return send0(buf, flags, destination(to));
    }

    /** {@return {@code to}, of this socket's family, encoded into this thread's scratch address} */
    private SockAddrStorage destination(SockAddr to) {
        checkFamily(to, "to");
        SockAddrStorage s = guard.scratch().address;
        s.set(to);
        return s;
    }

    /**
     * {@return the number of bytes sent by one sendto(2) of the whole segment to the address held in
     * {@code to}, or {@link #WOULD_BLOCK}} For a destination reused across calls (no allocation, no
     * encoding). Its family is not checked here; the kernel rejects a wrong one.
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the bytes to send (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @param to    storage holding the destination
     * @throws IllegalArgumentException if {@code to} is empty
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendto(2) fails: EAFNOSUPPORT or EINVAL for an address of another
     *         family, EMSGSIZE for a datagram too large to send at once, EACCES for a broadcast
     *         address without SO_BROADCAST, ENETUNREACH or EHOSTUNREACH, ECONNREFUSED or ENOENT for
     *         an AF_UNIX address nobody is bound to, EPIPE on a stream whose peer has gone (no
     *         SIGPIPE is raised)
     */
    public long sendto(MemorySegment buf, int flags, SockAddrStorage to) throws IOException {
        Buffers.readable(buf);
        Objects.requireNonNull(to, "to");
        if (to.length() == 0) throw new IllegalArgumentException("empty destination address");
        return send0(buf, flags, to);
    }

    /**
     * {@return the number of bytes sent by one sendto(2) of {@code len} bytes of {@code buf} from
     * {@code off} to {@code to}, or {@link #WOULD_BLOCK}}
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the array holding the bytes
     * @param off   the index of the first byte to send
     * @param len   the number of bytes to send
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @param to    the destination, of this socket's family
     * @throws IllegalArgumentException if {@code to} is of another family than this socket
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendto(2) fails: EMSGSIZE for a datagram too large to send at once,
     *         EACCES for a broadcast address without SO_BROADCAST, ENETUNREACH or EHOSTUNREACH,
     *         ECONNREFUSED or ENOENT for an AF_UNIX address nobody is bound to, EPIPE on a stream
     *         whose peer has gone (no SIGPIPE is raised)
     */
    public int sendto(byte[] buf, int off, int len, int flags, SockAddr to) throws IOException {
        MemorySegment seg = array(buf, off, len);
        return (int) send0(seg, 0, len, flags, destination(to));
    }

    /**
     * {@return the number of bytes sent by one sendto(2) of the buffer's remaining bytes to
     * {@code to}, or {@link #WOULD_BLOCK}} The buffer's position advances by the bytes sent.
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered (see
     * {@link #sendAll}).
     *
     * @param buf   the bytes to send: position to limit (direct or heap)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_OOB, …), or 0; MSG_NOSIGNAL is
     *              always added
     * @param to    the destination, of this socket's family
     * @throws IllegalArgumentException if {@code to} is of another family than this socket
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendto(2) fails: EMSGSIZE for a datagram too large to send at once,
     *         EACCES for a broadcast address without SO_BROADCAST, ENETUNREACH or EHOSTUNREACH,
     *         ECONNREFUSED or ENOENT for an AF_UNIX address nobody is bound to, EPIPE on a stream
     *         whose peer has gone (no SIGPIPE is raised)
     */
    public int sendto(ByteBuffer buf, int flags, SockAddr to) throws IOException {
        Objects.requireNonNull(buf, "buf");
        return send0(buf, flags, destination(to));
    }

    /*
     * The send/recv family goes through Blocking.call, the one loop: a call that must not wait in the
     * kernel (non-blocking mode, MSG_DONTWAIT, any call on a virtual thread) carries MSG_DONTWAIT,
     * which is what lets Sys use the critical downcall (and hand heap memory to the kernel) whatever
     * O_NONBLOCK another holder sets; a blocking-mode call on a platform thread is one plain blocking
     * system call, listed on the guard so that close can interrupt it.
     */
    // b null: the memory is passed by number, at address at (a direct ByteBuffer's, see DirectBuffers).
    private static final Blocking.Call SEND = (st, fd, b, at, n, f, x) -> Sys.send(st, fd, b, at, n, f);
    private static final Blocking.Call SENDTO = (st, fd, b, at, n, f, x) -> {
        SockAddrStorage to = (SockAddrStorage) x;
        return Sys.sendto(st, fd, b, at, n, f, to.addr, to.length());
    };
    private static final Blocking.Call RECV = (st, fd, b, at, n, f, x) -> Sys.recv(st, fd, b, at, n, f);
    private static final Blocking.Call RECVFROM = (st, fd, b, at, n, f, x) -> {
        SockAddrStorage from = (SockAddrStorage) x;
        from.prepareForOutput();
        return Sys.recvfrom(st, fd, b, at, n, f, from.addr, from.len);
    };

    private long send0(MemorySegment buf, int flags, SockAddrStorage to) throws IOException {
        return send0(buf, 0, buf.byteSize(), flags, to);
    }

    /** send or sendto of {@code buf}, or (buf null) of the native memory at {@code at}, passed by number. */
    private long send0(MemorySegment buf, long at, long len, int flags, SockAddrStorage to) throws IOException {
        flags |= Msg.MSG_NOSIGNAL;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        MemorySegment src = buf;
        if (buf != null && Blocking.inKernel(guard.scratch(), block) && !buf.isNative()) {
            src = Scratch.bounce(len);
            MemorySegment.copy(buf, 0, src, 0, len);
        }
        return to == null
                ? Blocking.call(guard, block, Blocking.TRY_THEN_REST, flags, Poll.POLLOUT, Blocking.UNSET, SNDTIMEO, "send", SEND, src, at, len, null)
                : Blocking.call(guard, block, Blocking.TRY_THEN_REST, flags, Poll.POLLOUT, Blocking.UNSET, SNDTIMEO, "sendto", SENDTO, src, at, len, to);
    }

    // ---- recv ----------------------------------------------------------------------------------

    /**
     * {@return the number of bytes received by one recv(2) into the whole segment: 0 at end of
     * stream (or for an empty datagram), or {@link #WOULD_BLOCK}} The same as {@code recv(buf, 0)}.
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf where the bytes go (native or heap memory)
     * @throws IllegalArgumentException if the segment is read-only
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recv(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public long recv(MemorySegment buf) throws IOException {
        return recv(buf, 0);
    }

    /**
     * {@return the number of bytes received by one recv(2) with {@code flags}: 0 at end of stream or
     * for an empty datagram, or {@link #WOULD_BLOCK}; with {@link Msg#MSG_TRUNC}, the real length of
     * a datagram longer than the segment}
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   where the bytes go (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @throws IllegalArgumentException if the segment is read-only
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recv(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public long recv(MemorySegment buf, int flags) throws IOException {
        Buffers.writable(buf);
        return recv0(buf, flags, null);
    }

    /**
     * {@return the number of bytes received by one recv(2) into {@code len} bytes of {@code buf} from
     * {@code off}: 0 at end of stream or for an empty datagram, or {@link #WOULD_BLOCK}; with
     * {@link Msg#MSG_TRUNC}, the real length of a longer datagram}
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   the array that receives the bytes
     * @param off   the index where the first byte goes
     * @param len   the most bytes to receive
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recv(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public int recv(byte[] buf, int off, int len, int flags) throws IOException {
        return (int) recv0(array(buf, off, len), 0, len, flags, null);
    }

    /**
     * {@return the number of bytes received by one recv(2) into the buffer's remaining space: 0 at
     * end of stream or for an empty datagram, or {@link #WOULD_BLOCK}; with {@link Msg#MSG_TRUNC},
     * the real length of a longer datagram} The buffer's position advances by the bytes stored.
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   where the bytes go: position to limit (direct or heap)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @throws IllegalArgumentException if {@code buf} is read-only
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recv(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public int recv(ByteBuffer buf, int flags) throws IOException {
        return recv0(buf, flags, null);
    }

    /** recv or recvfrom into a buffer's remaining room, advancing its position by what came (at most the room). */
    private int recv0(ByteBuffer buf, int flags, SockAddrStorage from) throws IOException {
        DirectBuffers.View v = view(buf);
        if (!v.byAddress() || buf.isReadOnly()) {
            MemorySegment seg = Buffers.writable(buf);
            long n = recv0(seg, flags, from);
            Buffers.advance(buf, Math.min(n, seg.byteSize()));
            return (int) n;
        }
        int at = buf.position();
        long room = Math.max(0, buf.limit() - at);
        long n = recv0(null, v.base() + at, room, flags, from);
        Reference.reachabilityFence(buf);
        Buffers.advance(buf, Math.min(n, room));
        return (int) n;
    }

    /**
     * {@return the number of bytes received by one recvfrom(2): 0 at end of stream or for an empty
     * datagram, or {@link #WOULD_BLOCK}; with {@link Msg#MSG_TRUNC}, the real length of a datagram
     * longer than the segment} The sender's address goes into {@code from} (reusable, no
     * allocation).
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   where the bytes go (native or heap memory)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @param from  reusable storage that receives the sender's address (left empty, length 0,
     *              when the kernel gives none, as on a connected stream socket)
     * @throws IllegalArgumentException if the segment is read-only
     * @throws IllegalStateException if the segment's arena is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recvfrom(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public long recvfrom(MemorySegment buf, int flags, SockAddrStorage from) throws IOException {
        Buffers.writable(buf);
        Objects.requireNonNull(from, "from");
        return recv0(buf, flags, from);
    }

    /**
     * {@return the number of bytes received by one recvfrom(2) into {@code len} bytes of {@code buf}
     * from {@code off}: 0 at end of stream or for an empty datagram, or {@link #WOULD_BLOCK}; with
     * {@link Msg#MSG_TRUNC}, the real length of a longer datagram} The sender's address goes into
     * {@code from}.
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   the array that receives the bytes
     * @param off   the index where the first byte goes
     * @param len   the most bytes to receive
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @param from  reusable storage that receives the sender's address (left empty, length 0,
     *              when the kernel gives none, as on a connected stream socket)
     * @throws IndexOutOfBoundsException if {@code off} and {@code len} do not lie within {@code buf}
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recvfrom(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public int recvfrom(byte[] buf, int off, int len, int flags, SockAddrStorage from) throws IOException {
        Objects.requireNonNull(from, "from");
        return (int) recv0(array(buf, off, len), 0, len, flags, from);
    }

    /**
     * {@return the number of bytes received by one recvfrom(2) into the buffer's remaining space: 0
     * at end of stream or for an empty datagram, or {@link #WOULD_BLOCK}; with
     * {@link Msg#MSG_TRUNC}, the real length of a longer datagram} The buffer's position advances by
     * the bytes stored; the sender's address goes into {@code from}.
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param buf   where the bytes go: position to limit (direct or heap)
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, …), or 0
     * @param from  reusable storage that receives the sender's address (left empty, length 0,
     *              when the kernel gives none, as on a connected stream socket)
     * @throws IllegalArgumentException if {@code buf} is read-only
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recvfrom(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public int recvfrom(ByteBuffer buf, int flags, SockAddrStorage from) throws IOException {
        Objects.requireNonNull(from, "from");
        return recv0(buf, flags, from);
    }

    private long recv0(MemorySegment buf, int flags, SockAddrStorage from) throws IOException {
        return recv0(buf, 0, buf.byteSize(), flags, from);
    }

    /** recv or recvfrom into {@code buf}, or (buf null) into the native memory at {@code at}, passed by number. */
    private long recv0(MemorySegment buf, long at, long len, int flags, SockAddrStorage from) throws IOException {
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        boolean bounce = buf != null && Blocking.inKernel(guard.scratch(), block) && !buf.isNative();
        MemorySegment dst = bounce ? Scratch.bounce(len) : buf;
        long r = from == null
                ? Blocking.call(guard, block, Blocking.TRY, flags, Poll.POLLIN, Blocking.UNSET, RCVTIMEO, "recv", RECV, dst, at, len, null)
                : Blocking.call(guard, block, Blocking.TRY, flags, Poll.POLLIN, Blocking.UNSET, RCVTIMEO, "recvfrom", RECVFROM, dst, at, len, from);
        if (bounce && r > 0) MemorySegment.copy(dst, 0, buf, 0, Math.min(r, len));
        return r;
    }

    // ---- shutdown / poll -----------------------------------------------------------------------

    /**
     * shutdown(2): ends reception, transmission or both on a connected socket. Unlike
     * {@link #close()}, it acts on the socket itself, so every holder of the open file sees it; the
     * descriptor stays open.
     *
     * @param how which direction to shut down
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if shutdown(2) fails: ENOTCONN when the socket is not connected
     */
    public void shutdown(Shutdown how) throws IOException {
        Objects.requireNonNull(how, "how");
        int fd = begin();
        try {
            Sys.shutdown(fd, how.how());
        } finally {
            end();
        }
    }

    /**
     * {@return the ready events ({@link Poll} bits; POLLERR, POLLHUP and POLLNVAL may come without
     * being asked for), 0 on timeout} poll(2) on this socket alone. A platform thread waits in
     * poll(2); a virtual thread checks with a zero-timeout poll(2), then parks on ffsock's poller
     * (its carrier stays free). Close wakes the wait.
     *
     * <p>Unlike {@link PollSet#poll(int)} and {@link Epoll#wait(EpollEvents, int)}, an interrupt
     * closes the socket, as the socket's other waiting calls do. A platform thread blocked in poll(2)
     * is not woken by an interrupt.
     *
     * @param events        the {@link Poll} bits to wait for
     * @param timeoutMillis -1 to wait forever, 0 to check without waiting
     * @throws IllegalArgumentException if {@code timeoutMillis} is less than -1
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws ClosedByInterruptException if {@code timeoutMillis} is not 0 and the thread's interrupt
     *         status is set when the call starts (in either blocking mode), or a virtual thread is
     *         interrupted while it waits; the socket is then closed
     * @throws ErrnoException if poll(2) fails
     */
    public int poll(int events, int timeoutMillis) throws IOException {
        if (timeoutMillis < -1) throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
        if (timeoutMillis != 0) checkInterrupt();
        int fd = timeoutMillis == 0 ? begin() : guard.beginBlocking();
        try {
            return Blocking.ready(POLL, this, fd, events, timeoutMillis);
        } finally {
            if (timeoutMillis == 0) end(); else guard.endBlocking();
        }
    }

    /** poll(2) of this socket alone, for {@link Blocking#ready}. */
    private static final Blocking.Ready POLL = new Blocking.Ready() {
        @Override
        public int check(Object target, int fd, int events, int millis) throws IOException {
            int revents = Blocking.pollOne(fd, events, millis);
            FdGuard g = ((Socket) target).guard;
            if (g.closing()) throw g.closedWhileBlocked("poll");
            return revents;
        }

        @Override
        public boolean park(Object target, int fd, int events, long deadline, boolean virtual) throws IOException {
            if (!virtual) return true;
            try {
                Blocking.await(((Socket) target).guard, fd, events, deadline, Blocking.NO_OPTION, "poll");
                return true;
            } catch (SocketTimeoutException e) {
                return false; // the deadline passed between the check and the wait
            }
        }
    };

    /** {@return the I/O core of this socket (for MsgIo, PollSet, Epoll)} */
    FdGuard guard() {
        return guard;
    }

    /** {@return whether a call with these flags waits: blocking mode and no MSG_DONTWAIT} */
    boolean blocking(int flags) {
        return !nonBlocking && (flags & Msg.MSG_DONTWAIT) == 0;
    }

    // ---- java.io / java.nio views --------------------------------------------------------------

    /**
     * {@return an InputStream over recv(2)} For blocking stream sockets: end of stream reads as -1,
     * SO_RCVTIMEO expiry throws {@link SocketTimeoutException}, close and interrupt behave as for
     * {@link #recv}; closing the stream closes this socket. Not buffered. On a non-blocking socket
     * reads throw {@link java.nio.channels.IllegalBlockingModeException}.
     */
    public java.io.InputStream inputStream() {
        return new SocketStreams.In(this);
    }

    /**
     * {@return an OutputStream over send(2)} Each write sends all its bytes (looping over partial
     * sends); closing the stream closes this socket. Not buffered. On a non-blocking socket writes
     * throw {@link java.nio.channels.IllegalBlockingModeException}.
     */
    public java.io.OutputStream outputStream() {
        return new SocketStreams.Out(this);
    }

    /**
     * {@return a ByteChannel over recv(2)/send(2)} {@code isOpen()}/{@code close()} are this socket's;
     * a closed socket gives {@link java.nio.channels.ClosedChannelException}, a close during the call
     * {@link java.nio.channels.AsynchronousCloseException}; blocking-mode writes send every byte,
     * non-blocking reads/writes return 0 when they would block, end of stream reads as -1.
     */
    public java.nio.channels.ByteChannel channel() {
        return new SocketByteChannel(this);
    }

    // ---- options -------------------------------------------------------------------------------

    /**
     * {@return the value of a typed option, read with getsockopt(2)}
     *
     * @param <T>    the option's value type
     * @param option the option, one of the {@link SockOpt} constants
     * @throws UnsupportedOperationException if the option is write-only
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if getsockopt(2) fails: ENOPROTOOPT when the option does not apply to
     *         this socket (a TCP option on a UDP socket, one the running kernel lacks)
     * @throws IOException if the kernel's value is not of the size the option's type needs
     */
    public <T> T getsockopt(SockOpt<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        Scratch sc = guard.scratch();
        int fd = guard.begin(sc);
        try {
            return option.get(fd, sc);
        } finally {
            end();
        }
    }

    /**
     * setsockopt(2) of a typed option.
     *
     * @param <T>    the option's value type
     * @param option the option, one of the {@link SockOpt} constants
     * @param value  the new value
     * @throws UnsupportedOperationException if the option is read-only
     * @throws IllegalArgumentException if the value cannot be encoded (a negative timeout, a string
     *         too long or containing NUL)
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if setsockopt(2) fails: ENOPROTOOPT when the option does not apply to
     *         this socket, EINVAL for a value the kernel refuses, EPERM for a privileged option
     *         without the capability (SO_RCVBUFFORCE needs CAP_NET_ADMIN)
     */
    public <T> void setsockopt(SockOpt<T> option, T value) throws IOException {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        int fd = begin();
        try {
            option.set(fd, value);
        } finally {
            end();
        }
    }

    /**
     * {@return the value of any int-valued option, read by level and name with getsockopt(2)} The
     * escape hatch for options without a {@link SockOpt} constant; a value the kernel gives in fewer
     * than 4 bytes reads zero-extended (a single byte as 0..255, an empty one as 0).
     *
     * @param level the option's level ({@link SockOpt#SOL_SOCKET}, {@link SockOpt#IPPROTO_TCP}, …)
     * @param name  the option's number at that level (its C constant)
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if getsockopt(2) fails: ENOPROTOOPT for an option or level that does
     *         not apply to this socket
     */
    public int getsockoptInt(int level, int name) throws IOException {
        Scratch sc = guard.scratch();
        int fd = guard.begin(sc);
        try {
            return SockOpt.getInt(sc, fd, level, name);
        } finally {
            end();
        }
    }

    /**
     * setsockopt(2) of any int-valued option by level and name (a 4-byte value).
     *
     * @param level the option's level ({@link SockOpt#SOL_SOCKET}, {@link SockOpt#IPPROTO_TCP}, …)
     * @param name  the option's number at that level (its C constant)
     * @param value the new value
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if setsockopt(2) fails: ENOPROTOOPT for an option or level that does
     *         not apply to this socket, EINVAL for a value the kernel refuses, EPERM for a
     *         privileged option without the capability
     */
    public void setsockoptInt(int level, int name, int value) throws IOException {
        int fd = begin();
        try {
            SockOpt.setInt(fd, level, name, value);
        } finally {
            end();
        }
    }

    /**
     * {@return the value of any option as raw bytes, read with getsockopt(2): at most
     * {@code maxLength} bytes, trimmed to what the kernel wrote}
     *
     * @param level the option's level ({@link SockOpt#SOL_SOCKET}, {@link SockOpt#IPPROTO_TCP}, …)
     * @param name  the option's number at that level (its C constant)
     * @param maxLength the most bytes to read, 0 to 65536
     * @throws IllegalArgumentException if {@code maxLength} is outside 0..65536
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if getsockopt(2) fails: ENOPROTOOPT for an option or level that does
     *         not apply to this socket
     */
    public byte[] getsockoptBytes(int level, int name, int maxLength) throws IOException {
        if (maxLength < 0 || maxLength > 65536) throw new IllegalArgumentException("maxLength out of range (0-65536): " + maxLength);
        int fd = begin();
        try {
            return SockOpt.getBytes(fd, level, name, maxLength);
        } finally {
            end();
        }
    }

    /**
     * setsockopt(2) of any option from raw bytes (the value's length is the option length).
     *
     * @param level the option's level ({@link SockOpt#SOL_SOCKET}, {@link SockOpt#IPPROTO_TCP}, …)
     * @param name  the option's number at that level (its C constant)
     * @param value the option's value, laid out as the kernel expects it
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException if setsockopt(2) fails: ENOPROTOOPT for an option or level that does
     *         not apply to this socket, EINVAL for a value of the wrong size or content, EPERM for
     *         a privileged option without the capability
     */
    public void setsockoptBytes(int level, int name, byte[] value) throws IOException {
        Objects.requireNonNull(value, "value");
        int fd = begin();
        try {
            SockOpt.setBytes(fd, level, name, value);
        } finally {
            end();
        }
    }

    // ---- message I/O: sendmsg / recvmsg / sendmmsg / recvmmsg (see Message, DatagramBatch) ------

    /**
     * {@return the number of bytes sent by one sendmsg(2), or {@link #WOULD_BLOCK}} Gathers the
     * message's buffers, with its address (if not empty) and its control messages. Adds
     * MSG_NOSIGNAL.
     *
     * <p>In blocking mode the call waits for room in the send buffer, up to the socket's
     * SO_SNDTIMEO, and close wakes it; in non-blocking mode, or with MSG_DONTWAIT, it returns
     * {@link #WOULD_BLOCK} instead. A stream socket may take fewer bytes than offered.
     *
     * @param msg   the message: its buffers, its destination (leave the address empty on a connected
     *              socket) and its control messages
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_MORE, MSG_EOR, …), or 0; MSG_NOSIGNAL is always
     *              added
     * @throws IllegalStateException if {@code msg} is closed
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendmsg(2) fails: as for {@link #sendto(MemorySegment, int,
     *         SockAddr)} (EMSGSIZE, EPIPE, EDESTADDRREQ, …), EBADF for an SCM_RIGHTS descriptor
     *         that is not open, EINVAL for a malformed control message
     */
    public long sendmsg(Message msg, int flags) throws IOException {
        Objects.requireNonNull(msg, "message");
        flags |= Msg.MSG_NOSIGNAL;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        MemorySegment bounce = msg.prepareSend();
        try {
            return msg.sent(MsgIo.sendmsg(guard, block, type.equals(Type.STREAM) ? Blocking.WAIT : Blocking.TRY, msg.hdr, flags));
        } finally {
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(msg);
        }
    }

    /**
     * {@return MSG_CMSG_CLOEXEC, which the message receives add — but not on AF_PACKET sockets, whose
     * recvmsg refuses it with EINVAL (they never receive descriptors)}
     */
    private int cmsgCloexec() {
        return domain.value() == Domain.AF_PACKET.value() ? 0 : Msg.MSG_CMSG_CLOEXEC;
    }

    /**
     * recvmsg(2): scatters into the message's buffers; the source goes to {@link Message#address()},
     * msg_flags to {@link Message#flags()} (MSG_TRUNC, MSG_CTRUNC, MSG_EOR), control messages to
     * {@link Message#control()}. Bytes received (0 at end of stream), or {@link #WOULD_BLOCK}. Always
     * adds MSG_CMSG_CLOEXEC (but on AF_PACKET sockets), so received descriptors are close-on-exec.
     *
     * <p>In blocking mode the call waits for data, up to the socket's SO_RCVTIMEO, and close wakes
     * it; in non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param msg   the message whose buffers receive the data; its address, flags and control
     *              messages are replaced by the received ones
     * @param flags {@link Msg} flags (MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_ERRQUEUE, …), or 0
     * @return the number of bytes received: 0 at end of stream or for an empty datagram, or
     *         {@link #WOULD_BLOCK}
     * @throws IllegalStateException if {@code msg} is closed
     * @throws IllegalArgumentException if one of the message's buffers is read-only
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before anything arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recvmsg(2) fails: ECONNRESET when the peer reset the connection,
     *         ENOTCONN when a stream socket is not connected, ECONNREFUSED on a connected datagram
     *         socket after an ICMP port unreachable
     */
    public long recvmsg(Message msg, int flags) throws IOException {
        Objects.requireNonNull(msg, "message");
        flags |= cmsgCloexec();
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        MemorySegment bounce = msg.prepareReceive();
        try {
            long r = MsgIo.recvmsg(guard, block, msg.hdr, flags);
            if (r >= 0) msg.received(r, bounce);
            return r;
        } finally {
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(msg);
        }
    }

    /**
     * sendmmsg(2) of slots {@code from} to {@code from + count - 1} of a batch: the number of
     * datagrams sent (each slot's {@link DatagramBatch#length(int)} becomes its bytes sent), or
     * {@link #WOULD_BLOCK}. Adds MSG_NOSIGNAL. A {@code count} of 0 returns 0 without a system call.
     *
     * <p>The kernel may send fewer datagrams than asked: an error after the first datagram ends the
     * call early with the number sent (sendmmsg(2)'s rule); send the rest with another call. In
     * blocking mode the call waits for room, up to the socket's SO_SNDTIMEO, and close wakes it; in
     * non-blocking mode, or with MSG_DONTWAIT, it returns {@link #WOULD_BLOCK} instead.
     *
     * @param batch the batch whose slots hold the datagrams (and, on an unconnected socket, their
     *              destinations)
     * @param from  the first slot to send
     * @param count the number of slots to send
     * @param flags {@link Msg} flags (MSG_DONTWAIT, …), or 0; MSG_NOSIGNAL is always added
     * @return the number of datagrams sent, from slot {@code from} on, or {@link #WOULD_BLOCK}
     * @throws IndexOutOfBoundsException if {@code from} and {@code count} do not lie within the batch
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_SNDTIMEO
     *         expires before anything could be sent
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if sendmmsg(2) fails on the first datagram: as for {@link
     *         #sendto(MemorySegment, int, SockAddr)} (EMSGSIZE, EDESTADDRREQ for a slot without
     *         destination on an unconnected socket, …)
     */
    public int sendmmsg(DatagramBatch batch, int from, int count, int flags) throws IOException {
        Objects.requireNonNull(batch, "batch");
        Objects.checkFromIndexSize(from, count, batch.size());
        if (count == 0) return 0;
        flags |= Msg.MSG_NOSIGNAL;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        batch.prepareSend(from, count);
        try {
            int r = MsgIo.sendmmsg(guard, block, batch.vecFrom[from], count, flags);
            if (r > 0) batch.afterSend(from, r);
            return r;
        } finally {
            Reference.reachabilityFence(batch);
        }
    }

    /**
     * recvmmsg(2) into the batch's slots, blocking as the socket's mode and {@code flags} say (pass
     * {@link Msg#MSG_WAITFORONE} to return once at least one datagram arrived): the number of slots
     * filled, or {@link #WOULD_BLOCK}. Always adds MSG_CMSG_CLOEXEC.
     *
     * <p>In blocking mode without MSG_WAITFORONE the call waits until every slot is filled
     * (recvmmsg(2)'s own rule; a virtual thread's call, which cannot wait in the kernel, goes on
     * waiting on ffsock's poller to the same end). SO_RCVTIMEO bounds the waiting:
     * running out before the first datagram throws, after it ends the call with what arrived. Close
     * wakes the wait. For a real time limit use
     * {@link #recvmmsg(DatagramBatch, int, Duration)}.
     *
     * @param batch the batch whose slots receive the datagrams, from slot 0
     * @param flags {@link Msg} flags (MSG_WAITFORONE, MSG_DONTWAIT, MSG_PEEK, …), or 0
     * @return the number of slots filled, or {@link #WOULD_BLOCK}
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws SocketTimeoutException if the call is in blocking mode and the socket's SO_RCVTIMEO
     *         expires before a datagram arrives
     * @throws ClosedByInterruptException if the call is in blocking mode and the thread is
     *         interrupted (its interrupt status set when the call starts, or a virtual thread
     *         interrupted while it waits); the socket is then closed
     * @throws ErrnoException if recvmmsg(2) fails: ECONNREFUSED on a connected datagram socket
     *         after an ICMP port unreachable, …
     */
    public int recvmmsg(DatagramBatch batch, int flags) throws IOException {
        Objects.requireNonNull(batch, "batch");
        flags |= cmsgCloexec();
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        batch.prepareReceive(0);
        int r = WOULD_BLOCK;
        try {
            r = MsgIo.recvmmsg(guard, block, batch.vec, batch.size(), flags);
            if (r > 0) batch.afterReceive(0, r);
            if (r > 0 && block && (flags & Msg.MSG_WAITFORONE) == 0 && Thread.currentThread().isVirtual()) {
                r = MsgIo.recvmmsgFill(guard, batch.receiver, r, batch.size(), flags);
            }
            return r;
        } finally {
            if (r <= 0) batch.receiveFailed(0);
            Reference.reachabilityFence(batch);
        }
    }

    /**
     * recvmmsg(2) with a time limit, whatever the socket's mode: fills slots until all are filled,
     * {@code timeout} has passed, or — with {@link Msg#MSG_WAITFORONE} — at least one datagram
     * arrived. The number of slots filled; 0 when none arrived in time. A zero timeout takes what is
     * there without waiting.
     *
     * <p>Each attempt is a non-blocking recvmmsg(2); between attempts a platform thread waits in
     * poll(2) and a virtual thread parks on ffsock's poller. SO_RCVTIMEO plays no part, and running
     * out of time is not an error. Always adds MSG_CMSG_CLOEXEC.
     *
     * @param batch   the batch whose slots receive the datagrams, from slot 0
     * @param flags   {@link Msg} flags (MSG_WAITFORONE, MSG_PEEK, …), or 0
     * @param timeout the longest time to wait; zero to take only what is already there
     * @return the number of slots filled; 0 when no datagram arrived in time
     * @throws IllegalArgumentException if {@code timeout} is negative
     * @throws SocketClosedException if the socket is closed, or is closed by another thread during
     *         the call
     * @throws ClosedByInterruptException if the thread's interrupt status is set when the call starts
     *         (whatever the socket's mode), or a virtual thread is interrupted while it waits; the
     *         socket is then closed
     * @throws ErrnoException if recvmmsg(2) fails before any datagram arrived (an error after some
     *         arrived ends the call with what arrived, and stays pending for the next call)
     */
    public int recvmmsg(DatagramBatch batch, int flags, Duration timeout) throws IOException {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout");
        boolean waitForOne = (flags & Msg.MSG_WAITFORONE) != 0;
        flags = (flags & ~Msg.MSG_WAITFORONE) | cmsgCloexec();
        checkInterrupt();
        batch.prepareReceive(0);
        int got = 0;
        try {
            got = MsgIo.recvmmsgUntil(guard, batch.receiver, batch.size(), flags, Blocking.deadline(timeout), waitForOne);
            return got;
        } finally {
            batch.receiveFailed(got);
            Reference.reachabilityFence(batch);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Socket[");
        sb.append(domain).append(' ').append(type);
        if (closing()) return sb.append(" closed]").toString();
        sb.append(" fd=").append(fd);
        if (nonBlocking) sb.append(" nonblocking");
        return sb.append(']').toString();
    }
}
