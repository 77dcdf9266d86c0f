package dev.ffsock.netlink.genl;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A generic netlink reply: {@code struct genlmsghdr} (cmd, version, reserved), the family's own
 * header of {@code hdrSize} bytes, then attributes. A view, valid only as long as the message is.
 */
public final class GenlMessage {
    /** {@code sizeof(struct genlmsghdr)}: cmd and version (u8), reserved (u16). */
    public static final int GENL_HDRLEN = 4;

    private final NetlinkMessage message;
    private final int hdrSize;

    /**
     * Wraps a message.
     *
     * @param message the netlink message holding the genlmsghdr
     * @param hdrSize the family's header size after the genlmsghdr
     * @throws NetlinkFormatException if the payload is shorter than both headers
     */
    public GenlMessage(NetlinkMessage message, int hdrSize) {
        if (hdrSize < 0) throw new IllegalArgumentException("negative header size " + hdrSize);
        message.payloadHeader(GENL_HDRLEN + hdrSize);
        this.message = message;
        this.hdrSize = hdrSize;
    }

    /** {@return the command (u8)} */
    public int cmd() {
        return Byte.toUnsignedInt(message.payload().get(ValueLayout.JAVA_BYTE, 0));
    }

    /** {@return the family version the kernel answered with (u8)} */
    public int version() {
        return Byte.toUnsignedInt(message.payload().get(ValueLayout.JAVA_BYTE, 1));
    }

    /** {@return the family's own header (empty when its size is 0), no copy} */
    public MemorySegment familyHeader() {
        return message.payload().asSlice(GENL_HDRLEN, hdrSize);
    }

    /** {@return a cursor over the attributes after the headers} */
    public Attributes attributes() {
        return message.attributes(GENL_HDRLEN + hdrSize);
    }

    /** {@return the netlink message (its type is the family id)} */
    public NetlinkMessage message() {
        return message;
    }
}
