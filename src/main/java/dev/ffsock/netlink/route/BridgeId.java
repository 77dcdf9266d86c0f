package dev.ffsock.netlink.route;

import java.util.HexFormat;

/**
 * A bridge id ({@code struct ifla_bridge_id}): a 2-byte priority and the bridge's MAC address.
 *
 * @param priority the priority bytes as a big-endian number (0x8000 by default)
 * @param address  the 6-byte address (not copied: treat as read-only)
 */
public record BridgeId(int priority, byte[] address) {
    /** sizeof(struct ifla_bridge_id). */
    static final int SIZE = 8;

    static BridgeId of(byte[] b) {
        return new BridgeId((b[0] & 0xff) << 8 | (b[1] & 0xff), java.util.Arrays.copyOfRange(b, 2, SIZE));
    }

    /** {@return the id as {@code ip -d} prints it: {@code 8000.e:c7:9d:59:7b:57} (address bytes unpadded)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(HexFormat.of().toHexDigits((short) priority)).append('.');
        for (int i = 0; i < address.length; i++) {
            if (i > 0) sb.append(':');
            sb.append(Integer.toHexString(address[i] & 0xff));
        }
        return sb.toString();
    }
}
