package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The syscall layer: the only code that calls the generated bindings. Each method makes exactly one
 * libc call (retrying it on EINTR), reads errno from the thread's capture segment and either returns
 * the result or throws {@link ErrnoException}. Calls that may legitimately not complete on a
 * non-blocking descriptor return {@link #WOULD_BLOCK} instead of throwing.
 *
 * <p>Handles whose name ends in {@code Nb} are linked {@link Linker.Option#critical critical} (with
 * heap access): they are only ever used on non-blocking descriptors or with MSG_DONTWAIT, so they
 * cannot block, and they may be handed heap segments without a copy.
 */
public final class Sys {
    private Sys() {
    }

    /** Returned by calls that would block on a non-blocking descriptor (EAGAIN/EWOULDBLOCK). */
    public static final int WOULD_BLOCK = -1;

    private static final int EINTR = 4;
    private static final int EAGAIN = 11;
    private static final int EINPROGRESS = 115;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(true);

    /** One errno capture segment per thread, reused by every call that thread makes. */
    private static final ThreadLocal<MemorySegment> ERRNO_STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE_LAYOUT));

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

    private static final MethodHandle SOCKET = blocking(LinuxC.socket$address(), LinuxC.socket$descriptor());
    private static final MethodHandle SOCKETPAIR = blocking(LinuxC.socketpair$address(), LinuxC.socketpair$descriptor());
    private static final MethodHandle BIND = blocking(LinuxC.bind$address(), LinuxC.bind$descriptor());
    private static final MethodHandle LISTEN = blocking(LinuxC.listen$address(), LinuxC.listen$descriptor());
    private static final MethodHandle ACCEPT4 = blocking(LinuxC.accept4$address(), LinuxC.accept4$descriptor());
    private static final MethodHandle CONNECT = blocking(LinuxC.connect$address(), LinuxC.connect$descriptor());
    private static final MethodHandle SEND = blocking(LinuxC.send$address(), LinuxC.send$descriptor());
    private static final MethodHandle SEND_NB = nonBlocking(LinuxC.send$address(), LinuxC.send$descriptor());
    private static final MethodHandle RECV = blocking(LinuxC.recv$address(), LinuxC.recv$descriptor());
    private static final MethodHandle RECV_NB = nonBlocking(LinuxC.recv$address(), LinuxC.recv$descriptor());
    private static final MethodHandle SENDTO = blocking(LinuxC.sendto$address(), LinuxC.sendto$descriptor());
    private static final MethodHandle SENDTO_NB = nonBlocking(LinuxC.sendto$address(), LinuxC.sendto$descriptor());
    private static final MethodHandle RECVFROM = blocking(LinuxC.recvfrom$address(), LinuxC.recvfrom$descriptor());
    private static final MethodHandle RECVFROM_NB = nonBlocking(LinuxC.recvfrom$address(), LinuxC.recvfrom$descriptor());
    private static final MethodHandle SENDMSG = blocking(LinuxC.sendmsg$address(), LinuxC.sendmsg$descriptor());
    private static final MethodHandle SENDMSG_NB = nonBlocking(LinuxC.sendmsg$address(), LinuxC.sendmsg$descriptor());
    private static final MethodHandle RECVMSG = blocking(LinuxC.recvmsg$address(), LinuxC.recvmsg$descriptor());
    private static final MethodHandle RECVMSG_NB = nonBlocking(LinuxC.recvmsg$address(), LinuxC.recvmsg$descriptor());
    private static final MethodHandle SENDMMSG = blocking(LinuxC.sendmmsg$address(), LinuxC.sendmmsg$descriptor());
    private static final MethodHandle SENDMMSG_NB = nonBlocking(LinuxC.sendmmsg$address(), LinuxC.sendmmsg$descriptor());
    private static final MethodHandle RECVMMSG = blocking(LinuxC.recvmmsg$address(), LinuxC.recvmmsg$descriptor());
    private static final MethodHandle RECVMMSG_NB = nonBlocking(LinuxC.recvmmsg$address(), LinuxC.recvmmsg$descriptor());
    private static final MethodHandle SHUTDOWN = nonBlocking(LinuxC.shutdown$address(), LinuxC.shutdown$descriptor());
    private static final MethodHandle CLOSE = blocking(LinuxC.close$address(), LinuxC.close$descriptor());
    private static final MethodHandle GETSOCKNAME = nonBlocking(LinuxC.getsockname$address(), LinuxC.getsockname$descriptor());
    private static final MethodHandle GETPEERNAME = nonBlocking(LinuxC.getpeername$address(), LinuxC.getpeername$descriptor());
    private static final MethodHandle GETSOCKOPT = nonBlocking(LinuxC.getsockopt$address(), LinuxC.getsockopt$descriptor());
    private static final MethodHandle SETSOCKOPT = blocking(LinuxC.setsockopt$address(), LinuxC.setsockopt$descriptor());
    private static final MethodHandle POLL = blocking(LinuxC.poll$address(), LinuxC.poll$descriptor());
    private static final MethodHandle POLL_NOW = nonBlocking(LinuxC.poll$address(), LinuxC.poll$descriptor());
    private static final MethodHandle EPOLL_CREATE1 = blocking(LinuxC.epoll_create1$address(), LinuxC.epoll_create1$descriptor());
    private static final MethodHandle EPOLL_CTL = blocking(LinuxC.epoll_ctl$address(), LinuxC.epoll_ctl$descriptor());
    private static final MethodHandle EPOLL_WAIT = blocking(LinuxC.epoll_wait$address(), LinuxC.epoll_wait$descriptor());
    private static final MethodHandle EPOLL_WAIT_NOW = nonBlocking(LinuxC.epoll_wait$address(), LinuxC.epoll_wait$descriptor());
    private static final MethodHandle EVENTFD = blocking(LinuxC.eventfd$address(), LinuxC.eventfd$descriptor());
    private static final MethodHandle READ = blocking(LinuxC.read$address(), LinuxC.read$descriptor());
    private static final MethodHandle WRITE = blocking(LinuxC.write$address(), LinuxC.write$descriptor());
    private static final MethodHandle SETNS = blocking(LinuxC.setns$address(), LinuxC.setns$descriptor());
    private static final MethodHandle IF_NAMETOINDEX = blocking(LinuxC.if_nametoindex$address(), LinuxC.if_nametoindex$descriptor());
    private static final MethodHandle IF_INDEXTONAME = blocking(LinuxC.if_indextoname$address(), LinuxC.if_indextoname$descriptor());
    private static final MethodHandle FCNTL_INT = variadic(LinuxC.fcntl.address(),
            FunctionDescriptor.of(INT, INT, INT, INT), 2);
    private static final MethodHandle IOCTL_PTR = variadic(LinuxC.ioctl.address(),
            FunctionDescriptor.of(INT, INT, LONG, PTR), 2);
    private static final MethodHandle OPEN = variadic(LinuxC.open.address(),
            FunctionDescriptor.of(INT, PTR, INT, INT), 2);
    private static final MethodHandle STRERROR = LINKER.downcallHandle(LinuxC.strerror$address(), LinuxC.strerror$descriptor());
    private static final MethodHandle STRERRORNAME_NP = LINKER.defaultLookup().find("strerrorname_np")
            .map(a -> LINKER.downcallHandle(a, LinuxC.strerrorname_np$descriptor())).orElse(null);

    /** {@return this thread's errno capture segment} */
    private static MemorySegment state() {
        return ERRNO_STATE.get();
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private static AssertionError unexpected(Throwable t) {
        return new AssertionError("downcall failed unexpectedly", t);
    }

    // ---- sockets -------------------------------------------------------------------------------

    /** socket(2). */
    public static int socket(int domain, int type, int protocol) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            while ((r = (int) SOCKET.invokeExact(st, domain, type, protocol)) < 0 && errno(st) == EINTR) { }
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
            while ((r = (int) SOCKETPAIR.invokeExact(st, domain, type, protocol, sv)) < 0 && errno(st) == EINTR) { }
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
            while ((r = (int) BIND.invokeExact(st, fd, addr, len)) < 0 && errno(st) == EINTR) { }
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
            int r = (int) LISTEN.invokeExact(st, fd, backlog);
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
            while ((r = (int) ACCEPT4.invokeExact(st, fd, addr, lenPtr, flags)) < 0 && errno(st) == EINTR) { }
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
            int r = (int) CONNECT.invokeExact(st, fd, addr, len);
            if (r == 0) return 0;
            int e = errno(st);
            if (e == EINPROGRESS || e == EAGAIN || e == EINTR || e == 114 /* EALREADY */) return e;
            throw new ErrnoException("connect", e);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** send(2): bytes sent or {@link #WOULD_BLOCK}. {@code nb}: the call cannot block (critical handle, heap allowed). */
    public static long send(int fd, MemorySegment buf, long len, int flags, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) SEND_NB.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SEND.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("send", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** recv(2): bytes received (0 at end of stream) or {@link #WOULD_BLOCK}. */
    public static long recv(int fd, MemorySegment buf, long len, int flags, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) RECV_NB.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECV.invokeExact(st, fd, buf, len, flags)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("recv", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** sendto(2): bytes sent or {@link #WOULD_BLOCK}. */
    public static long sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr, int addrLen,
                              boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) SENDTO_NB.invokeExact(st, fd, buf, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SENDTO.invokeExact(st, fd, buf, len, flags, addr, addrLen)) < 0 && errno(st) == EINTR) { }
            }
            if (r < 0) return wouldBlockOrThrow("sendto", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** recvfrom(2): bytes received or {@link #WOULD_BLOCK}; the source goes to {@code addr}/{@code lenPtr}. */
    public static long recvfrom(int fd, MemorySegment buf, long len, int flags, MemorySegment addr,
                                MemorySegment lenPtr, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) RECVFROM_NB.invokeExact(st, fd, buf, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECVFROM.invokeExact(st, fd, buf, len, flags, addr, lenPtr)) < 0 && errno(st) == EINTR) { }
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
    public static long sendmsg(int fd, MemorySegment msghdr, int flags, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) SENDMSG_NB.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) SENDMSG.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
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
    public static long recvmsg(int fd, MemorySegment msghdr, int flags, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            if (nb) {
                while ((r = (long) RECVMSG_NB.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (long) RECVMSG.invokeExact(st, fd, msghdr, flags)) < 0 && errno(st) == EINTR) { }
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
    public static int sendmmsg(int fd, MemorySegment vec, int vlen, int flags, boolean nb) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            if (nb) {
                while ((r = (int) SENDMMSG_NB.invokeExact(st, fd, vec, vlen, flags)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (int) SENDMMSG.invokeExact(st, fd, vec, vlen, flags)) < 0 && errno(st) == EINTR) { }
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
    public static int recvmmsg(int fd, MemorySegment vec, int vlen, int flags, MemorySegment timeout, boolean nb)
            throws ErrnoException {
        MemorySegment st = state();
        try {
            int r;
            if (nb) {
                while ((r = (int) RECVMMSG_NB.invokeExact(st, fd, vec, vlen, flags, timeout)) < 0 && errno(st) == EINTR) { }
            } else {
                while ((r = (int) RECVMMSG.invokeExact(st, fd, vec, vlen, flags, timeout)) < 0 && errno(st) == EINTR) { }
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
            int r = (int) SHUTDOWN.invokeExact(st, fd, how);
            if (r < 0) throw new ErrnoException("shutdown", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** shutdown(2), ignoring failure: used to wake threads blocked on a descriptor being closed. */
    public static void shutdownQuietly(int fd, int how) {
        try {
            int r = (int) SHUTDOWN.invokeExact(state(), fd, how);
            assert r >= -1;
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
            int r = (int) CLOSE.invokeExact(st, fd);
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
            int r = (int) GETSOCKNAME.invokeExact(st, fd, addr, lenPtr);
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
            int r = (int) GETPEERNAME.invokeExact(st, fd, addr, lenPtr);
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
        MemorySegment st = state();
        try {
            int r = (int) GETSOCKOPT.invokeExact(st, fd, level, name, val, lenPtr);
            if (r < 0) throw new ErrnoException("getsockopt", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** setsockopt(2). */
    public static void setsockopt(int fd, int level, int name, MemorySegment val, int len) throws ErrnoException {
        MemorySegment st = state();
        try {
            int r = (int) SETSOCKOPT.invokeExact(st, fd, level, name, val, len);
            if (r < 0) throw new ErrnoException("setsockopt", errno(st));
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
            while ((r = (int) FCNTL_INT.invokeExact(st, fd, cmd, arg)) < 0 && errno(st) == EINTR) { }
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
            while ((r = (int) IOCTL_PTR.invokeExact(st, fd, request, arg)) < 0 && errno(st) == EINTR) { }
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
                    ? (int) POLL_NOW.invokeExact(st, fds, nfds, timeoutMillis)
                    : (int) POLL.invokeExact(st, fds, nfds, timeoutMillis);
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
            int r = (int) EPOLL_CREATE1.invokeExact(st, flags);
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
            int r = (int) EPOLL_CTL.invokeExact(st, epfd, op, fd, event);
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
                    ? (int) EPOLL_WAIT_NOW.invokeExact(st, epfd, events, max, timeoutMillis)
                    : (int) EPOLL_WAIT.invokeExact(st, epfd, events, max, timeoutMillis);
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
            int r = (int) EVENTFD.invokeExact(st, initval, flags);
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
        MemorySegment st = state();
        try {
            long r;
            while ((r = (long) READ.invokeExact(st, fd, buf, len)) < 0 && errno(st) == EINTR) { }
            if (r < 0) return wouldBlockOrThrow("read", st);
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** write(2): bytes written or {@link #WOULD_BLOCK}. */
    public static long write(int fd, MemorySegment buf, long len) throws ErrnoException {
        MemorySegment st = state();
        try {
            long r;
            while ((r = (long) WRITE.invokeExact(st, fd, buf, len)) < 0 && errno(st) == EINTR) { }
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
            while ((r = (int) OPEN.invokeExact(st, path, flags, 0)) < 0 && errno(st) == EINTR) { }
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
            int r = (int) SETNS.invokeExact(st, fd, nstype);
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
            int r = (int) IF_NAMETOINDEX.invokeExact(st, name);
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
            MemorySegment r = (MemorySegment) IF_INDEXTONAME.invokeExact(st, index, buf);
            if (r.address() == 0) throw new ErrnoException("if_indextoname", errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
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
                if (STRERRORNAME_NP != null) {
                    MemorySegment p = (MemorySegment) STRERRORNAME_NP.invokeExact((int) e);
                    if (p.address() != 0) name = p.reinterpret(64).getString(0);
                }
                // strerror(3) is thread-safe in glibc for every errno it knows; this runs once per number.
                MemorySegment p = (MemorySegment) STRERROR.invokeExact((int) e);
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
