package dev.ffsock.netlink;

import dev.ffsock.Domain;
import dev.ffsock.ErrnoException;
import dev.ffsock.Errno;
import dev.ffsock.Msg;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Poll;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrNl;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;

/**
 * A netlink socket that speaks the protocol: it numbers requests, sends them to the kernel and
 * gathers the answer — multipart dumps until NLMSG_DONE, ACKs, NLMSG_ERROR turned into
 * {@link NetlinkException} with the kernel's extended-ack message, NLM_F_DUMP_INTR reported as
 * {@link DumpInterruptedException}, batches ({@link #batch}: several messages in one datagram, each
 * acknowledgement read, a refusal reported by the message's index). Every received datagram's
 * sender must be the kernel (port 0):
 * anything else is dropped, so a local process cannot spoof answers. Replies whose sequence number
 * or port id is not the pending request's are stale (from an abandoned request) and skipped.
 *
 * <p>Receives are never truncated: each datagram's size is read first with MSG_PEEK|MSG_TRUNC and
 * the buffer grows to fit. The receive buffer starts at 1 MiB (as iproute2 does). NETLINK_EXT_ACK
 * and NETLINK_CAP_ACK are on; NETLINK_GET_STRICT_CHK is on for NETLINK_ROUTE where the kernel has
 * it ({@link #strictCheck()}), so dumps can be filtered by the kernel.
 *
 * <p>A dump its handler abandons (by throwing) is read to its end, and discarded, before the next
 * request: the kernel runs one dump per socket at a time and would answer EBUSY meanwhile.
 *
 * <p>Thread-safe: one request at a time (a lock is held for the whole exchange). Use a separate
 * connection for multicast events ({@link #subscribe}, {@link #receiveEvents}).
 */
public final class NetlinkConnection implements AutoCloseable {
    /** The receive buffer size asked for at open (SO_RCVBUF; SO_RCVBUFFORCE when permitted). */
    public static final int RECEIVE_BUFFER = 1 << 20;

    /** Writes a request's payload (family header and attributes) after the nlmsghdr. */
    @FunctionalInterface
    public interface Encoder {
        /**
         * Writes the payload.
         *
         * @param w the writer for the request's payload, positioned after its nlmsghdr
         */
        void encode(PayloadWriter w);
    }

