package dev.ffsock;

import dev.ffsock.internal.Scratch;
import dev.ffsock.internal.Blocking;
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
 * would block it parks on ffsock's internal poller (one platform daemon thread in epoll_wait(2) with
 * EPOLLONESHOT registrations), is unparked when the descriptor is ready and retries. A platform
 * thread that meets EAGAIN in blocking mode because the descriptor is O_NONBLOCK underneath waits in
 * poll(2) and retries. SO_RCVTIMEO (recv, recvfrom, recvmsg, recvmmsg, accept) and SO_SNDTIMEO (send,
 * sendto, sendmsg, sendmmsg, connect) keep their meaning everywhere: the kernel applies them to a
 * platform thread's blocking call; otherwise their value is read when a call first has to wait, and
 * expiry throws {@link SocketTimeoutException}.
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

    /** socket(2) with the domain's default protocol, close-on-exec, blocking. */
    public static Socket open(Domain domain, Type type) throws IOException {
        return open(domain, type, Protocol.DEFAULT);
    }

    /** socket(2), close-on-exec, blocking. */
    public static Socket open(Domain domain, Type type, Protocol protocol) throws IOException {
        return open(domain, type, protocol, Type.SOCK_CLOEXEC);
    }

    /**
     * socket(2) with explicit flags: {@link Type#SOCK_NONBLOCK} and/or {@link Type#SOCK_CLOEXEC}
     * (pass 0 for a descriptor that survives exec).
     */
    public static Socket open(Domain domain, Type type, Protocol protocol, int flags) throws IOException {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        checkFlags(flags);
        int fd = Sys.socket(domain.value(), type.value() | flags, protocol.value());
        return new Socket(fd, domain, type, protocol, (flags & Type.SOCK_NONBLOCK) != 0, null);
    }

    /** socketpair(2): two connected sockets, close-on-exec, blocking. */
    public static Socket[] socketpair(Domain domain, Type type) throws IOException {
        return socketpair(domain, type, Protocol.DEFAULT, Type.SOCK_CLOEXEC);
    }

    /** socketpair(2) with explicit protocol and flags (see {@link #open(Domain, Type, Protocol, int)}). */
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
     * blocking mode with fcntl. Closing the returned socket closes {@code fd}.
     *
     * @throws ErrnoException ENOTSOCK if {@code fd} is not a socket, EBADF if it is not open
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
    private int begin() throws SocketClosedException {
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
     * {@return the peer address accept4(2) reported for a socket returned by {@link #accept()}; null
     * for other sockets}
     */
    public SockAddr acceptedFrom() {
        return acceptedFrom;
    }

    /** {@return whether the socket is in blocking mode (O_NONBLOCK clear)} */
    public boolean isBlocking() {
        return !nonBlocking;
    }

    /** Switches blocking mode: fcntl(F_SETFL) with O_NONBLOCK set or cleared. */
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

    /** bind(2). */
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

    /** listen(2). */
    public void listen(int backlog) throws IOException {
        int fd = begin();
        try {
            Sys.listen(fd, backlog);
        } finally {
            end();
        }
    }

    /** getsockname(2): the address this socket is bound to. */
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

    /** getpeername(2): the address of the connected peer. */
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
     */
    public Socket accept() throws IOException {
        return accept0(Scratch.get().address, Type.SOCK_CLOEXEC, true);
    }

    /** accept4(2) writing the peer's address into {@code peer} instead of decoding it (no allocation but the socket). */
    public Socket accept(SockAddrStorage peer) throws IOException {
        Objects.requireNonNull(peer, "peer");
        return accept0(peer, Type.SOCK_CLOEXEC, false);
    }

    /** accept4(2) with explicit flags ({@link Type#SOCK_NONBLOCK}, {@link Type#SOCK_CLOEXEC}). */
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
     * and call {@link #finishConnect()}.
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
            awaitConnect(fd, r == Errno.EINTR ? Blocking.deadline(getsockoptTimeout(fd, SNDTIMEO)) : Blocking.UNSET);
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
            if (deadline == Blocking.UNSET) deadline = Blocking.deadline(getsockoptTimeout(fd, SNDTIMEO));
            if (Blocking.expired(deadline)) throw new SocketTimeoutException("connect timed out");
            java.util.concurrent.locks.LockSupport.parkNanos(this, 1_000_000L);
            if (Thread.currentThread().isVirtual()) checkInterrupt();
        }
    }

    private static Duration getsockoptTimeout(int fd, int name) throws IOException {
        return (name == RCVTIMEO ? SockOpt.SO_RCVTIMEO : SockOpt.SO_SNDTIMEO).get(fd);
    }

    /**
     * Connects with a time limit, whatever the socket's mode: a non-blocking connect(2), poll(2) for
     * POLLOUT up to {@code timeout}, then SO_ERROR. The socket's blocking mode is restored afterwards.
     *
     * @throws SocketTimeoutException if the time ran out (the socket should then be closed)
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
     * Completes a non-blocking connect: true when connected, false while still in progress.
     *
     * @throws ErrnoException with the connect's errno (from SO_ERROR) if it failed
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

    private static int soError(int fd) throws ErrnoException {
        MemorySegment slot = Scratch.get().intSlot;
        MemorySegment v = slot.asSlice(0, 4);
        MemorySegment l = slot.asSlice(4, 4);
        return intOpt(fd, SockOpt.SOL_SOCKET, Sys.SO_ERROR, v, l);
    }

    // ---- send ----------------------------------------------------------------------------------

    /** send(2) of the whole segment: bytes sent, or {@link #WOULD_BLOCK}. */
    public long send(MemorySegment buf) throws IOException {
        return send(buf, 0);
    }

    /** send(2) of the whole segment with flags: bytes sent, or {@link #WOULD_BLOCK}. */
    public long send(MemorySegment buf, int flags) throws IOException {
        Buffers.readable(buf);
        return send0(buf, flags, null);
    }

    /** send(2) of {@code len} bytes of {@code buf} from {@code off}: bytes sent, or {@link #WOULD_BLOCK}. */
    public int send(byte[] buf, int off, int len, int flags) throws IOException {
        return (int) send0(Buffers.of(buf, off, len), flags, null);
    }

    /** send(2) of the buffer's remaining bytes; its position advances by the bytes sent. */
    public int send(ByteBuffer buf, int flags) throws IOException {
        long n = send0(Buffers.of(buf), flags, null);
        Buffers.advance(buf, n);
        return (int) n;
    }

    /**
     * Sends all of {@code buf}, looping over partial sends (blocking sockets; on a non-blocking
     * socket it waits for POLLOUT between partial sends).
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

    /** sendto(2): bytes sent or {@link #WOULD_BLOCK}. */
    public long sendto(MemorySegment buf, int flags, SockAddr to) throws IOException {
        Buffers.readable(buf);
        checkFamily(to, "to");
        SockAddrStorage s = Scratch.get().address;
        s.set(to);
        return send0(buf, flags, s);
    }

    /** sendto(2) to an address held in reusable storage (no allocation). */
    public long sendto(MemorySegment buf, int flags, SockAddrStorage to) throws IOException {
        Buffers.readable(buf);
        Objects.requireNonNull(to, "to");
        if (to.length() == 0) throw new IllegalArgumentException("empty destination address");
        return send0(buf, flags, to);
    }

    /** sendto(2) of a byte[] slice. */
    public int sendto(byte[] buf, int off, int len, int flags, SockAddr to) throws IOException {
        return (int) sendto(Buffers.of(buf, off, len), flags, to);
    }

    /** sendto(2) of the buffer's remaining bytes; its position advances by the bytes sent. */
    public int sendto(ByteBuffer buf, int flags, SockAddr to) throws IOException {
        long n = sendto(Buffers.of(buf), flags, to);
        Buffers.advance(buf, n);
        return (int) n;
    }

    /*
     * The send/recv family goes through Blocking.call, the one loop: a call that must not wait in the
     * kernel (non-blocking mode, MSG_DONTWAIT, any call on a virtual thread) carries MSG_DONTWAIT,
     * which is what lets Sys use the critical downcall (and hand heap memory to the kernel) whatever
     * O_NONBLOCK another holder sets; a blocking-mode call on a platform thread is one plain blocking
     * system call, listed on the guard so that close can interrupt it.
     */
    private static final Blocking.Call SEND = (fd, b, n, f, x) -> Sys.send(fd, b, n, f);
    private static final Blocking.Call SENDTO = (fd, b, n, f, x) -> {
        SockAddrStorage to = (SockAddrStorage) x;
        return Sys.sendto(fd, b, n, f, to.addr, to.length());
    };
    private static final Blocking.Call RECV = (fd, b, n, f, x) -> Sys.recv(fd, b, n, f);
    private static final Blocking.Call RECVFROM = (fd, b, n, f, x) -> {
        SockAddrStorage from = (SockAddrStorage) x;
        from.prepareForOutput();
        return Sys.recvfrom(fd, b, n, f, from.addr, from.len);
    };

    private long send0(MemorySegment buf, int flags, SockAddrStorage to) throws IOException {
        flags |= Msg.MSG_NOSIGNAL;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        long len = buf.byteSize();
        MemorySegment src = buf;
        if (Blocking.inKernel(block) && !buf.isNative()) {
            src = Scratch.get().bounce(len);
            MemorySegment.copy(buf, 0, src, 0, len);
        }
        return to == null
                ? Blocking.call(guard, block, flags, Poll.POLLOUT, Blocking.UNSET, SNDTIMEO, "send", SEND, src, len, null)
                : Blocking.call(guard, block, flags, Poll.POLLOUT, Blocking.UNSET, SNDTIMEO, "sendto", SENDTO, src, len, to);
    }

    // ---- recv ----------------------------------------------------------------------------------

    /** recv(2) into the whole segment: bytes received (0 at end of stream), or {@link #WOULD_BLOCK}. */
    public long recv(MemorySegment buf) throws IOException {
        return recv(buf, 0);
    }

    /**
     * recv(2) with flags: bytes received (0 at end of stream or for an empty datagram), or
     * {@link #WOULD_BLOCK}. With {@link Msg#MSG_TRUNC} the real length of a longer datagram.
     */
    public long recv(MemorySegment buf, int flags) throws IOException {
        Buffers.writable(buf);
        return recv0(buf, flags, null);
    }

    /** recv(2) into {@code len} bytes of {@code buf} from {@code off}. */
    public int recv(byte[] buf, int off, int len, int flags) throws IOException {
        return (int) recv0(Buffers.of(buf, off, len), flags, null);
    }

    /** recv(2) into the buffer's remaining space; its position advances by the bytes stored. */
    public int recv(ByteBuffer buf, int flags) throws IOException {
        MemorySegment seg = Buffers.writable(buf);
        long n = recv0(seg, flags, null);
        Buffers.advance(buf, Math.min(n, seg.byteSize()));
        return (int) n;
    }

    /**
     * recvfrom(2): bytes received or {@link #WOULD_BLOCK}; the sender's address goes into {@code from}
     * (reusable, no allocation).
     */
    public long recvfrom(MemorySegment buf, int flags, SockAddrStorage from) throws IOException {
        Buffers.writable(buf);
        Objects.requireNonNull(from, "from");
        return recv0(buf, flags, from);
    }

    /** recvfrom(2) into a byte[] slice. */
    public int recvfrom(byte[] buf, int off, int len, int flags, SockAddrStorage from) throws IOException {
        Objects.requireNonNull(from, "from");
        return (int) recv0(Buffers.of(buf, off, len), flags, from);
    }

    /** recvfrom(2) into the buffer's remaining space; its position advances by the bytes stored. */
    public int recvfrom(ByteBuffer buf, int flags, SockAddrStorage from) throws IOException {
        Objects.requireNonNull(from, "from");
        MemorySegment seg = Buffers.writable(buf);
        long n = recv0(seg, flags, from);
        Buffers.advance(buf, Math.min(n, seg.byteSize()));
        return (int) n;
    }

    private long recv0(MemorySegment buf, int flags, SockAddrStorage from) throws IOException {
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        long len = buf.byteSize();
        boolean bounce = Blocking.inKernel(block) && !buf.isNative();
        MemorySegment dst = bounce ? Scratch.get().bounce(len) : buf;
        long r = from == null
                ? Blocking.call(guard, block, flags, Poll.POLLIN, Blocking.UNSET, RCVTIMEO, "recv", RECV, dst, len, null)
                : Blocking.call(guard, block, flags, Poll.POLLIN, Blocking.UNSET, RCVTIMEO, "recvfrom", RECVFROM, dst, len, from);
        if (bounce && r > 0) MemorySegment.copy(dst, 0, buf, 0, Math.min(r, len));
        return r;
    }

    // ---- shutdown / poll -----------------------------------------------------------------------

    /** shutdown(2). */
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
     * poll(2) on this socket alone: the returned events ({@link Poll}), 0 on timeout.
     *
     * @param events        the {@link Poll} bits to wait for
     * @param timeoutMillis -1 to wait forever, 0 to check without waiting
     */
    public int poll(int events, int timeoutMillis) throws IOException {
        if (timeoutMillis < -1) throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
        if (timeoutMillis == 0) {
            int fd = begin();
            try {
                return Blocking.pollOne(fd, events, 0);
            } finally {
                end();
            }
        }
        checkInterrupt();
        boolean virtual = Thread.currentThread().isVirtual();
        int fd = guard.beginBlocking();
        try {
            long deadline = Blocking.deadlineMillis(timeoutMillis);
            while (true) {
                // A platform thread waits in poll(2) itself; a virtual thread checks, then parks.
                int revents = Blocking.pollOne(fd, events, virtual ? 0 : Blocking.remainingMillis(deadline));
                if (closing()) throw guard.closedWhileBlocked("poll");
                if (revents != 0) return revents;
                if (Blocking.expired(deadline)) return 0;
                if (virtual) {
                    try {
                        Blocking.await(guard, fd, events, deadline, Blocking.NO_OPTION, "poll");
                    } catch (SocketTimeoutException e) {
                        return 0;
                    }
                }
                // (a platform thread's poll that returned 0 early was interrupted by a signal: go round)
            }
        } finally {
            guard.endBlocking();
        }
    }

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

    /** getsockopt(2) of a typed option. */
    public <T> T getsockopt(SockOpt<T> option) throws IOException {
        Objects.requireNonNull(option, "option");
        int fd = begin();
        try {
            return option.get(fd);
        } finally {
            end();
        }
    }

    /** setsockopt(2) of a typed option. */
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

    /** getsockopt(2) of any int-valued option by level and name (the escape hatch). */
    public int getsockoptInt(int level, int name) throws IOException {
        int fd = begin();
        try {
            return SockOpt.getInt(fd, level, name);
        } finally {
            end();
        }
    }

    /** setsockopt(2) of any int-valued option by level and name. */
    public void setsockoptInt(int level, int name, int value) throws IOException {
        int fd = begin();
        try {
            SockOpt.setInt(fd, level, name, value);
        } finally {
            end();
        }
    }

    /** getsockopt(2) of any option as raw bytes: at most {@code maxLength} bytes, trimmed to what the kernel wrote. */
    public byte[] getsockoptBytes(int level, int name, int maxLength) throws IOException {
        if (maxLength < 0 || maxLength > 65536) throw new IllegalArgumentException("maxLength out of range (0-65536): " + maxLength);
        int fd = begin();
        try {
            return SockOpt.getBytes(fd, level, name, maxLength);
        } finally {
            end();
        }
    }

    /** setsockopt(2) of any option from raw bytes. */
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
     * sendmsg(2): gathers the message's buffers, with its address (if not empty) and its control
     * messages. Bytes sent, or {@link #WOULD_BLOCK}. Adds MSG_NOSIGNAL.
     */
    public long sendmsg(Message msg, int flags) throws IOException {
        Objects.requireNonNull(msg, "message");
        flags |= Msg.MSG_NOSIGNAL;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        MemorySegment bounce = msg.prepareSend();
        try {
            return msg.sent(MsgIo.sendmsg(guard, block, msg.hdr, flags));
        } finally {
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(msg);
        }
    }

    /**
     * recvmsg(2): scatters into the message's buffers; the source goes to {@link Message#address()},
     * msg_flags to {@link Message#flags()} (MSG_TRUNC, MSG_CTRUNC, MSG_EOR), control messages to
     * {@link Message#control()}. Bytes received (0 at end of stream), or {@link #WOULD_BLOCK}. Always
     * adds MSG_CMSG_CLOEXEC.
     */
    public long recvmsg(Message msg, int flags) throws IOException {
        Objects.requireNonNull(msg, "message");
        flags |= Msg.MSG_CMSG_CLOEXEC;
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
     * {@link #WOULD_BLOCK}. Adds MSG_NOSIGNAL.
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
     * filled, or {@link #WOULD_BLOCK}.
     */
    public int recvmmsg(DatagramBatch batch, int flags) throws IOException {
        Objects.requireNonNull(batch, "batch");
        flags |= Msg.MSG_CMSG_CLOEXEC;
        boolean block = blocking(flags);
        if (block) checkInterrupt();
        batch.prepareReceive(0);
        int r = WOULD_BLOCK;
        try {
            r = MsgIo.recvmmsg(guard, block, batch.vec, batch.size(), flags);
            if (r > 0) batch.afterReceive(0, r);
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
     */
    public int recvmmsg(DatagramBatch batch, int flags, Duration timeout) throws IOException {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout");
        boolean waitForOne = (flags & Msg.MSG_WAITFORONE) != 0;
        flags = (flags & ~Msg.MSG_WAITFORONE) | Msg.MSG_CMSG_CLOEXEC;
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
