package dev.ffsock;

import dev.ffsock.internal.CmsgLayout;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Cleaner;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The control messages of one receive, decoded: a reusable view filled by
 * {@link Socket#recvmsg(Message, int)} (see {@link Message#control()}) or by
 * {@link DatagramBatch#control(int)}, valid until the next receive into the same message or batch.
 *
 * <p>Decoded: SCM_RIGHTS ({@link #takeFd(int)}), SCM_CREDENTIALS ({@link #credentials()}),
 * IP_PKTINFO / IPV6_PKTINFO ({@link #pktInfo()}), IP_TTL ({@link #ttl()}), IPV6_HOPLIMIT
 * ({@link #hopLimit()}), SCM_TIMESTAMPNS / SCM_TIMESTAMP and their 64-bit variants
 * ({@link #timestamp()}), UDP_GRO ({@link #udpGroSegmentSize()}), PACKET_AUXDATA
 * ({@link #packetAuxData()}). Everything else — other types, a
 * second message of a type already decoded, a known type with an unexpected size or an impossible
 * value (negative interface index, nanoseconds out of range, …) — is kept raw
 * ({@link #raw(int)}); nothing is dropped. Reading the primitive accessors allocates nothing.
 *
 * <h2>Received file descriptors</h2>
 * Descriptors arrive close-on-exec (ffsock always passes MSG_CMSG_CLOEXEC) and belong to this view
 * until taken with {@link #takeFd(int)}, {@link #takeFds()} or {@link #takeSocket(int)}. Those not
 * taken are closed on the next receive, on {@link Message#reset()} / {@link Message#close()}, or
 * when the message becomes unreachable. When the kernel truncated the control data
 * ({@link #truncated()}, MSG_CTRUNC) the descriptor set is incomplete: the ones that did arrive are
 * closed at once and only counted ({@link #discardedFds()}).
 *
 * <h2>Malformed data</h2>
 * Parsing stops at the first header whose cmsg_len is smaller than the header or runs past the
 * control length; {@link #malformed()} then says why, and what came before stays decoded. Parsing
 * never reads outside the control data and never throws.
 *
 * <p>Not thread-safe.
 */
public final class ReceivedControl {
    private static final Cleaner CLEANER = Cleaner.create();

    final ReceivedFds fds = new ReceivedFds();
    private final Cleaner.Cleanable cleanable;

    boolean truncated;
    String malformed;
    boolean hasCred;
    int credPid, credUid, credGid;
    /** 0: no packet info; 4 or 6: its family. */
    int pktFamily;
    int pktIfindex;
    final byte[] pktAddr4 = new byte[4];
    final byte[] pktAddr6 = new byte[16];
    int ttl = -1;
    int hopLimit = -1;
    int groSize = -1;
    boolean hasTimestamp;
    long tsSec;
    int tsNsec;
    /** PACKET_AUXDATA: status, len, snaplen, mac, net, vlan_tci, vlan_tpid; {@code hasAux} when one came. */
    boolean hasAux;
    final int[] aux = new int[7];

    private MemorySegment rawSource = MemorySegment.NULL;
    /** Decodes each message of a walk into this (made once: parsing allocates nothing per message). */
    final CmsgLayout.Visitor decoder = (b, level, type, at, n) -> Cmsgs.message(b, level, type, at, n, this);
    private int rawCount;
    private int[] rawLevel = new int[4];
    private int[] rawType = new int[4];
    private long[] rawOffset = new long[4];
    private long[] rawLength = new long[4];

    ReceivedControl() {
        cleanable = CLEANER.register(this, fds);
    }

    /** Closes untaken descriptors and forgets everything decoded. */
    void clear() {
        fds.closeAll();
        truncated = false;
        malformed = null;
        hasCred = false;
        pktFamily = 0;
        ttl = -1;
        hopLimit = -1;
        groSize = -1;
        hasTimestamp = false;
        hasAux = false;
        rawCount = 0;
        rawSource = MemorySegment.NULL;
    }

    /** For parser tests: forgets descriptors without closing them (they were not real). */
    void forgetFds() {
        fds.forget();
    }

    void rawSource(MemorySegment control) {
        rawSource = control;
    }

    void addRaw(int level, int type, long offset, long length) {
        if (rawCount == rawLevel.length) {
            int n = rawCount * 2;
            rawLevel = Arrays.copyOf(rawLevel, n);
            rawType = Arrays.copyOf(rawType, n);
            rawOffset = Arrays.copyOf(rawOffset, n);
            rawLength = Arrays.copyOf(rawLength, n);
        }
        rawLevel[rawCount] = level;
        rawType[rawCount] = type;
        rawOffset[rawCount] = offset;
        rawLength[rawCount] = length;
        rawCount++;
    }

    // ---- flags -----------------------------------------------------------------------------------

    /** {@return whether the kernel truncated the control data (MSG_CTRUNC): the buffer was too small} */
    public boolean truncated() {
        return truncated;
    }

    /** {@return why parsing stopped early, or null when the control data was well-formed} */
    public String malformed() {
        return malformed;
    }

    // ---- SCM_RIGHTS ------------------------------------------------------------------------------

    /** {@return the number of descriptors received (taken or not); 0 after MSG_CTRUNC, see {@link #discardedFds()}} */
    public int fdCount() {
        return fds.count() - fds.discarded();
    }

    /** {@return the number of received descriptors closed because MSG_CTRUNC cut the set short} */
    public int discardedFds() {
        return fds.discarded();
    }

    /**
     * Takes ownership of received descriptor {@code i}: the caller must close it.
     *
     * @param i the descriptor's index, below {@link #fdCount()}
     * @throws IllegalStateException if it was already taken (or closed)
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #fdCount()}
     * @return the descriptor
     */
    public int takeFd(int i) {
        java.util.Objects.checkIndex(i, fdCount());
        return fds.take(i);
    }

    /** {@return every descriptor not yet taken, now owned by the caller (an empty array if none)} */
    public int[] takeFds() {
        int n = 0;
        for (int i = 0; i < fdCount(); i++) if (fds.peek(i) >= 0) n++;
        int[] r = new int[n];
        int k = 0;
        for (int i = 0; i < fdCount(); i++) if (fds.peek(i) >= 0) r[k++] = fds.take(i);
        return r;
    }

    /**
     * Takes received descriptor {@code i} as a {@link Socket} ({@link Socket#adopt(int)}). If it is not
     * a socket, it is closed and the adopt error thrown.
     *
     * @param i the descriptor's index, below {@link #fdCount()}
     * @return the socket, owned by the caller
     * @throws IOException if the descriptor is not a socket (the {@code getsockopt(SO_DOMAIN/SO_TYPE)} error
     *     of {@link Socket#adopt(int)}); it is closed
     */
    public Socket takeSocket(int i) throws IOException {
        int fd = takeFd(i);
        try {
            return Socket.adopt(fd);
        } catch (IOException | RuntimeException e) {
            try {
                dev.ffsock.internal.Sys.close(fd);
            } catch (ErrnoException c) {
                e.addSuppressed(c);
            }
            throw e;
        }
    }

    // ---- typed values ------------------------------------------------------------------------------

    /** {@return the SCM_CREDENTIALS credentials, or null if none came} */
    public UCred credentials() {
        return hasCred ? new UCred(credPid, credUid, credGid) : null;
    }

    /** {@return the IP_PKTINFO / IPV6_PKTINFO information, or null if none came} */
    public PktInfo pktInfo() {
        if (pktFamily == 0) return null;
        try {
            return new PktInfo(pktIfindex, InetAddress.getByAddress(pktFamily == 4 ? pktAddr4 : pktAddr6));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 4 or 16 bytes: cannot happen
        }
    }

    /** {@return the interface index from packet information, or -1 if none came} */
    public int pktInfoIfindex() {
        return pktFamily == 0 ? -1 : pktIfindex;
    }

    /** {@return the IPv4 TTL (IP_TTL, with IP_RECVTTL), or -1 if none came} */
    public int ttl() {
        return ttl;
    }

    /** {@return the IPv6 hop limit (IPV6_HOPLIMIT, with IPV6_RECVHOPLIMIT), or -1 if none came} */
    public int hopLimit() {
        return hopLimit;
    }

    /** {@return the segment size of a coalesced receive (UDP_GRO), or -1 if none came} */
    public int udpGroSegmentSize() {
        return groSize;
    }

    /** {@return whether a receive timestamp came (SO_TIMESTAMPNS / SO_TIMESTAMP)} */
    public boolean hasTimestamp() {
        return hasTimestamp;
    }

    /** {@return the receive timestamp's seconds since the epoch (0 if none came)} */
    public long timestampSeconds() {
        return hasTimestamp ? tsSec : 0;
    }

    /** {@return the receive timestamp's nanoseconds within the second (0 if none came)} */
    public int timestampNanos() {
        return hasTimestamp ? tsNsec : 0;
    }

    /** {@return the receive timestamp, or null if none came} */
    public Instant timestamp() {
        return hasTimestamp ? Instant.ofEpochSecond(tsSec, tsNsec) : null;
    }

    /** {@return the PACKET_AUXDATA of a received frame (with {@link SockOpt#PACKET_AUXDATA}), or null if none came} */
    public PacketAuxData packetAuxData() {
        if (!hasAux) return null;
        return new PacketAuxData(aux[0], Integer.toUnsignedLong(aux[1]), Integer.toUnsignedLong(aux[2]), aux[3], aux[4],
                aux[5], aux[6]);
    }

    // ---- raw -----------------------------------------------------------------------------------------

    /** {@return the number of control messages kept raw} */
    public int rawCount() {
        return rawCount;
    }

    /**
     * {@return raw control message {@code i} (its data copied)}
     *
     * @param i the control message's index, below {@link #rawCount()}
     */
    public ControlMessage raw(int i) {
        java.util.Objects.checkIndex(i, rawCount);
        byte[] data = new byte[(int) rawLength[i]];
        MemorySegment.copy(rawSource, ValueLayout.JAVA_BYTE, rawOffset[i], data, 0, data.length);
        return new ControlMessage(rawLevel[i], rawType[i], data);
    }

    /** Closes untaken descriptors now (they would otherwise be closed on the next receive or reset). */
    public void closeFds() {
        fds.closeAll();
    }

    /** Unregisters the cleaner after closing the descriptors (the owner is closing). */
    void dispose() {
        cleanable.clean();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReceivedControl[");
        if (fdCount() > 0) sb.append("fds=").append(fdCount()).append(' ');
        if (discardedFds() > 0) sb.append("discardedFds=").append(discardedFds()).append(' ');
        if (hasCred) sb.append(credentials()).append(' ');
        if (pktFamily != 0) sb.append(pktInfo()).append(' ');
        if (ttl >= 0) sb.append("ttl=").append(ttl).append(' ');
        if (hopLimit >= 0) sb.append("hopLimit=").append(hopLimit).append(' ');
        if (groSize >= 0) sb.append("gro=").append(groSize).append(' ');
        if (hasTimestamp) sb.append("timestamp=").append(timestamp()).append(' ');
        if (hasAux) sb.append(packetAuxData()).append(' ');
        if (rawCount > 0) sb.append("raw=").append(rawCount).append(' ');
        if (truncated) sb.append("MSG_CTRUNC ");
        if (malformed != null) sb.append("malformed: ").append(malformed).append(' ');
        if (sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
        return sb.append(']').toString();
    }
}
