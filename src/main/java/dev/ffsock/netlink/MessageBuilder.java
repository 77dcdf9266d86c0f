package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLMSG_HDRLEN;

import java.lang.foreign.MemorySegment;

/**
 * Builds netlink messages into a reusable, growable native buffer that it owns, ready to be
 * passed to {@code send}.
 *
 * <p>One message at a time is open: {@link #begin} writes a 16-byte header with {@code nlmsg_len},
 * seq and pid 0; the {@link PayloadWriter} methods ({@code put*}, {@code attr*}, nests) write
 * the payload; {@link #end()} pads the message to 4 bytes and fills in {@code nlmsg_len}. Several
 * messages may follow one another (a batch); {@link #segment()} returns everything written. The
 * connection sets the sequence number and port id afterwards, with {@link #setSeq(int)}/{@link
 * #setPid(int)} (last message) or {@link #setSeq(int, int)}/{@link #setPid(int, int)} (any
 * message, by the offset {@code begin} returned). {@link #reset()} empties the builder but keeps
 * its memory, so a warmed-up builder allocates nothing per message.
 *
 * <p>An {@code RTM_GETLINK} dump request, for instance (32 bytes):
 * {@snippet :
 * try (MessageBuilder b = new MessageBuilder()) {
 *     b.begin(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
 *     b.putU8(AF_UNSPEC).putZeros(15);        // struct ifinfomsg
 *     b.end();
 *     b.setSeq(seq);
 *     send(fd, b.segment());
 * }
 * }
 *
 * <h2>Errors</h2>
 * Besides the {@link PayloadWriter} ones: {@link IllegalStateException} for {@code begin} while a
 * message is open, {@code end()} with no open message or with a nest still open, {@code
 * segment()} while a message is open, and any use after {@link #close()}.
 *
 * <h2>Memory</h2>
 * The buffer is allocated from an arena of the builder's own; growing it allocates a larger one
 * and frees the old one, so segments obtained earlier from {@link #segment()} are only valid
 * until the next write, {@code reset()} or {@code close()}. By default the arena is confined to
 * the creating thread; pass {@code shared = true} to use the builder from other threads (one at a
 * time: the builder itself is not thread-safe).
 */
public final class MessageBuilder extends PayloadWriter implements AutoCloseable {
    /** Offset of the open message's header, or -1. */
    private int open = -1;
    /** Offset of the last message begun, or -1. */
    private int last = -1;

    /** A builder with a 4096-byte buffer, confined to the current thread. */
    public MessageBuilder() {
        this(4096, false);
    }

    /**
     * A builder with the given initial buffer size.
     *
     * @param initialCapacity initial buffer size in bytes (it grows as needed)
     * @param shared          whether the buffer may be used from threads other than the creator's
     * @throws IllegalArgumentException if {@code initialCapacity} is not positive
     */
    public MessageBuilder(int initialCapacity, boolean shared) {
        super(new NativeBuffer(initialCapacity, shared));
    }

    @Override
    void checkOpen() {
        buf.checkAlive();
        if (open < 0) {
            throw new IllegalStateException("no open message: call begin() first");
        }
    }

    /**
     * Starts a message: writes its header with {@code nlmsg_len}, seq and pid 0.
     *
     * @param type  {@code nlmsg_type}, 0..65535
     * @param flags {@code nlmsg_flags}, 0..65535 (usually {@code NLM_F_REQUEST | ...})
     * @return the offset of the message in the buffer, for {@link #setSeq(int, int)}
     * @throws IllegalStateException    if a message is already open
     * @throws IllegalArgumentException if {@code type} or {@code flags} do not fit in 16 bits
     */
    public int begin(int type, int flags) {
        buf.checkAlive();
        if (open >= 0) {
            throw new IllegalStateException("message at offset " + open + " not ended");
        }
        checkU16(type, "nlmsg_type");
        checkU16(flags, "nlmsg_flags");
        int start = buf.position();
        buf.put32(0);
        buf.put16(type);
        buf.put16(flags);
        buf.put32(0);
        buf.put32(0);
        open = start;
        last = start;
        return start;
    }

