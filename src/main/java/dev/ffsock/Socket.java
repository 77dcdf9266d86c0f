package dev.ffsock;

import dev.ffsock.internal.Sys;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
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
 * exception: {@link #WOULD_BLOCK} from send/recv, {@code null} from accept, {@code false} from connect.
 * On a blocking socket whose SO_RCVTIMEO/SO_SNDTIMEO expired, a {@link SocketTimeoutException}.
 * Sends always add MSG_NOSIGNAL: a closed peer gives EPIPE and never raises SIGPIPE.
 *
 * <h2>Buffers</h2>
 * {@link MemorySegment}s (native or heap), {@code byte[]} slices and {@link ByteBuffer}s (position to
 * limit, advanced by the call). Native memory goes straight to the kernel. Heap memory goes straight
 * too when the call cannot block; a blocking call copies it through a per-thread native buffer, since
 * heap memory cannot be pinned across a blocking call.
 *
 * <h2>Closing</h2>
 * {@link #close()} is idempotent. Afterwards every call throws {@link SocketClosedException} and the
 * descriptor number is never used again. Closing while other threads are inside calls on this socket
 * shuts the socket down to wake them (they throw {@code SocketClosedException}); the descriptor is
 * released by the last of them to leave, so its number cannot be reused under a running call.
 * Because the wake-up is {@code shutdown(2)}, a descriptor shared with another process (passed or
 * inherited) is shut down for it too when closed under a blocked call.
 *
 * <p>Thread-safe: calls may come from several threads; the descriptor's state is one atomic word.
 */
public final class Socket implements Closeable {
    /** Returned by send/recv calls that would block on a non-blocking socket. */
    public static final int WOULD_BLOCK = -1;

    private static final int CLOSING = 1 << 30;
    private static final int COUNT = CLOSING - 1;
    private static final VarHandle CTL;

    static {
        try {
            CTL = MethodHandles.lookup().findVarHandle(Socket.class, "ctl", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int fd;
    private final Domain domain;
    private final Type type;
    private final Protocol protocol;
    private volatile boolean nonBlocking;
    /** CLOSING bit | number of calls in flight. Only moves to CLOSING once. */
    @SuppressWarnings("unused")
    private volatile int ctl;
    private final SockAddr acceptedFrom;

    private Socket(int fd, Domain domain, Type type, Protocol protocol, boolean nonBlocking, SockAddr acceptedFrom) {
        this.fd = fd;
        this.domain = domain;
        this.type = type;
        this.protocol = protocol;
        this.nonBlocking = nonBlocking;
        this.acceptedFrom = acceptedFrom;
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
            int d = intOpt(fd, SockOpt.SOL_SOCKET, 39 /* SO_DOMAIN */, v, l);
            int t = intOpt(fd, SockOpt.SOL_SOCKET, 3 /* SO_TYPE */, v, l);
            int p = intOpt(fd, SockOpt.SOL_SOCKET, 38 /* SO_PROTOCOL */, v, l);
            int fl = Sys.fcntl(fd, 3 /* F_GETFL */, 0);
            return new Socket(fd, Domain.of(d), Type.of(t), Protocol.of(p), (fl & 0x800 /* O_NONBLOCK */) != 0, null);
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
        int c;
        do {
            c = ctl;
            if ((c & CLOSING) != 0) throw new SocketClosedException("socket closed");
        } while (!CTL.weakCompareAndSet(this, c, c + 1));
        return fd;
    }

    /** Leaves a call; the last call out of a closing socket releases the descriptor. */
    private void end() {
        int c = (int) CTL.getAndAdd(this, -1) - 1;
        if (c == CLOSING) release();
    }

    private boolean closing() {
        return (ctl & CLOSING) != 0;
    }

    private void release() {
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // close(2) only fails here with EIO on odd descriptors; the number is released regardless.
        }
    }

    /** An error or odd result from a call that the socket's closing caused. */
    private IOException closedOr(IOException e, String call) {
        if (closing()) {
            SocketClosedException c = new SocketClosedException("socket closed while blocked in " + call);
            c.addSuppressed(e);
            return c;
        }
        return e;
    }

    /** {@return whether close() has been called} */
    public boolean isClosed() {
        return closing();
    }

    /**
     * close(2), once. Idempotent. If other threads are inside calls on this socket, they are woken
     * (shutdown(2)) and throw {@link SocketClosedException}; the last of them releases the descriptor.
     */
    @Override
    public void close() {
        int c;
        do {
            c = ctl;
            if ((c & CLOSING) != 0) return;
        } while (!CTL.weakCompareAndSet(this, c, c | CLOSING));
        if ((c & COUNT) == 0) {
            release();
        } else {
            // Calls in flight hold the descriptor open, so it is still ours to shut down.
            wake();
        }
    }

    /**
     * Wakes the calls in flight with shutdown(2). The calls may all have left since close() set
     * CLOSING (the last one then released the descriptor, and its number may already be reused), so
     * this holds a count while it uses the descriptor, and only if some call still held it.
     */
    private void wake() {
        int c = (int) CTL.getAndAdd(this, 1);
        if ((c & COUNT) == 0) {
            CTL.getAndAdd(this, -1); // already released: do not touch the number, do not release twice
            return;
        }
        Sys.shutdownQuietly(fd, 2);
        end();
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
            int fl = Sys.fcntl(fd, 3 /* F_GETFL */, 0);
            int nfl = blocking ? fl & ~0x800 : fl | 0x800;
            if (nfl != fl) Sys.fcntl(fd, 4 /* F_SETFL */, nfl);
            nonBlocking = !blocking;
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
        peer.prepareForOutput();
        int fd = begin();
        int nfd;
        try {
            nfd = Sys.accept4(fd, peer.addr, peer.len, flags);
        } catch (ErrnoException e) {
            throw closedOr(e, "accept");
        } finally {
            end();
        }
        if (nfd == Sys.WOULD_BLOCK) {
            if (closing()) throw new SocketClosedException("socket closed while blocked in accept");
            if (nonBlocking) return null;
            throw new SocketTimeoutException("accept timed out");
        }
        SockAddr from = null;
        if (decode) {
            try {
                from = peer.length() <= 2 ? SockAddrUn.UNNAMED : peer.get();
            } catch (RuntimeException e) {
                from = null;
            }
        }
        return new Socket(nfd, domain, type, protocol, (flags & Type.SOCK_NONBLOCK) != 0, from);
    }

    /**
     * connect(2). On a blocking socket returns true once connected. On a non-blocking socket returns
     * true if connected at once, false if the connection is in progress: wait for {@link Poll#POLLOUT}
     * and call {@link #finishConnect()}.
     */
    public boolean connect(SockAddr addr) throws IOException {
        checkFamily(addr, "addr");
        SockAddrStorage s = Scratch.get().address;
        s.set(addr);
        int fd = begin();
        try {
            int r = Sys.connect(fd, s.addr, s.length());
            if (r == 0) return true;
            if (nonBlocking) return false;
            // Interrupted blocking connect: it goes on in the kernel; wait for it like a non-blocking one.
            awaitConnect(fd, -1);
            return true;
        } catch (IOException e) {
            throw closedOr(e, "connect");
        } finally {
            end();
        }
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
        boolean wasBlocking = isBlocking();
        if (wasBlocking) setBlocking(false);
        try {
            SockAddrStorage s = Scratch.get().address;
            s.set(addr);
            int fd = begin();
            try {
                if (Sys.connect(fd, s.addr, s.length()) != 0) awaitConnect(fd, (int) millis);
            } catch (IOException e) {
                throw closedOr(e, "connect");
            } finally {
                end();
            }
        } finally {
            if (wasBlocking && !closing()) setBlocking(true);
        }
    }

    private void awaitConnect(int fd, int timeoutMillis) throws IOException {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        MemorySegment pfd = PollSet.one(fd, Poll.POLLOUT);
        while (true) {
            long left = deadline == Long.MAX_VALUE ? -1 : (deadline - System.nanoTime()) / 1_000_000L;
            if (deadline != Long.MAX_VALUE && left <= 0) throw new SocketTimeoutException("connect timed out");
            int n = Sys.poll(pfd, 1, (int) Math.min(Integer.MAX_VALUE, left));
            if (closing()) throw new SocketClosedException("socket closed while blocked in connect");
            if (n > 0) break;
        }
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
            MemorySegment pfd = PollSet.one(fd, Poll.POLLOUT);
            if (Sys.poll(pfd, 1, 0) == 0) return false;
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
        return intOpt(fd, SockOpt.SOL_SOCKET, 4 /* SO_ERROR */, v, l);
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

    private long send0(MemorySegment buf, int flags, SockAddrStorage to) throws IOException {
        flags |= Msg.MSG_NOSIGNAL;
        boolean nb = nonBlocking || (flags & Msg.MSG_DONTWAIT) != 0;
        long len = buf.byteSize();
        MemorySegment src = buf;
        if (!nb && !buf.isNative()) {
            src = Scratch.get().bounce(len);
            MemorySegment.copy(buf, 0, src, 0, len);
        }
        int fd = begin();
        long r;
        try {
            r = to == null
                    ? Sys.send(fd, src, len, flags, nb)
                    : Sys.sendto(fd, src, len, flags, to.addr, to.length(), nb);
        } catch (ErrnoException e) {
            throw closedOr(e, to == null ? "send" : "sendto");
        } finally {
            end();
        }
        if (r == Sys.WOULD_BLOCK) {
            if (closing()) throw new SocketClosedException("socket closed while blocked in send");
            if (!nb) throw new SocketTimeoutException((to == null ? "send" : "sendto") + " timed out");
        }
        return r;
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
        boolean nb = nonBlocking || (flags & Msg.MSG_DONTWAIT) != 0;
        long len = buf.byteSize();
        MemorySegment dst = buf;
        boolean bounce = !nb && !buf.isNative();
        if (bounce) dst = Scratch.get().bounce(len);
        if (from != null) from.prepareForOutput();
        int fd = begin();
        long r;
        try {
            r = from == null
                    ? Sys.recv(fd, dst, len, flags, nb)
                    : Sys.recvfrom(fd, dst, len, flags, from.addr, from.len, nb);
        } catch (ErrnoException e) {
            throw closedOr(e, from == null ? "recv" : "recvfrom");
        } finally {
            end();
        }
        if (r == Sys.WOULD_BLOCK) {
            if (closing()) throw new SocketClosedException("socket closed while blocked in recv");
            if (nb) return WOULD_BLOCK;
            throw new SocketTimeoutException((from == null ? "recv" : "recvfrom") + " timed out");
        }
        if (r == 0 && len > 0 && closing()) throw new SocketClosedException("socket closed while blocked in recv");
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
        int fd = begin();
        try {
            MemorySegment pfd = PollSet.one(fd, events);
            int n = Sys.poll(pfd, 1, timeoutMillis);
            if (closing()) throw new SocketClosedException("socket closed while blocked in poll");
            return n == 0 ? 0 : PollSet.revents(pfd);
        } finally {
            end();
        }
    }

    /** Runs {@code body} with the descriptor held open (for {@link PollSet} and option calls). */
    int enter() throws SocketClosedException {
        return begin();
    }

    void leave() {
        end();
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
        return MsgIo.sendmsg(this, msg, flags);
    }

    /**
     * recvmsg(2): scatters into the message's buffers; the source goes to {@link Message#address()},
     * msg_flags to {@link Message#flags()} (MSG_TRUNC, MSG_CTRUNC, MSG_EOR), control messages to
     * {@link Message#control()}. Bytes received (0 at end of stream), or {@link #WOULD_BLOCK}. Always
     * adds MSG_CMSG_CLOEXEC.
     */
    public long recvmsg(Message msg, int flags) throws IOException {
        return MsgIo.recvmsg(this, msg, flags);
    }

    /**
     * sendmmsg(2) of slots {@code from} to {@code from + count - 1} of a batch: the number of
     * datagrams sent (each slot's {@link DatagramBatch#length(int)} becomes its bytes sent), or
     * {@link #WOULD_BLOCK}. Adds MSG_NOSIGNAL.
     */
    public int sendmmsg(DatagramBatch batch, int from, int count, int flags) throws IOException {
        return MsgIo.sendmmsg(this, batch, from, count, flags);
    }

    /**
     * recvmmsg(2) into the batch's slots, blocking as the socket's mode and {@code flags} say (pass
     * {@link Msg#MSG_WAITFORONE} to return once at least one datagram arrived): the number of slots
     * filled, or {@link #WOULD_BLOCK}.
     */
    public int recvmmsg(DatagramBatch batch, int flags) throws IOException {
        return MsgIo.recvmmsg(this, batch, flags);
    }

    /**
     * recvmmsg(2) with a time limit, whatever the socket's mode: fills slots until all are filled,
     * {@code timeout} has passed, or — with {@link Msg#MSG_WAITFORONE} — at least one datagram
     * arrived. The number of slots filled; 0 when none arrived in time.
     */
    public int recvmmsg(DatagramBatch batch, int flags, Duration timeout) throws IOException {
        return MsgIo.recvmmsg(this, batch, flags, timeout);
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
