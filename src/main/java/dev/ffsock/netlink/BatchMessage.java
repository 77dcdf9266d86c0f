package dev.ffsock.netlink;

import java.util.Objects;

/**
 * One message of a batch sent with {@link NetlinkConnection#batch}: its type, flags, payload and
 * a description that names it in errors (e.g. {@code "add rule inet t c"}).
 *
 * @param type        the message type
 * @param flags       nlmsghdr flags besides NLM_F_REQUEST (always set): {@link Netlink#NLM_F_ACK}
 *                    asks the kernel to acknowledge this message, NLM_F_CREATE, …
 * @param payload     writes the family header and attributes; null for none
 * @param description what the message does, for error reports
 */
public record BatchMessage(int type, int flags, NetlinkConnection.Encoder payload, String description) {
    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if {@code type} or {@code flags} do not fit in 16 bits
     */
    public BatchMessage {
        if (type < 0 || type > 0xffff) throw new IllegalArgumentException("message type must be 0..65535: " + type);
        if (flags < 0 || flags > 0xffff) throw new IllegalArgumentException("flags must be 0..65535: " + flags);
        Objects.requireNonNull(description, "description");
    }
}
