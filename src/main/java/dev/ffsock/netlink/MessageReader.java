package dev.ffsock.netlink;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates the netlink messages in one received buffer (what one {@code recv} returned), with
 * the bounds checks of the kernel's {@code NLMSG_OK}/{@code NLMSG_NEXT}, but strict: instead of
 * silently stopping at a bad header it throws {@link NetlinkFormatException} naming the problem
 * and its offset in the buffer.
 *
 * <p>Rules, for the message at offset {@code off} with {@code r} bytes remaining:
 * <ul>
 *   <li>{@code r < 16}: truncated header, an error (this includes trailing garbage of 1 to 15
 *       bytes after the last message);</li>
 *   <li>{@code nlmsg_len < 16} (including 0): an error;</li>
 *   <li>{@code nlmsg_len > r}: an error;</li>
 *   <li>the next message starts at {@code off + NLMSG_ALIGN(nlmsg_len)}; if that lies past the
 *       end, the last message simply lacked its padding and the iteration ends after it.</li>
 * </ul>
 * The reader does not interpret types: {@code NLMSG_DONE}, {@code NLMSG_ERROR} and
 * {@code NLM_F_MULTI} are left to the caller (the connection).
 *
 * <p>Usage, allocation-free apart from the message views:
 * {@snippet :
 * MessageReader reader = new MessageReader(buffer, received);
 * while (reader.hasNext()) {
 *     NetlinkMessage msg = reader.next();
 *     // ...
 * }
 * }
 * A reader can be re-aimed at the next received buffer with {@link #reset}. After a {@link
 * NetlinkFormatException} the reader stays at the bad message (every further {@code next()}
 * throws again); the rest of the buffer cannot be trusted. Not thread-safe.
 */
public final class MessageReader implements Iterator<NetlinkMessage> {
    private MemorySegment buffer;
    private long position;

    /**
     * A reader over all of {@code buffer}.
     *
     * @param buffer the received bytes
     */
    public MessageReader(MemorySegment buffer) {
        this(buffer, buffer.byteSize());
    }

    /**
     * A reader over the first {@code length} bytes of {@code buffer}.
     *
     * @param buffer the receive buffer
     * @param length how many bytes were received
     * @throws IllegalArgumentException if {@code length} is negative or larger than the buffer
     */
    public MessageReader(MemorySegment buffer, long length) {
        reset(buffer, length);
    }

    /**
     * Re-aims this reader at the first {@code length} bytes of {@code buffer}, from the start.
     *
     * @param buffer the receive buffer
     * @param length how many bytes were received
     * @return this reader
     * @throws IllegalArgumentException if {@code length} is negative or larger than the buffer
     */
    public MessageReader reset(MemorySegment buffer, long length) {
        if (length < 0 || length > buffer.byteSize()) {
            throw new IllegalArgumentException("length " + length + " outside the "
                    + buffer.byteSize() + "-byte buffer");
        }
        this.buffer = buffer.asSlice(0, length);
        this.position = 0;
        return this;
    }

    /** {@return whether there are bytes left to parse (the next {@link #next()} may still throw)} */
    @Override
    public boolean hasNext() {
        return position < buffer.byteSize();
    }

    /**
     * Parses the next message.
     *
     * @return a view of the message (valid while the buffer's contents are)
     * @throws NetlinkFormatException if its header is malformed; the position is not advanced
     * @throws NoSuchElementException if there are no bytes left
     */
    @Override
    public NetlinkMessage next() {
        return next(null);
    }

    /** As {@link #next()}, re-aiming {@code reuse} (if not null) instead of making a new view. */
    NetlinkMessage next(NetlinkMessage reuse) {
        if (!hasNext()) {
            throw new NoSuchElementException("no more netlink messages");
        }
        NetlinkMessage msg = NetlinkMessage.read(buffer, position, 0, reuse);
        position = Math.min(position + Netlink.nlmsgAlign(msg.length()), buffer.byteSize());
        return msg;
    }

    /** {@return the offset of the next message in the buffer} */
    public long position() {
        return position;
    }

    /** {@return how many bytes are left after {@link #position()}} */
    public long remaining() {
        return buffer.byteSize() - position;
    }

    /**
     * Parses every message in {@code buffer} into a list: a convenience for tests and small
     * replies.
     *
     * @param buffer the received bytes, all of them
     * @return the messages, in order
     * @throws NetlinkFormatException if any message header is malformed
     */
    public static List<NetlinkMessage> readAll(MemorySegment buffer) {
        List<NetlinkMessage> out = new ArrayList<>();
        MessageReader reader = new MessageReader(buffer);
        while (reader.hasNext()) {
            out.add(reader.next());
        }
        return out;
    }
}
