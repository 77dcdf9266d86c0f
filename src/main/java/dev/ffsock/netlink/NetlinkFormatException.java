package dev.ffsock.netlink;

/**
 * Malformed netlink data: a message or attribute header whose length does not fit, a payload too
 * short for the fixed header asked for, an attribute value whose length does not match the type
 * asked for, and so on.
 *
 * <p>It is <em>unchecked</em> on purpose: decoders call many small getters and iterate with
 * {@code next()}, and a checked exception on each would make every decoder and lambda noisy. The
 * codec throws it as soon as it sees the problem (there is no sticky "first error" state) and
 * leaves the cursor or reader where it was. A connection that reads from a socket is expected to
 * catch it and rethrow it wrapped in its own {@link java.io.IOException}.
 *
 * <p>The codec never lets an {@link IndexOutOfBoundsException} from {@link
 * java.lang.foreign.MemorySegment} escape on malformed input: every length read from the wire is
 * checked first and reported with this exception. Misuse of the API by the caller (calling a
 * getter before {@code next()}, bad arguments to the builder) is reported with {@link
 * IllegalStateException} or {@link IllegalArgumentException} instead.
 */
public class NetlinkFormatException extends RuntimeException {
    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** Where the problem is, or -1. */
    private final long offset;

    /**
     * Creates the exception; the offset, if known, is appended to the message.
     *
     * @param message what was wrong, without the offset
     * @param offset  byte offset of the offending header, counted from the start of the buffer or
     *                segment the parse began on; -1 if unknown
     */
    public NetlinkFormatException(String message, long offset) {
        super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
        this.offset = offset;
    }

    /**
     * {@return the byte offset of the offending header or field, counted from the start of the
     * buffer handed to {@link MessageReader} (or of the segment handed to {@link
     * NetlinkMessage#parse} / {@link Attributes#of}); -1 if unknown}
     */
    public long offset() {
        return offset;
    }
}