    /**
     * Ends the open message: pads it to 4 bytes and sets {@code nlmsg_len}.
     *
     * @return the message's length
     * @throws IllegalStateException if no message is open or a nested attribute is still open
     */
    public int end() {
        checkOpen();
        if (openNests() > 0) {
            throw new IllegalStateException(openNests() + " nested attribute(s) not ended, innermost at offset "
                    + innermostNest());
        }
        buf.align4();
        int len = buf.position() - open;
        buf.set32(open, len);
        open = -1;
        return len;
    }

    /**
     * Sets {@code nlmsg_seq} of the last message begun.
     *
     * @param seq the sequence number
     * @return this builder
     * @throws IllegalStateException if no message was begun since the last reset
     */
    public MessageBuilder setSeq(int seq) {
        return setSeq(lastMessage(), seq);
    }

    /**
     * Sets {@code nlmsg_pid} of the last message begun.
     *
     * @param pid the port id (usually 0: the kernel fills it in)
     * @return this builder
     * @throws IllegalStateException if no message was begun since the last reset
     */
    public MessageBuilder setPid(int pid) {
        return setPid(lastMessage(), pid);
    }

    /**
     * Sets {@code nlmsg_seq} of the message at {@code messageOffset}.
     *
     * @param messageOffset what {@link #begin} returned for it
     * @param seq           the sequence number
     * @return this builder
     * @throws IllegalArgumentException if no message header fits at that offset
     */
    public MessageBuilder setSeq(int messageOffset, int seq) {
        checkMessageOffset(messageOffset);
        buf.set32(messageOffset + 8, seq);
        return this;
    }

    /**
     * Sets {@code nlmsg_pid} of the message at {@code messageOffset}.
     *
     * @param messageOffset what {@link #begin} returned for it
     * @param pid           the port id
     * @return this builder
     * @throws IllegalArgumentException if no message header fits at that offset
     */
    public MessageBuilder setPid(int messageOffset, int pid) {
        checkMessageOffset(messageOffset);
        buf.set32(messageOffset + 12, pid);
        return this;
    }

    private int lastMessage() {
        buf.checkAlive();
        if (last < 0) {
            throw new IllegalStateException("no message begun");
        }
        return last;
    }

    private void checkMessageOffset(int off) {
        buf.checkAlive();
        if (off < 0 || (off & 3) != 0 || (long) off + NLMSG_HDRLEN > buf.position()) {
            throw new IllegalArgumentException("no message header at offset " + off);
        }
    }

    /**
     * The messages written so far, as a view of the builder's buffer, valid until the next write,
     * {@link #reset()} or {@link #close()}.
     *
     * @return the bytes of all ended messages
     * @throws IllegalStateException if a message is still open
     */
    public MemorySegment segment() {
        buf.checkAlive();
        if (open >= 0) {
            throw new IllegalStateException("message at offset " + open + " not ended");
        }
        return buf.written();
    }

    /** {@return how many bytes have been written} */
    public int size() {
        return buf.position();
    }

    /** {@return the current buffer capacity in bytes} */
    public long capacity() {
        return buf.capacity();
    }

    /**
     * Discards everything written (an open message included), keeping the memory.
     *
     * @return this builder
     */
    public MessageBuilder reset() {
        buf.reset();
        open = -1;
        last = -1;
        clearNests();
        return this;
    }

    /** Frees the buffer. Further use throws {@link IllegalStateException}; closing twice is harmless. */
    @Override
    public void close() {
        buf.close();
    }

    private static void checkU16(int v, String what) {
        if (v < 0 || v > 0xffff) {
            throw new IllegalArgumentException(what + " " + v + " outside 0..65535");
        }
    }
}
