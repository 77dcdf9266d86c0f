package dev.ffsock;

import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Walks a coalesced UDP GRO receive datagram by datagram. With UDP_GRO enabled a receive may return
 * several datagrams of one flow glued together; {@link ReceivedControl#udpGroSegmentSize()} gives
 * their size: every datagram has exactly that many bytes except the last, which may be shorter. The
 * same arithmetic describes what a UDP_SEGMENT (GSO) send puts on the wire.
 *
 * <pre>{@code
 * long n = socket.recvmsg(msg, 0);
 * int seg = msg.control().udpGroSegmentSize();   // -1: one plain datagram
 * for (int i = 0, c = UdpSegments.count(n, seg); i < c; i++) {
 *     long off = UdpSegments.offset(i, seg), len = UdpSegments.length(n, seg, i);
 *     ...
 * }
 * }</pre>
 */
public final class UdpSegments {
    private UdpSegments() {
    }

    /**
     * {@return the number of datagrams in {@code length} received bytes cut in segments of
     * {@code segmentSize}; a {@code segmentSize} of -1 or 0 (no GRO) means one datagram}
     *
     * @param length the received data's length in bytes
     * @param segmentSize the segment size the kernel reported (UDP_GRO)
     */
    public static int count(long length, int segmentSize) {
        if (length < 0) throw new IllegalArgumentException("negative length: " + length);
        if (segmentSize < -1) throw new IllegalArgumentException("segment size must be -1 (none) or more: " + segmentSize);
        if (segmentSize <= 0) return 1;
        if (length == 0) return 0;
        return (int) ((length + segmentSize - 1) / segmentSize);
    }

    /**
     * {@return the offset of datagram {@code i}}
     *
     * @param i the segment's index
     * @param segmentSize the segment size
     */
    public static long offset(int i, int segmentSize) {
        if (i < 0) throw new IndexOutOfBoundsException(i);
        return segmentSize <= 0 ? 0 : (long) i * segmentSize;
    }

    /**
     * {@return the length of datagram {@code i} of {@code length} bytes: the segment size, the last one possibly shorter}
     *
     * @param length the received data's length in bytes
     * @param segmentSize the segment size
     * @param i the segment's index
     */
    public static long length(long length, int segmentSize, int i) {
        Objects.checkIndex(i, count(length, segmentSize));
        if (segmentSize <= 0) return length;
        return Math.min(segmentSize, length - (long) i * segmentSize);
    }

    /**
     * {@return datagram {@code i} of the first {@code length} bytes of {@code data}, as a slice}
     *
     * @param data the received data
     * @param length its length in bytes
     * @param segmentSize the segment size
     * @param i the segment's index
     */
    public static MemorySegment slice(MemorySegment data, long length, int segmentSize, int i) {
        Objects.requireNonNull(data, "data");
        if (length > data.byteSize()) throw new IllegalArgumentException("length " + length + " > buffer " + data.byteSize());
        return data.asSlice(offset(i, segmentSize), length(length, segmentSize, i));
    }

    /**
     * Calls {@code action} with each datagram of the first {@code length} bytes of {@code data}, in order.
     *
     * @param data the received data
     * @param length its length in bytes
     * @param segmentSize the segment size
     * @param action called with each datagram's slice, in order
     */
    public static void forEach(MemorySegment data, long length, int segmentSize, Consumer<MemorySegment> action) {
        Objects.requireNonNull(action, "action");
        int n = count(length, segmentSize);
        for (int i = 0; i < n; i++) action.accept(slice(data, length, segmentSize, i));
    }
}
