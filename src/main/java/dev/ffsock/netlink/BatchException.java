package dev.ffsock.netlink;

/**
 * The kernel refused a message of a batch ({@link NetlinkConnection#batch}): which one (its index
 * in the batch and its description), the errno and the extended acknowledgement. Prints as
 * {@code message 3 (add rule inet t c): ENOENT (No such file or directory) [kernel: …]}. When
 * several messages were refused this is the first; the others are {@linkplain #getSuppressed() suppressed}.
 */
public class BatchException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** The refused message's index in the batch, from 0. */
    private final int index;
    /** The refused message's description. */
    private final String description;

    /**
     * A refused batch message.
     *
     * @param index       its index in the batch, from 0
     * @param description its description
     * @param errno       the errno the kernel returned (positive)
     * @param extAck      the extended acknowledgement, or {@link ExtAck#NONE}
     */
    public BatchException(int index, String description, int errno, ExtAck extAck) {
        super("message " + index + " (" + description + ")", errno, extAck);
        this.index = index;
        this.description = description;
    }

    /** {@return the refused message's index in the batch, from 0} */
    public int index() {
        return index;
    }

    /** {@return the refused message's description} */
    public String description() {
        return description;
    }
}
