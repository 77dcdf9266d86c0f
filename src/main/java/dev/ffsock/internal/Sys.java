package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The syscall layer: the only code that calls the generated bindings. Each method makes exactly one
 * libc call (retrying it on EINTR), reads errno from the thread's capture segment and either returns
 * the result or throws {@link ErrnoException}. Calls that may legitimately not complete on a
 * non-blocking descriptor return {@link #WOULD_BLOCK} instead of throwing.
 *
 * <p>Critical downcalls ({@link Linker.Option#critical critical}, with heap access: no safepoint
 * while they run) are used only where the kernel cannot block whatever other holders of the
 * descriptor do: the send/recv-family calls when their flags carry MSG_DONTWAIT (the choice is made
 * here, from the flags, never from what the caller believes about O_NONBLOCK), and poll/epoll_wait
 * with a zero timeout. Everything else — read/write, accept, connect, the option calls — is an
 * ordinary downcall, since another holder may clear O_NONBLOCK under it.
 *
 * <p>Each handle is linked the first time it is used (a holder class per handle, so the JIT still
 * sees a constant): a program pays only for the calls it makes.
 */
public final class Sys {
    private Sys() {
    }

    /** Returned by calls that would block on a non-blocking descriptor (EAGAIN/EWOULDBLOCK). */
    public static final int WOULD_BLOCK = -1;

    /** fcntl commands and flags, and the SOL_SOCKET options the socket API reads raw. */
    public static final int F_GETFL = LinuxC.F_GETFL();
    public static final int F_SETFL = LinuxC.F_SETFL();
    public static final int O_NONBLOCK = LinuxC.O_NONBLOCK();
    public static final int SO_DOMAIN = LinuxC.SO_DOMAIN();
    public static final int SO_TYPE = LinuxC.SO_TYPE();
    public static final int SO_PROTOCOL = LinuxC.SO_PROTOCOL();
    public static final int SO_ERROR = LinuxC.SO_ERROR();
    public static final int SO_RCVTIMEO = LinuxC.SO_RCVTIMEO();
    public static final int SO_SNDTIMEO = LinuxC.SO_SNDTIMEO();
    private static final int SO_RCVTIMEO_NEW = LinuxC.SO_RCVTIMEO_NEW();
    private static final int SO_SNDTIMEO_NEW = LinuxC.SO_SNDTIMEO_NEW();
    public static final int SOL_SOCKET = LinuxC.SOL_SOCKET();

    private static final int EINTR = LinuxC.EINTR();
    private static final int EAGAIN = LinuxC.EAGAIN();
    private static final int EINPROGRESS = LinuxC.EINPROGRESS();
    private static final int EALREADY = LinuxC.EALREADY();
    /** MSG_DONTWAIT: the flag that makes a send/recv-family call non-blocking (and so allowed to be critical). */
    public static final int MSG_DONTWAIT = LinuxC.MSG_DONTWAIT();
    /** MSG_WAITALL: a receive that waits for its whole length (which MSG_DONTWAIT would cut short). */
    public static final int MSG_WAITALL = LinuxC.MSG_WAITALL();

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);

    static MethodHandle blocking(MemorySegment address, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address, descriptor, CAPTURE);
    }

    static MethodHandle nonBlocking(MemorySegment address, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address, descriptor, CAPTURE, CRITICAL);
    }

    private static MethodHandle variadic(MemorySegment address, FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(address, descriptor, CAPTURE, Linker.Option.firstVariadicArg(firstVariadic));
    }

    private static final ValueLayout.OfInt INT = LinuxC.C_INT;
    private static final ValueLayout.OfLong LONG = LinuxC.C_LONG;
    private static final java.lang.foreign.AddressLayout PTR = LinuxC.C_POINTER;
    /** send(2)/recv(2) with the buffer as a number: a pointer and a 64-bit integer go alike on LP64. */
    private static final FunctionDescriptor AT_DESCRIPTOR = FunctionDescriptor.of(LONG, INT, LONG, LONG, INT);
    private static final FunctionDescriptor SENDTO_AT_DESCRIPTOR = AT_DESCRIPTOR.appendArgumentLayouts(PTR, INT);
    private static final FunctionDescriptor RECVFROM_AT_DESCRIPTOR = AT_DESCRIPTOR.appendArgumentLayouts(PTR, PTR);

    private static final class SOCKET {
        static final MethodHandle H = blocking(LinuxC.socket$address(), LinuxC.socket$descriptor());
    }
    private static final class SOCKETPAIR {
        static final MethodHandle H = blocking(LinuxC.socketpair$address(), LinuxC.socketpair$descriptor());
    }
    private static final class BIND {
        static final MethodHandle H = blocking(LinuxC.bind$address(), LinuxC.bind$descriptor());
    }
    private static final class LISTEN {
        static final MethodHandle H = blocking(LinuxC.listen$address(), LinuxC.listen$descriptor());
    }
    private static final class ACCEPT4 {
        static final MethodHandle H = blocking(LinuxC.accept4$address(), LinuxC.accept4$descriptor());
    }
    private static final class CONNECT {
        static final MethodHandle H = blocking(LinuxC.connect$address(), LinuxC.connect$descriptor());
    }
    private static final class SEND {
        static final MethodHandle H = blocking(LinuxC.send$address(), LinuxC.send$descriptor());
    }
    private static final class SEND_NB {
        static final MethodHandle H = nonBlocking(LinuxC.send$address(), LinuxC.send$descriptor());
    }
    private static final class RECV {
        static final MethodHandle H = blocking(LinuxC.recv$address(), LinuxC.recv$descriptor());
    }
    private static final class RECV_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recv$address(), LinuxC.recv$descriptor());
    }
    /** send/recv with the buffer's address as a number (a direct ByteBuffer's, see {@link DirectBuffers}). */
    private static final class SEND_AT {
        static final MethodHandle H = blocking(LinuxC.send$address(), AT_DESCRIPTOR);
    }
    private static final class SEND_AT_NB {
        static final MethodHandle H = nonBlocking(LinuxC.send$address(), AT_DESCRIPTOR);
    }
    private static final class RECV_AT {
        static final MethodHandle H = blocking(LinuxC.recv$address(), AT_DESCRIPTOR);
    }
    private static final class RECV_AT_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recv$address(), AT_DESCRIPTOR);
    }
    private static final class SENDTO_AT {
        static final MethodHandle H = blocking(LinuxC.sendto$address(), SENDTO_AT_DESCRIPTOR);
    }
    private static final class SENDTO_AT_NB {
        static final MethodHandle H = nonBlocking(LinuxC.sendto$address(), SENDTO_AT_DESCRIPTOR);
    }
    private static final class RECVFROM_AT {
        static final MethodHandle H = blocking(LinuxC.recvfrom$address(), RECVFROM_AT_DESCRIPTOR);
    }
    private static final class RECVFROM_AT_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recvfrom$address(), RECVFROM_AT_DESCRIPTOR);
    }
    private static final class SENDTO {
        static final MethodHandle H = blocking(LinuxC.sendto$address(), LinuxC.sendto$descriptor());
    }
    private static final class SENDTO_NB {
        static final MethodHandle H = nonBlocking(LinuxC.sendto$address(), LinuxC.sendto$descriptor());
    }
    private static final class RECVFROM {
        static final MethodHandle H = blocking(LinuxC.recvfrom$address(), LinuxC.recvfrom$descriptor());
    }
    private static final class RECVFROM_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recvfrom$address(), LinuxC.recvfrom$descriptor());
    }
    private static final class SENDMSG {
        static final MethodHandle H = blocking(LinuxC.sendmsg$address(), LinuxC.sendmsg$descriptor());
    }
    private static final class SENDMSG_NB {
        static final MethodHandle H = nonBlocking(LinuxC.sendmsg$address(), LinuxC.sendmsg$descriptor());
    }
    private static final class RECVMSG {
        static final MethodHandle H = blocking(LinuxC.recvmsg$address(), LinuxC.recvmsg$descriptor());
    }
    private static final class RECVMSG_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recvmsg$address(), LinuxC.recvmsg$descriptor());
    }
    private static final class SENDMMSG {
        static final MethodHandle H = blocking(LinuxC.sendmmsg$address(), LinuxC.sendmmsg$descriptor());
    }
    private static final class SENDMMSG_NB {
        static final MethodHandle H = nonBlocking(LinuxC.sendmmsg$address(), LinuxC.sendmmsg$descriptor());
    }
    private static final class RECVMMSG {
        static final MethodHandle H = blocking(LinuxC.recvmmsg$address(), LinuxC.recvmmsg$descriptor());
    }
    private static final class RECVMMSG_NB {
        static final MethodHandle H = nonBlocking(LinuxC.recvmmsg$address(), LinuxC.recvmmsg$descriptor());
    }
    private static final class SHUTDOWN {
        static final MethodHandle H = nonBlocking(LinuxC.shutdown$address(), LinuxC.shutdown$descriptor());
    }
    private static final class CLOSE {
        static final MethodHandle H = blocking(LinuxC.close$address(), LinuxC.close$descriptor());
    }
    private static final class GETSOCKNAME {
        static final MethodHandle H = nonBlocking(LinuxC.getsockname$address(), LinuxC.getsockname$descriptor());
    }
    private static final class GETPEERNAME {
        static final MethodHandle H = nonBlocking(LinuxC.getpeername$address(), LinuxC.getpeername$descriptor());
    }
    private static final class GETSOCKOPT {
        static final MethodHandle H = nonBlocking(LinuxC.getsockopt$address(), LinuxC.getsockopt$descriptor());
    }
    /** getsockopt with the value and length pointers as numbers (a Scratch's, see {@link #getsockoptInt}). */
    private static final class GETSOCKOPT_AT {
        static final MethodHandle H = nonBlocking(LinuxC.getsockopt$address(),
                FunctionDescriptor.of(INT, INT, INT, INT, LONG, LONG));
    }
    private static final class SETSOCKOPT {
        static final MethodHandle H = blocking(LinuxC.setsockopt$address(), LinuxC.setsockopt$descriptor());
    }
    private static final class POLL {
        static final MethodHandle H = blocking(LinuxC.poll$address(), LinuxC.poll$descriptor());
    }
    private static final class POLL_NOW {
        static final MethodHandle H = nonBlocking(LinuxC.poll$address(), LinuxC.poll$descriptor());
    }
    private static final class EPOLL_CREATE1 {
        static final MethodHandle H = blocking(LinuxC.epoll_create1$address(), LinuxC.epoll_create1$descriptor());
    }
    private static final class EPOLL_CTL {
        static final MethodHandle H = blocking(LinuxC.epoll_ctl$address(), LinuxC.epoll_ctl$descriptor());
    }
    private static final class EPOLL_WAIT {
        static final MethodHandle H = blocking(LinuxC.epoll_wait$address(), LinuxC.epoll_wait$descriptor());
    }
    private static final class EPOLL_WAIT_NOW {
        static final MethodHandle H = nonBlocking(LinuxC.epoll_wait$address(), LinuxC.epoll_wait$descriptor());
    }
    private static final class EVENTFD {
        static final MethodHandle H = blocking(LinuxC.eventfd$address(), LinuxC.eventfd$descriptor());
    }
    private static final class READ {
        static final MethodHandle H = blocking(LinuxC.read$address(), LinuxC.read$descriptor());
    }
    private static final class WRITE {
        static final MethodHandle H = blocking(LinuxC.write$address(), LinuxC.write$descriptor());
    }
    private static final class SETNS {
        static final MethodHandle H = blocking(LinuxC.setns$address(), LinuxC.setns$descriptor());
    }
    private static final class IF_NAMETOINDEX {
        static final MethodHandle H = blocking(LinuxC.if_nametoindex$address(), LinuxC.if_nametoindex$descriptor());
    }
    private static final class IF_INDEXTONAME {
        static final MethodHandle H = blocking(LinuxC.if_indextoname$address(), LinuxC.if_indextoname$descriptor());
    }
    private static final class FCNTL_INT {
        static final MethodHandle H = variadic(LinuxC.fcntl.address(),
            FunctionDescriptor.of(INT, INT, INT, INT), 2);
    }
    private static final class IOCTL_PTR {
        static final MethodHandle H = variadic(LinuxC.ioctl.address(),
            FunctionDescriptor.of(INT, INT, LONG, PTR), 2);
    }
    private static final class OPEN {
        static final MethodHandle H = variadic(LinuxC.open.address(),
            FunctionDescriptor.of(INT, PTR, INT, INT), 2);
    }
    private static final class STRERROR {
        static final MethodHandle H = LINKER.downcallHandle(LinuxC.strerror$address(), LinuxC.strerror$descriptor());
    }
    /** strerrorname_np(3) is GNU-only and recent (glibc 2.32): absent, errors print their number. */
    private static final class STRERRORNAME_NP {
        static final MethodHandle H = LINKER.defaultLookup().find("strerrorname_np")
                .map(a -> LINKER.downcallHandle(a, LinuxC.strerrorname_np$descriptor())).orElse(null);
    }

    /**
     * Links the handles a virtual thread's socket, epoll and eventfd calls can reach. A holder class
     * is initialised by the first thread that uses it, and a virtual thread that meets another
     * thread's class initialisation in progress waits for it pinned to its carrier; so the first
     * virtual thread to make a call links these (under {@link FdGuard}'s lock, on which other virtual
     * threads park unpinned) before any of them can race into a holder.
     */
    static void linkForVirtualThreads() {
        MethodHandle[] linked = {
            SEND.H, SEND_NB.H, RECV.H, RECV_NB.H, SEND_AT.H, SEND_AT_NB.H, RECV_AT.H, RECV_AT_NB.H,
            SENDTO_AT.H, SENDTO_AT_NB.H, RECVFROM_AT.H, RECVFROM_AT_NB.H, SENDTO.H, SENDTO_NB.H, RECVFROM.H, RECVFROM_NB.H,
            SENDMSG.H, SENDMSG_NB.H, RECVMSG.H, RECVMSG_NB.H, SENDMMSG.H, SENDMMSG_NB.H, RECVMMSG.H, RECVMMSG_NB.H,
            ACCEPT4.H, CONNECT.H, CLOSE.H, GETSOCKOPT.H, GETSOCKOPT_AT.H, SETSOCKOPT.H, GETSOCKNAME.H, GETPEERNAME.H, FCNTL_INT.H,
            POLL.H, POLL_NOW.H, EPOLL_CTL.H, EPOLL_WAIT.H, EPOLL_WAIT_NOW.H, READ.H, WRITE.H, SHUTDOWN.H,
            SOCKET.H, BIND.H, LISTEN.H,
        };
        if (linked.length == 0) throw new AssertionError();
    }

    /** {@return this thread's errno capture segment (in its Scratch), reused by every call the thread makes} */
    static MemorySegment state() {
        return Scratch.get().errno;
    }

    static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    static AssertionError unexpected(Throwable t) {
        return new AssertionError("downcall failed unexpectedly", t);
    }

    // ---- sockets -------------------------------------------------------------------------------

    /** socket(2). */
    public static int socket(int domain, int type, int protocol) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) SOCKET.H.invokeExact(st, domain, type, protocol)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("socket", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** socketpair(2): the two descriptors are written into {@code sv} (two ints). */
    public static void socketpair(int domain, int type, int protocol, MemorySegment sv) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) SOCKETPAIR.H.invokeExact(st, domain, type, protocol, sv)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("socketpair", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** bind(2). */
    public static void bind(int fd, MemorySegment addr, int len) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) BIND.H.invokeExact(st, fd, addr, len)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("bind", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** listen(2). */
    public static void listen(int fd, int backlog) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) LISTEN.H.invokeExact(st, fd, backlog);
            if (r < 0) throw new ErrnoException("listen", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** accept4(2): the new descriptor, or {@link #WOULD_BLOCK}. */
    public static int accept4(int fd, MemorySegment addr, MemorySegment lenPtr, int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) ACCEPT4.H.invokeExact(st, fd, addr, lenPtr, flags)) < 0 && errno(st) == EINTR) { }
            if (r < 0) return wouldBlockOrThrow("accept", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * connect(2): 0 when connected, or the errno EINPROGRESS/EAGAIN/EALREADY/EINTR when the connection
     * continues in the background (the caller waits for POLLOUT and reads SO_ERROR); throws otherwise.
     */
    public static int connect(int fd, MemorySegment addr, int len) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) CONNECT.H.invokeExact(st, fd, addr, len);
            if (r == 0) return 0;
            int e = errno(st);
            if (e == EINPROGRESS || e == EAGAIN || e == EINTR || e == EALREADY) return e;
            throw new ErrnoException("connect", e);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * send(2): bytes sent or {@link #WOULD_BLOCK}.
     * With MSG_DONTWAIT in {@code flags} the call cannot block and takes the critical handle (heap
     * memory allowed). The memory is {@code buf}, or, when {@code buf} is null, {@code len} bytes at
     * native address {@code at}, which the caller keeps valid for the call (a direct ByteBuffer's,
     * see {@link DirectBuffers}).
     */
    public static long send(MemorySegment st, int fd, MemorySegment buf, long at, long len, int flags) throws ErrnoException {
        try {
            long r;
            boolean nb = (flags & MSG_DONTWAIT) != 0;
            if (buf == null) {
                if (nb) {
                    while ((r = (long) SEND_AT_NB.H.invokeExact(st, fd, at, len, flags)) < 0 && errno(st) == EINTR) { }
                } else {
                    while ((r = (long) SEND_AT.H.invokeExact(st, fd, at, len, flags)) < 0 && errno(st) == EINTR) { }
                }
            } else if (nb) {
                while ((r = (long) SEND_NB.H.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SEND.H.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("send", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * recv(2): bytes received (0 at end of stream) or {@link #WOULD_BLOCK}.
     * Its memory and handle are chosen as for {@link #send}.
     */
    public static long recv(MemorySegment st, int fd, MemorySegment buf, long at, long len, int flags) throws ErrnoException {
        try {
            long r;
            boolean nb = (flags & MSG_DONTWAIT) != 0;
            if (buf == null) {
                if (nb) {
                    while ((r = (long) RECV_AT_NB.H.invokeExact(st, fd, at, len, flags)) < 0 && errno(st) == EINTR) { }
                } else {
                    while ((r = (long) RECV_AT.H.invokeExact(st, fd, at, len, flags)) < 0 && errno(st) == EINTR) { }
                }
            } else if (nb) {
                while ((r = (long) RECV_NB.H.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECV.H.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("recv", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * sendto(2): bytes sent or {@link #WOULD_BLOCK}.
     * Its memory and handle are chosen as for {@link #send}.
     */
    public static long sendto(MemorySegment st, int fd, MemorySegment buf, long at, long len, int flags, MemorySegment addr, int addrLen)
            throws ErrnoException {
        try {
            long r;
            boolean nb = (flags & MSG_DONTWAIT) != 0;
            if (buf == null) {
                if (nb) {
                    while ((r = (long) SENDTO_AT_NB.H.invokeExact(st, fd, at, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
                } else {
                    while ((r = (long) SENDTO_AT.H.invokeExact(st, fd, at, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
                }
            } else if (nb) {
                while ((r = (long) SENDTO_NB.H.invokeExact(st, fd, buf, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SENDTO.H.invokeExact(st, fd, buf, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("sendto", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * recvfrom(2): bytes received or {@link #WOULD_BLOCK}; the source goes to {@code addr}/{@code lenPtr}.
     * Its memory and handle are chosen as for {@link #send}.
     */
    public static long recvfrom(MemorySegment st, int fd, MemorySegment buf, long at, long len, int flags, MemorySegment addr,
                                MemorySegment lenPtr) throws ErrnoException {
        try {
            long r;
            boolean nb = (flags & MSG_DONTWAIT) != 0;
            if (buf == null) {
                if (nb) {
                    while ((r = (long) RECVFROM_AT_NB.H.invokeExact(st, fd, at, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
                } else {
                    while ((r = (long) RECVFROM_AT.H.invokeExact(st, fd, at, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
                }
            } else if (nb) {
                while ((r = (long) RECVFROM_NB.H.invokeExact(st, fd, buf, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECVFROM.H.invokeExact(st, fd, buf, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("recvfrom", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sendmsg(2): bytes sent or {@link #WOULD_BLOCK}. The msghdr and everything it points to must be native. */
    public static long sendmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) throws ErrnoException {
        try {
            long r;
            if ((flags & MSG_DONTWAIT) != 0) {
                while ((r = (long) SENDMSG_NB.H.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SENDMSG.H.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("sendmsg", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** recvmsg(2): bytes received or {@link #WOULD_BLOCK}. */
    public static long recvmsg(MemorySegment st, int fd, MemorySegment msghdr, int flags) throws ErrnoException {
        try {
            long r;
            if ((flags & MSG_DONTWAIT) != 0) {
                while ((r = (long) RECVMSG_NB.H.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECVMSG.H.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("recvmsg", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sendmmsg(2): messages sent or {@link #WOULD_BLOCK}. */
    public static int sendmmsg(MemorySegment st, int fd, MemorySegment vec, int vlen, int flags) throws ErrnoException {
        try {
            int r;
            if ((flags & MSG_DONTWAIT) != 0) {
                while ((r = (int) SENDMMSG_NB.H.invokeExact(st, fd, vec, vlen, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (int) SENDMMSG.H.invokeExact(st, fd, vec, vlen, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("sendmmsg", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** recvmmsg(2): messages received or {@link #WOULD_BLOCK}; {@code timeout} may be NULL. */
    public static int recvmmsg(MemorySegment st, int fd, MemorySegment vec, int vlen, int flags, MemorySegment timeout)
            throws ErrnoException {
        try {
            int r;
            if ((flags & MSG_DONTWAIT) != 0) {
                while ((r = (int) RECVMMSG_NB.H.invokeExact(st, fd, vec, vlen, flags, timeout)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (int) RECVMMSG.H.invokeExact(st, fd, vec, vlen, flags, timeout)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("recvmmsg", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** shutdown(2). */
    public static void shutdown(int fd, int how) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) SHUTDOWN.H.invokeExact(st, fd, how);
            if (r < 0) throw new ErrnoException("shutdown", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * close(2). Never retried: on Linux the descriptor is released even when close reports EINTR,
     * and a retry could close a number another thread has just been given.
     */
    public static void close(int fd) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) CLOSE.H.invokeExact(st, fd);
            if (r < 0 && errno(st) != EINTR) throw new ErrnoException("close", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** getsockname(2). */
    public static void getsockname(int fd, MemorySegment addr, MemorySegment lenPtr) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) GETSOCKNAME.H.invokeExact(st, fd, addr, lenPtr);
            if (r < 0) throw new ErrnoException("getsockname", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** getpeername(2). */
    public static void getpeername(int fd, MemorySegment addr, MemorySegment lenPtr) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) GETPEERNAME.H.invokeExact(st, fd, addr, lenPtr);
            if (r < 0) throw new ErrnoException("getpeername", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** getsockopt(2): the value goes to {@code val}, its length to {@code lenPtr} (in: capacity). */
    public static void getsockopt(int fd, int level, int name, MemorySegment val, MemorySegment lenPtr)
            throws ErrnoException {
        getsockopt(state(), fd, level, name, val, lenPtr);
    }

    /** getsockopt(2) with the calling thread's errno capture, {@code st}. */
    public static void getsockopt(MemorySegment st, int fd, int level, int name, MemorySegment val,
                                   MemorySegment lenPtr) throws ErrnoException {
        try {
            int r = (int) GETSOCKOPT.H.invokeExact(st, fd, level, name, val, lenPtr);
            if (r < 0) throw new ErrnoException("getsockopt", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * getsockopt(2) of an int-sized option into this thread's scratch memory: its value,
     * zero-extended when the kernel gives fewer than 4 bytes (a single byte reads as 0..255, none as
     * 0). The calling thread's {@link Scratch}, {@code sc}, serves the value, its length and the
     * errno capture.
     *
     * <p>The hottest option read, kept small: one write sets the length and clears the value, and
     * the two pointers go as numbers (the Scratch holds that memory for its thread's life), which
     * spares FFM's per-segment checks. Each check adds code: with them, the compiled
     * {@code Socket.getsockopt} was larger than C2 inlines into a caller compiled after it
     * (InlineSmallCode), which then paid a call and the callee's own code pages.
     */
    public static int getsockoptInt(Scratch sc, int fd, int level, int name) throws ErrnoException {
        MemorySegment m = sc.mem;
        MemorySegment st = sc.errno;
        m.set(LONG_UNALIGNED, Scratch.OPT_LEN_AT, LENGTH_4_VALUE_0);
        int r;
        try {
            long at = m.address();
            r = (int) GETSOCKOPT_AT.H.invokeExact(st, fd, level, name, at + Scratch.OPT_VALUE_AT, at + Scratch.OPT_LEN_AT);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        if (r < 0) throw new ErrnoException("getsockopt", errno(st));
        int v = m.get(INT, Scratch.OPT_VALUE_AT);
        // A value shorter than 4 bytes lands in the zeroed int's first bytes: its low bytes on a
        // little-endian machine (v as it is), its high ones on a big-endian one.
        if (BIG_ENDIAN) {
            int n = m.get(INT, Scratch.OPT_LEN_AT);
            if (n > 0 && n < 4) return v >>> 8 * (4 - n);
        }
        return v;
    }

    private static final boolean BIG_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.BIG_ENDIAN;
    /** An optlen of 4 followed by an optval of 0, as one native-order long. */
    private static final long LENGTH_4_VALUE_0 = BIG_ENDIAN ? 4L << 32 : 4L;
    private static final ValueLayout.OfLong LONG_UNALIGNED = ValueLayout.JAVA_LONG_UNALIGNED;

    /**
     * Counts the changes of SO_RCVTIMEO/SO_SNDTIMEO made through {@link #setsockopt} in this JVM:
     * {@link FdGuard}'s cached timeouts are good while it has not moved.
     */
    static final AtomicInteger TIMEOUT_EPOCH = new AtomicInteger();

    private static boolean isTimeoutOption(int name) {
        return name == SO_RCVTIMEO || name == SO_SNDTIMEO || name == SO_RCVTIMEO_NEW || name == SO_SNDTIMEO_NEW;
    }

    /** setsockopt(2); a change of SO_RCVTIMEO or SO_SNDTIMEO moves {@link #TIMEOUT_EPOCH}. */
    public static void setsockopt(int fd, int level, int name, MemorySegment val, int len) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) SETSOCKOPT.H.invokeExact(st, fd, level, name, val, len);
            if (r < 0) throw new ErrnoException("setsockopt", errno(st));
            if (level == SOL_SOCKET && isTimeoutOption(name)) TIMEOUT_EPOCH.incrementAndGet();
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** fcntl(2) with an int argument (F_GETFL/F_SETFL/F_GETFD/F_SETFD). */
    public static int fcntl(int fd, int cmd, int arg) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) FCNTL_INT.H.invokeExact(st, fd, cmd, arg)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("fcntl", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** ioctl(2) with a pointer argument. */
    public static int ioctl(int fd, long request, MemorySegment arg) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) IOCTL_PTR.H.invokeExact(st, fd, request, arg)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("ioctl", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * poll(2): the number of ready entries, 0 on timeout. A zero timeout uses the critical handle.
     * EINTR is reported as 0 ready so the caller can recompute its remaining time.
     */
    public static int poll(MemorySegment fds, long nfds, int timeoutMillis) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = timeoutMillis == 0
                    ? (int) POLL_NOW.H.invokeExact(st, fds, nfds, timeoutMillis)
                    : (int) POLL.H.invokeExact(st, fds, nfds, timeoutMillis);
            if (r < 0) {
                if (errno(st) == EINTR) return 0;
                throw new ErrnoException("poll", errno(st));
            }
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** epoll_create1(2). */
    public static int epollCreate1(int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) EPOLL_CREATE1.H.invokeExact(st, flags);
            if (r < 0) throw new ErrnoException("epoll_create1", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** epoll_ctl(2). */
    public static void epollCtl(int epfd, int op, int fd, MemorySegment event) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) EPOLL_CTL.H.invokeExact(st, epfd, op, fd, event);
            if (r < 0) throw new ErrnoException("epoll_ctl", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** epoll_wait(2): events ready, 0 on timeout or EINTR. A zero timeout uses the critical handle. */
    public static int epollWait(int epfd, MemorySegment events, int max, int timeoutMillis) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = timeoutMillis == 0
                    ? (int) EPOLL_WAIT_NOW.H.invokeExact(st, epfd, events, max, timeoutMillis)
                    : (int) EPOLL_WAIT.H.invokeExact(st, epfd, events, max, timeoutMillis);
            if (r < 0) {
                if (errno(st) == EINTR) return 0;
                throw new ErrnoException("epoll_wait", errno(st));
            }
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** eventfd(2). */
    public static int eventfd(int initval, int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) EVENTFD.H.invokeExact(st, initval, flags);
            if (r < 0) throw new ErrnoException("eventfd", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** read(2): bytes read or {@link #WOULD_BLOCK}. */
    public static long read(int fd, MemorySegment buf, long len) throws ErrnoException {
        return read(state(), fd, buf, len);
    }

    /** read(2) with the calling thread's errno capture, {@code st}. */
    public static long read(MemorySegment st, int fd, MemorySegment buf, long len) throws ErrnoException {
        try {
            long r;
            while ((r = (long) READ.H.invokeExact(st, fd, buf, len)) < 0 && errno(st) == EINTR) { }
            if (r < 0) return wouldBlockOrThrow("read", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** write(2): bytes written or {@link #WOULD_BLOCK}; {@code st} is the calling thread's errno capture. */
    public static long write(MemorySegment st, int fd, MemorySegment buf, long len) throws ErrnoException {
        try {
            long r;
            while ((r = (long) WRITE.H.invokeExact(st, fd, buf, len)) < 0 && errno(st) == EINTR) { }
            if (r < 0) return wouldBlockOrThrow("write", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** open(2) of a path (a NUL-terminated native string) with flags; mode 0. */
    public static int open(MemorySegment path, int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) OPEN.H.invokeExact(st, path, flags, 0)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("open", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** setns(2): moves the calling thread into the namespace {@code fd} refers to. */
    public static void setns(int fd, int nstype) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) SETNS.H.invokeExact(st, fd, nstype);
            if (r < 0) throw new ErrnoException("setns", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** if_nametoindex(3): the index, or throws (ENODEV) when there is no such interface. */
    public static int ifNameToIndex(MemorySegment name) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) IF_NAMETOINDEX.H.invokeExact(st, name);
            if (r == 0) throw new ErrnoException("if_nametoindex", errno(st));
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** if_indextoname(3) into {@code buf} (IFNAMSIZ bytes). */
    public static void ifIndexToName(int index, MemorySegment buf) throws ErrnoException {
        MemorySegment st = state();
        try {
            MemorySegment r = (MemorySegment) IF_INDEXTONAME.H.invokeExact(st, index, buf);
            if (r.address() == 0) throw new ErrnoException("if_indextoname", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---- issue 10, namespaces: what ip netns add/del call (unshare, mount, umount2, unlink, gettid) ----

    /** unshare/setns, mount and open flags for ip netns add/del. */
    public static final int CLONE_NEWNET = LinuxC.CLONE_NEWNET();
    public static final long MS_BIND = LinuxC.MS_BIND();
    public static final long MS_REC = LinuxC.MS_REC();
    public static final long MS_SHARED = LinuxC.MS_SHARED();
    public static final int MNT_DETACH = LinuxC.MNT_DETACH();
    public static final int O_RDONLY = LinuxC.O_RDONLY();
    public static final int O_CREAT = LinuxC.O_CREAT();
    public static final int O_EXCL = LinuxC.O_EXCL();
    public static final int O_CLOEXEC = LinuxC.O_CLOEXEC();

    private static final class UNSHARE {
        static final MethodHandle H = blocking(LinuxC.unshare$address(), LinuxC.unshare$descriptor());
    }
    private static final class MOUNT {
        static final MethodHandle H = blocking(LinuxC.mount$address(), LinuxC.mount$descriptor());
    }
    private static final class UMOUNT2 {
        static final MethodHandle H = blocking(LinuxC.umount2$address(), LinuxC.umount2$descriptor());
    }
    private static final class UNLINK {
        static final MethodHandle H = blocking(LinuxC.unlink$address(), LinuxC.unlink$descriptor());
    }
    private static final class GETTID {
        static final MethodHandle H = LINKER.downcallHandle(LinuxC.gettid$address(), LinuxC.gettid$descriptor());
    }

    /** unshare(2): gives the calling thread new namespaces of the kinds in {@code flags} (CLONE_NEWNET, …). */
    public static void unshare(int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) UNSHARE.H.invokeExact(st, flags);
            if (r < 0) throw new ErrnoException("unshare", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * mount(2); {@code source}, {@code fstype} and {@code data} may be {@link MemorySegment#NULL}, the
     * strings are NUL-terminated native strings.
     */
    public static void mount(MemorySegment source, MemorySegment target, MemorySegment fstype, long flags,
            MemorySegment data) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) MOUNT.H.invokeExact(st, source, target, fstype, flags, data);
            if (r < 0) throw new ErrnoException("mount", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** umount2(2) of a path (a NUL-terminated native string) with flags (MNT_DETACH, …). */
    public static void umount2(MemorySegment target, int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) UMOUNT2.H.invokeExact(st, target, flags);
            if (r < 0) throw new ErrnoException("umount2", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** unlink(2) of a path (a NUL-terminated native string). */
    public static void unlink(MemorySegment path) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) UNLINK.H.invokeExact(st, path);
            if (r < 0) throw new ErrnoException("unlink", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@return gettid(2): the calling platform thread's kernel thread id (it cannot fail)} */
    public static int gettid() {
        try {
            return (int) GETTID.H.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // ---- waking threads blocked in the kernel (see FdGuard) -----------------------------------

    /*
     * Not in the generated bindings (pthread.h and signal.h are not among jextract's inputs): the
     * descriptors are declared here, with the C types of glibc's prototypes on LP64. BindingsProbeTest
     * checks struct sigaction's layout (SigAction) against gcc.
     */
    private static final class DUP3 {
        static final MethodHandle H = blocking(LINKER.defaultLookup().find("dup3").orElseThrow(),
                FunctionDescriptor.of(INT, INT, INT, INT));
    }
    private static final class PTHREAD_SELF {
        static final MethodHandle H = LINKER.downcallHandle(LINKER.defaultLookup().find("pthread_self").orElseThrow(),
                FunctionDescriptor.of(LONG));
    }
    private static final class PTHREAD_KILL {
        static final MethodHandle H = LINKER.downcallHandle(LINKER.defaultLookup().find("pthread_kill").orElseThrow(),
                FunctionDescriptor.of(INT, LONG, INT));
    }
    private static final class SIGACTION {
        static final MethodHandle H = blocking(LINKER.defaultLookup().find("sigaction").orElseThrow(),
                FunctionDescriptor.of(INT, INT, PTR, PTR));
    }
    /** SIGRTMAX is a glibc function, not a constant (glibc keeps the lowest real-time signals for itself). */
    private static final class SIGRTMAX {
        static final MethodHandle H = LINKER.downcallHandle(
                LINKER.defaultLookup().find("__libc_current_sigrtmax").orElseThrow(), FunctionDescriptor.of(INT));
    }

    /** dup3(2): makes {@code newFd} refer to {@code oldFd}'s open file (closing what it referred to). */
    public static void dup3(int oldFd, int newFd, int flags) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) DUP3.H.invokeExact(st, oldFd, newFd, flags)) < 0 && errno(st) == EINTR) { }
            if (r < 0) throw new ErrnoException("dup3", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_self(3): the calling platform thread's pthread_t. */
    public static long pthreadSelf() {
        try {
            return (long) PTHREAD_SELF.H.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** pthread_kill(3): sends {@code sig} to a live thread of this process; returns the error number (0: sent). */
    public static int pthreadKill(long thread, int sig) {
        try {
            return (int) PTHREAD_KILL.H.invokeExact(thread, sig);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sigaction(2): {@code act} and {@code old} are a struct sigaction each, or NULL. */
    public static void sigaction(int sig, MemorySegment act, MemorySegment old) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) SIGACTION.H.invokeExact(st, sig, act, old);
            if (r < 0) throw new ErrnoException("sigaction", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@return SIGRTMAX, the highest real-time signal number} */
    public static int sigrtmax() {
        try {
            return (int) SIGRTMAX.H.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** {@return the address of a libc function, for use as a native function pointer} */
    public static MemorySegment libcFunction(String name) {
        return LINKER.defaultLookup().find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
    }

    private static int wouldBlockOrThrow(String call, MemorySegment st) throws ErrnoException {
        int e = errno(st);
        if (e == EAGAIN) return WOULD_BLOCK;
        throw new ErrnoException(call, e);
    }

    // ---- errno text ----------------------------------------------------------------------------

    private static final ConcurrentHashMap<Integer, String[]> ERRNO_TEXT = new ConcurrentHashMap<>();

    private static String[] errnoText(int errno) {
        return ERRNO_TEXT.computeIfAbsent(errno, e -> {
            String name = null;
            String text;
            try {
                if (STRERRORNAME_NP.H != null) {
                    MemorySegment p = (MemorySegment) STRERRORNAME_NP.H.invokeExact((int) e);
                    if (p.address() != 0) name = p.reinterpret(64).getString(0);
                }
                // strerror(3) is thread-safe in glibc for every errno it knows; this runs once per number.
                MemorySegment p = (MemorySegment) STRERROR.H.invokeExact((int) e);
                text = p.address() == 0 ? "Unknown error " + e : p.reinterpret(256).getString(0);
            } catch (Throwable t) {
                throw unexpected(t);
            }
            return new String[] {name == null ? "errno " + e : name, text};
        });
    }

    /** {@return the symbolic name of an errno (strerrorname_np), or "errno N"} */
    public static String errnoName(int errno) {
        return errnoText(errno)[0];
    }

    /** {@return strerror's text for an errno} */
    public static String errnoDescription(int errno) {
        return errnoText(errno)[1];
    }
}