    /** Receives each reply message of a request or dump; the message is valid only during the call. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Handles one message.
         *
         * @param m the message, valid only during the call (copy what must be kept)
         * @throws IOException to end the exchange: it reaches the caller of the request, dump or
         *         {@link #receiveEvents}; the rest of the answer is skipped (a dump's remainder is
         *         read and discarded before the next request)
         */
        void handle(NetlinkMessage m) throws IOException;
    }

    /**
     * Turns a reply message into an object; may return null to skip it.
     *
     * @param <T> the type of the decoded objects
     */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * Decodes one message, valid only during the call.
         *
         * @param m the message, valid only during the call
         * @return the decoded object (it must not refer to {@code m}), or null to skip the message
         * @throws IOException to end the exchange, as for {@link Handler#handle}
         */
        T decode(NetlinkMessage m) throws IOException;
    }

    private static final Encoder EMPTY = w -> { };

    private final Socket socket;
    private final int family;
    private final int portId;
    private final boolean strictCheck;
    private final ReentrantLock lock = new ReentrantLock();
    private final Arena arena = Arena.ofShared();
    private final MessageBuilder builder = new MessageBuilder(4096, true);
    private final SockAddrStorage kernel = SockAddrStorage.of(SockAddrNl.kernel());
    private final SockAddrStorage from = new SockAddrStorage();
    /** Zero-length: MSG_PEEK|MSG_TRUNC only sizes the next datagram. */
    private final MemorySegment peek = arena.allocate(16, 8).asSlice(0, 0);
    private MemorySegment buffer = arena.allocate(32768, 8);
    private final MessageReader reader = new MessageReader(MemorySegment.NULL, 0);
    /** The view handed to handlers, re-aimed at each message (see {@link Handler}). */
    private final NetlinkMessage view = new NetlinkMessage();
    private IntFunction<String> typeNames = t -> "netlink message type " + t;
    private int seq = (int) (System.nanoTime() & 0x3fffffff);
    private long spoofed;
    /** Seq of a dump whose answer was not read to its end (handler threw, thread interrupted); 0: none. */
    private int unfinishedDump;

    private NetlinkConnection(Socket socket, int family) throws IOException {
        this.socket = socket;
        this.family = family;
        try {
            try {
                socket.setsockopt(SockOpt.SO_RCVBUFFORCE, RECEIVE_BUFFER);
            } catch (ErrnoException e) {
                socket.setsockopt(SockOpt.SO_RCVBUF, RECEIVE_BUFFER);
            }
            socket.setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_EXT_ACK, 1);
            socket.setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 1);
            boolean strict = false;
            if (family == Netlink.NETLINK_ROUTE) {
                try {
                    socket.setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_GET_STRICT_CHK, 1);
                    strict = true;
                } catch (ErrnoException e) {
                    if (e.errno() != Errno.ENOPROTOOPT) throw e;
                }
            }
            this.strictCheck = strict;
            socket.bind(new SockAddrNl(0, 0));
            this.portId = ((SockAddrNl) socket.getsockname()).pid();
        } catch (IOException | RuntimeException e) {
            socket.close();
            builder.close();
            arena.close();
            throw e;
        }
    }

    /**
     * Opens a connection to a netlink family in this process's network namespace.
     *
     *
     * <p>Makes socket(2) (AF_NETLINK, SOCK_RAW, protocol {@code family}, close-on-exec,
     * blocking), the setsockopt(2) calls the class comment names, bind(2) to a port id the kernel
     * assigns, and getsockname(2) to learn it. On failure the socket is closed.
     *
     * @param family {@link Netlink#NETLINK_ROUTE}, {@link Netlink#NETLINK_SOCK_DIAG},
     *               {@link Netlink#NETLINK_GENERIC}, …
     * @return the connection, bound to its own port id
     * @throws ErrnoException if a system call fails: socket(2) EPROTONOSUPPORT for a family the
     *         kernel does not have, EMFILE or ENFILE when out of descriptors; setsockopt(2)
     *         ENOPROTOOPT on a kernel without NETLINK_EXT_ACK or NETLINK_CAP_ACK
     */
    public static NetlinkConnection open(int family) throws IOException {
        Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.of(family));
        return open(s, family);
    }

    /**
     * Opens a connection inside the named network namespace ({@code ip netns add NAME}), without
     * moving this thread: the socket is made with
     * {@link NetworkNamespace#open(String, Domain, Type, Protocol)}, then set up as by
     * {@link #open(int)}.
     *
     * @param family {@link Netlink#NETLINK_ROUTE}, {@link Netlink#NETLINK_SOCK_DIAG},
     *               {@link Netlink#NETLINK_GENERIC}, …
     * @param namespace the namespace's name, as {@code ip netns add NAME} made it; null for this
     *                  process's own namespace
     * @return the connection, bound to its own port id in that namespace
     * @throws IOException if the namespace cannot be opened or entered (an {@link ErrnoException}
     *         from open(2) or setns(2): ENOENT when there is no such namespace, EPERM without
     *         CAP_SYS_ADMIN), or as for {@link #open(int)}
     */
    public static NetlinkConnection open(int family, String namespace) throws IOException {
        if (namespace == null) return open(family);
        Socket s = NetworkNamespace.open(namespace, Domain.AF_NETLINK, Type.RAW, Protocol.of(family));
        return open(s, family);
    }

    /**
     * Opens a connection inside the network namespace a file refers to ({@code /proc/PID/ns/net}),
     * without moving this thread: the socket is made with
     * {@link NetworkNamespace#open(Path, Domain, Type, Protocol)}, then set up as by
     * {@link #open(int)}.
     *
     * @param family {@link Netlink#NETLINK_ROUTE}, {@link Netlink#NETLINK_SOCK_DIAG},
     *               {@link Netlink#NETLINK_GENERIC}, …
     * @param namespace a namespace file ({@code /run/netns/NAME}, {@code /proc/PID/ns/net})
     * @return the connection, bound to its own port id in that namespace
     * @throws IOException if the namespace cannot be opened or entered (an {@link ErrnoException}
     *         from open(2) or setns(2): ENOENT when there is no such file, EPERM without
     *         CAP_SYS_ADMIN, EINVAL when the file is no network namespace), or as for
     *         {@link #open(int)}
     */
    public static NetlinkConnection open(int family, Path namespace) throws IOException {
        Socket s = NetworkNamespace.open(namespace, Domain.AF_NETLINK, Type.RAW, Protocol.of(family));
        return open(s, family);
    }

    private static NetlinkConnection open(Socket s, int family) throws IOException {
        try {
            return new NetlinkConnection(s, family);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Names message types in error messages (e.g. "RTM_NEWROUTE"); families install theirs.
     *
     * @param names gives the name of a message type
     * @return this connection, for chaining
     */
    public NetlinkConnection typeNames(IntFunction<String> names) {
        this.typeNames = Objects.requireNonNull(names, "names");
        return this;
    }

    /** {@return the underlying socket, for options (NETLINK_NO_ENOBUFS, NETLINK_LISTEN_ALL_NSID, …)} */
    public Socket socket() {
        return socket;
    }

    /** {@return the netlink family (protocol) this connection talks to} */
    public int family() {
        return family;
    }

    /** {@return the port id the kernel assigned to this socket} */
    public int portId() {
        return portId;
    }

    /** {@return whether NETLINK_GET_STRICT_CHK is on, so the kernel filters dumps by the request's header and attributes} */
    public boolean strictCheck() {
        return strictCheck;
    }

    /** {@return how many datagrams were dropped because their sender was not the kernel} */
    public long spoofedDropped() {
        return spoofed;
    }

    // ---- requests ------------------------------------------------------------------------------

    /**
     * Sends a request with NLM_F_ACK and waits for the kernel's acknowledgement (a change: add,
     * delete, set). Reply messages other than the acknowledgement are ignored.
     *
     * <p>One sendto(2) to the kernel, then recvfrom(2) calls (each datagram sized first with
     * MSG_PEEK|MSG_TRUNC) until the answer is complete; the connection's lock is held throughout.
     *
     * @param type    the request's message type (RTM_NEWROUTE, CTRL_CMD_GETFAMILY, …)
     * @param flags   further nlmsghdr flags ({@link Netlink#NLM_F_CREATE}, {@link Netlink#NLM_F_EXCL},
     *                {@link Netlink#NLM_F_REPLACE}, …), or 0; NLM_F_REQUEST and NLM_F_ACK are always
     *                set
     * @param payload writes the family header and attributes after the nlmsghdr; null for an empty
     *                payload
     * @throws NetlinkException when the kernel refuses it
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN
     */
    public void execute(int type, int flags, Encoder payload) throws IOException {
        request(type, flags, payload, null);
    }

    /**
     * Sends a request with NLM_F_ACK and hands every reply message to {@code handler} until the
     * acknowledgement (a get: one link by name, one generic family).
     *
     * <p>One sendto(2) to the kernel, then recvfrom(2) calls (each datagram sized first with
     * MSG_PEEK|MSG_TRUNC) until the answer is complete; the connection's lock is held throughout.
     *
     * @param type    the request's message type (RTM_NEWROUTE, CTRL_CMD_GETFAMILY, …)
     * @param flags   further nlmsghdr flags ({@link Netlink#NLM_F_CREATE}, {@link Netlink#NLM_F_EXCL},
     *                {@link Netlink#NLM_F_REPLACE}, …), or 0; NLM_F_REQUEST and NLM_F_ACK are always
     *                set
     * @param payload writes the family header and attributes after the nlmsghdr; null for an empty
     *                payload
     * @param handler receives each reply message (not the acknowledgement); null to ignore them
     * @throws NetlinkException when the kernel refuses the request
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN; also whatever the handler throws (which
     *         ends the exchange)
     */
    public void request(int type, int flags, Encoder payload, Handler handler) throws IOException {
        lock.lock();
        try {
            checkOpen();
            int s = send(type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | flags, payload);
            collect(type, s, false, handler);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a request with NLM_F_ACK and decodes its replies into a list (a get whose answer is
     * one or a few objects). The exchange is that of
     * {@link #request(int, int, Encoder, Handler)}.
     *
     * @param <T>     the type of the decoded objects
     * @param type    the request's message type (RTM_NEWROUTE, CTRL_CMD_GETFAMILY, …)
     * @param flags   further nlmsghdr flags ({@link Netlink#NLM_F_CREATE}, {@link Netlink#NLM_F_EXCL},
     *                {@link Netlink#NLM_F_REPLACE}, …), or 0; NLM_F_REQUEST and NLM_F_ACK are always
     *                set
     * @param payload writes the family header and attributes after the nlmsghdr; null for an empty
     *                payload
     * @param decoder decodes each reply message (not the acknowledgement)
     * @return the decoded objects in the order the replies came, without the nulls
     * @throws NetlinkException when the kernel refuses the request
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN; also whatever the decoder throws (which
     *         ends the exchange)
     */
    public <T> List<T> query(int type, int flags, Encoder payload, Decoder<T> decoder) throws IOException {
        List<T> out = new ArrayList<>();
        request(type, flags, payload, m -> {
            T t = decoder.decode(m);
            if (t != null) out.add(t);
        });
        return out;
    }

    /**
     * Dumps (NLM_F_DUMP) and streams every message to {@code handler} as it arrives, without
     * keeping them: memory stays bounded however large the dump.
     *
     *
     * <p>One sendto(2) to the kernel, then recvfrom(2) calls (each datagram sized first with
     * MSG_PEEK|MSG_TRUNC) until NLMSG_DONE; the connection's lock is held throughout.
     *
     * @param type    the dump's message type (RTM_GETLINK, SOCK_DIAG_BY_FAMILY, …); NLM_F_REQUEST and
     *                NLM_F_DUMP are set
     * @param payload writes the family header and attributes (filters, which the kernel applies when
     *                {@link #strictCheck()}); null for an empty payload
     * @param handler receives each message of the dump
     * @throws DumpInterruptedException after the whole dump, if the kernel marked it interrupted
     *         (its partial list is empty here: the messages went to the handler)
     * @throws NetlinkException when the kernel refuses the dump or ends it with an error
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN; also whatever the handler throws (which
     *         ends the exchange)
     */
    public void dump(int type, Encoder payload, Handler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            checkOpen();
            int s = send(type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, payload == null ? EMPTY : payload);
            if (collect(type, s, true, handler)) throw new DumpInterruptedException(typeNames.apply(type), List.of());
        } finally {
            lock.unlock();
        }
    }

    /**
     * Dumps and decodes every message into a list. The exchange is that of
     * {@link #dump(int, Encoder, Handler)}.
     *
     * @param <T>     the type of the decoded objects
     * @param type    the dump's message type (RTM_GETLINK, SOCK_DIAG_BY_FAMILY, …)
     * @param payload writes the family header and attributes after the nlmsghdr; null for an empty
     *                payload
     * @param decoder decodes each message of the dump
     * @return the decoded objects in the order the messages came, without the nulls
     * @throws DumpInterruptedException if the kernel marked the dump interrupted; it carries the list
     * @throws NetlinkException when the kernel refuses the dump or ends it with an error
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN; also whatever the decoder throws (which
     *         ends the exchange)
     */
    public <T> List<T> dumpAll(int type, Encoder payload, Decoder<T> decoder) throws IOException {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>();
        try {
            dump(type, payload, m -> {
                T t = decoder.decode(m);
                if (t != null) out.add(t);
            });
        } catch (DumpInterruptedException e) {
            throw new DumpInterruptedException(typeNames.apply(type), out);
        }
        return out;
    }

    /**
     * Dumps until a dump comes back not interrupted, at most {@code attempts} times (each as
     * {@link #dumpAll(int, Encoder, Decoder)}).
     *
     * @param <T>      the type of the decoded objects
     * @param type     the dump's message type (RTM_GETLINK, SOCK_DIAG_BY_FAMILY, …)
     * @param payload  writes the family header and attributes; null for an empty payload
     * @param decoder  decodes each message of the dump
     * @param attempts the most dumps to make, 1 or more
     * @return the decoded objects of the first dump that was not interrupted
     * @throws IllegalArgumentException if {@code attempts} is less than 1
     * @throws DumpInterruptedException if every attempt was interrupted: the last one's, with its list
     * @throws NetlinkException when the kernel refuses a dump or ends it with an error
     * @throws SocketClosedException if the connection is closed, or is closed by another thread
     *         during the exchange
     * @throws java.net.SocketTimeoutException if an SO_RCVTIMEO set on {@link #socket()} expires
     *         while the answer is awaited
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when a send or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (an {@link ErrnoException}), or the
     *         answer is malformed or reports NLMSG_OVERRUN; also whatever the decoder throws (which
     *         ends the exchange)
     */
    public <T> List<T> dumpConsistent(int type, Encoder payload, Decoder<T> decoder, int attempts) throws IOException {
        if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
        DumpInterruptedException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return dumpAll(type, payload, decoder);
            } catch (DumpInterruptedException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Sends several messages in one datagram and reads the kernel's answer to each: what nfnetlink
     * batches (NFNL_MSG_BATCH_BEGIN … NFNL_MSG_BATCH_END) need. Each message gets its own sequence
     * number; NLM_F_REQUEST is always set, NLM_F_ACK where the message's flags ask for it. The call
     * waits until every message that asked was acknowledged; once the kernel has refused one, it
     * takes only the answers already queued (the kernel processes a batch within the send and may
     * stop acknowledging after a refusal). Answers already queued when all acknowledgements are in
     * (an error for a message that did not ask, such as a failed commit) are read too.
     *
     * <p>One sendto(2), then recvfrom(2) calls (each sized first with MSG_PEEK|MSG_TRUNC, and poll(2)
     * with no wait after a refusal); the connection's lock is held throughout.
     *
     * @param messages the messages, in order (at least one)
     * @throws IllegalArgumentException if {@code messages} is empty
     * @throws BatchException when the kernel refused a message: the first refused one (by index),
     *         the others suppressed in it
     * @throws SocketClosedException if the connection is closed
     * @throws IOException if sendto(2) or recvfrom(2) fails (EMSGSIZE when the batch is larger than
     *         the kernel takes in one datagram), or an answer is malformed
     */
    public void batch(List<BatchMessage> messages) throws IOException {
        if (messages.isEmpty()) throw new IllegalArgumentException("an empty batch");
        lock.lock();
        try {
            checkOpen();
            if (unfinishedDump != 0) drainUnfinishedDump();
            int n = messages.size();
            int first = seq + 1;
            if (first == 0 || first + n < first) first = 1; // no zero and no wrap inside the batch
            seq = first + n - 1;
            builder.reset();
            boolean[] waiting = new boolean[n];
            int pending = 0;
            for (int i = 0; i < n; i++) {
                BatchMessage m = messages.get(i);
                builder.begin(m.type(), m.flags() | Netlink.NLM_F_REQUEST);
                builder.setSeq(first + i);
                if (m.payload() != null) m.payload().encode(builder);
                builder.end();
                if ((m.flags() & Netlink.NLM_F_ACK) != 0) {
                    waiting[i] = true;
                    pending++;
                }
            }
            socket.sendto(builder.segment(), 0, kernel);
            List<BatchException> refused = new ArrayList<>();
            while (true) {
                // Wait while acknowledgements are owed and nothing was refused; else take what is queued.
                long got = receive(pending > 0 && refused.isEmpty() ? BATCH_WAIT_MILLIS : 0);
                if (got < 0) {
                    if (pending > 0 && refused.isEmpty()) {
                        throw new IOException("no answer to " + pending + " message(s) of a batch within " + BATCH_WAIT_MILLIS + " ms");
                    }
                    break;
                }
                reader.reset(buffer, got);
                try {
                    while (reader.hasNext()) {
                        NetlinkMessage m = reader.next(view);
                        int i = m.seq() - first;
                        if (i < 0 || i >= n || (m.pid() != portId && m.pid() != 0) || m.type() != Netlink.NLMSG_ERROR) continue;
                        NetlinkError e = NetlinkError.parse(m);
                        if (waiting[i]) {
                            waiting[i] = false;
                            pending--;
                        }
                        if (e.error() != 0) {
                            refused.add(new BatchException(i, messages.get(i).description(), e.errno(), e.extAck()));
                        }
                    }
                } catch (NetlinkFormatException e) {
                    throw new IOException("malformed netlink reply to a batch: " + e.getMessage(), e);
                }
            }
            if (!refused.isEmpty()) {
                refused.sort(java.util.Comparator.comparingInt(BatchException::index));
                BatchException top = refused.get(0);
                for (int i = 1; i < refused.size(); i++) top.addSuppressed(refused.get(i));
                throw top;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Longest wait for a batch's acknowledgements (the kernel answers within the send; this bounds a stray case). */
    private static final int BATCH_WAIT_MILLIS = 10_000;

    /** Under the lock: a closed connection's buffers are gone, so fail as the socket would. */
    private void checkOpen() throws SocketClosedException {
        if (!arena.scope().isAlive()) throw new SocketClosedException("socket closed");
    }

    private int send(int type, int flags, Encoder payload) throws IOException {
        if (unfinishedDump != 0) drainUnfinishedDump();
        int s = ++seq;
        if (s == 0) s = ++seq;
        builder.reset();
        builder.begin(type, flags);
        builder.setSeq(s);
        if (payload != null) payload.encode(builder);
        builder.end();
        MemorySegment msg = builder.segment();
        socket.sendto(msg, 0, kernel);
        if ((flags & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP) unfinishedDump = s;
        return s;
    }

    /** Longest wait for each datagram of an abandoned dump's remainder. */
    private static final int DRAIN_WAIT_MILLIS = 1000;
    /** Upper bound on the time spent reading an abandoned dump's remainder. */
    private static final long DRAIN_LIMIT_NANOS = 10_000_000_000L;

    /**
     * Reads and discards the rest of a dump abandoned halfway: the kernel runs one dump per socket
     * at a time and answers any other dump with EBUSY until this one has been read to its end.
     * Bounded in time; gives up quietly if the rest does not come.
     */
    private void drainUnfinishedDump() throws IOException {
        int s = unfinishedDump;
        unfinishedDump = 0;
        long deadline = System.nanoTime() + DRAIN_LIMIT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            long n = receive(DRAIN_WAIT_MILLIS);
            if (n < 0) return;
            reader.reset(buffer, n);
            try {
                while (reader.hasNext()) {
                    NetlinkMessage m = reader.next();
                    if (m.seq() == s && (m.type() == Netlink.NLMSG_DONE || m.type() == Netlink.NLMSG_ERROR)) return;
                }
            } catch (NetlinkFormatException e) {
                return;
            }
        }
    }

    /** Reads replies to request {@code s}; returns whether the dump was interrupted. */
    private boolean collect(int type, int s, boolean dump, Handler handler) throws IOException {
        boolean interrupted = false;
        while (true) {
            long n = receive(-1);
            reader.reset(buffer, n);
            try {
                while (reader.hasNext()) {
                    // One view re-aimed at each message: a handler's message is valid only during its call.
                    NetlinkMessage m = reader.next(view);
                    if (m.seq() != s || (m.pid() != portId && m.pid() != 0)) continue; // stale reply
                    if ((m.flags() & Netlink.NLM_F_DUMP_INTR) != 0) interrupted = true;
                    switch (m.type()) {
                        case Netlink.NLMSG_NOOP -> { }
                        case Netlink.NLMSG_DONE -> {
                            unfinishedDump = 0;
                            if (dump) {
                                NetlinkError e = NetlinkError.parseDone(m);
                                if (e.error() != 0) throw new NetlinkException(typeNames.apply(type), e.errno(), e.extAck());
                                return interrupted;
                            }
                            if (handler != null) handler.handle(m);
                        }
                        case Netlink.NLMSG_ERROR -> {
                            unfinishedDump = 0; // an error (or the ACK) ends a dump
                            NetlinkError e = NetlinkError.parse(m);
                            if (e.error() != 0) throw new NetlinkException(typeNames.apply(type), e.errno(), e.extAck());
                            if (!dump) return interrupted;
                        }
                        case Netlink.NLMSG_OVERRUN -> throw new IOException(typeNames.apply(type) + ": NLMSG_OVERRUN: data lost");
                        default -> {
                            if (handler != null) handler.handle(m);
                        }
                    }
                }
            } catch (NetlinkFormatException e) {
                throw new IOException("malformed netlink reply to " + typeNames.apply(type) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Receives one datagram from the kernel into {@link #buffer}, sized first with
     * MSG_PEEK|MSG_TRUNC so it is never truncated; drops datagrams not sent by the kernel.
     *
     * @return its length, or -1 if {@code timeoutMillis} passed first
     */
    private long receive(int timeoutMillis) throws IOException {
        while (true) {
            if (timeoutMillis >= 0 && socket.poll(Poll.POLLIN, timeoutMillis) == 0) return -1;
            long size = socket.recvfrom(peek, Msg.MSG_PEEK | Msg.MSG_TRUNC, from);
            if (size > buffer.byteSize()) buffer = arena.allocate(Math.max(size, buffer.byteSize() * 2), 8);
            long n = socket.recvfrom(buffer, 0, from);
            if (from.domain().value() != Domain.AF_NETLINK.value() || from.length() < 12 || from.netlinkPortId() != 0) {
                spoofed++;
                continue;
            }
            return n;
        }
    }

    // ---- multicast events ----------------------------------------------------------------------

    /**
     * Joins multicast groups (NETLINK_ADD_MEMBERSHIP; any group number, above 32 too): one
     * setsockopt(2) per group, in order.
     *
     * @param groups the group numbers (RTNLGRP_LINK, …), each 1 or more
     * @throws IllegalArgumentException if a group is 0 or negative (the groups before it have been
     *         joined)
     * @throws SocketClosedException if the connection is closed
     * @throws ErrnoException if setsockopt(2) fails: EINVAL for a group the family does not have,
     *         EPERM for a group that only privileged processes may join
     */
    public void subscribe(int... groups) throws IOException {
        for (int g : groups) {
            if (g <= 0) throw new IllegalArgumentException("netlink groups start at 1: " + g);
            socket.setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, g);
        }
    }

    /**
     * Leaves multicast groups (NETLINK_DROP_MEMBERSHIP): one setsockopt(2) per group, in order.
     *
     * @param groups the group numbers to leave
     * @throws SocketClosedException if the connection is closed
     * @throws ErrnoException if setsockopt(2) fails: EINVAL for a group number the family does not
     *         have
     */
    public void unsubscribe(int... groups) throws IOException {
        for (int g : groups) socket.setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_DROP_MEMBERSHIP, g);
    }

    /**
     * Waits up to {@code timeoutMillis} (-1: forever) for one datagram of notifications and hands each
     * message in it to {@code handler}.
     *
     * <p>Waits with {@link Socket#poll(int, int)} (poll(2)) when {@code timeoutMillis} is 0 or more,
     * then receives with recvfrom(2) (sized first with MSG_PEEK|MSG_TRUNC). Datagrams not sent by the
     * kernel are dropped ({@link #spoofedDropped()}) and the wait starts again. NLMSG_NOOP and
     * NLMSG_DONE messages are skipped, but for NETLINK_CONNECTOR, whose notifications are all of
     * type NLMSG_DONE. The connection's lock is held throughout.
     *
     * @param handler       receives each notification message
     * @param timeoutMillis the longest wait in milliseconds: 0 to take only what is there, -1 (or any
     *                      negative value) to wait forever
     * @return the number of messages handled; 0 if the time ran out
     * @throws EventsLostException if the kernel dropped notifications (ENOBUFS); receiving may go on
     * @throws SocketClosedException if the connection is closed, or is closed by another thread while
     *         the call waits
     * @throws java.net.SocketTimeoutException if {@code timeoutMillis} is negative and an
     *         SO_RCVTIMEO set on {@link #socket()} expires
     * @throws java.nio.channels.ClosedByInterruptException if the thread is interrupted (its
     *         interrupt status set when the wait or receive starts, or a virtual thread interrupted
     *         while it waits); the connection's socket is then closed
     * @throws IOException if poll(2) or recvfrom(2) fails (an {@link ErrnoException}), or the datagram
     *         is malformed; also whatever the handler throws
     */
    public int receiveEvents(Handler handler, int timeoutMillis) throws IOException {
        Objects.requireNonNull(handler, "handler");
        lock.lock();
        try {
            checkOpen();
            long n;
            try {
                n = receive(timeoutMillis);
            } catch (ErrnoException e) {
                if (e.errno() == Errno.ENOBUFS) throw new EventsLostException();
                throw e;
            }
            if (n < 0) return 0;
            reader.reset(buffer, n);
            int count = 0;
            try {
                while (reader.hasNext()) {
                    NetlinkMessage m = reader.next(view);
                    if (m.type() == Netlink.NLMSG_NOOP) continue;
                    // NETLINK_CONNECTOR's notifications are all NLMSG_DONE (cn_netlink_send): deliver them
                    if (m.type() == Netlink.NLMSG_DONE && family != Netlink.NETLINK_CONNECTOR) continue;
                    handler.handle(m);
                    count++;
                }
            } catch (NetlinkFormatException e) {
                throw new IOException("malformed netlink notification: " + e.getMessage(), e);
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the socket and frees the connection's memory. Idempotent. */
    @Override
    public void close() {
        socket.close();
        lock.lock();
        try {
            if (arena.scope().isAlive()) {
                builder.close();
                arena.close();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "NetlinkConnection[family=" + family + " port=" + Integer.toUnsignedString(portId) + "]";
    }
}
