package dev.ffsock.netlink.mptcp;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.net.Inet4Address;
import java.net.InetAddress;

import static dev.ffsock.netlink.mptcp.MptcpPm.*;

/**
 * The wire form of {@code mptcp_pm} requests and replies: the nested endpoint address and the two
 * limits. Bytes in, records out; a value of the wrong width, an address whose length disagrees with
 * its family or a reply without the parts a record needs is a {@link NetlinkFormatException};
 * unknown attributes (a newer kernel's) are skipped.
 */
final class MptcpPmCodec {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private MptcpPmCodec() {
    }

    /** Writes {@code e} as a nested MPTCP_PM_ATTR_ADDR (id, port, flags and device only when set). */
    static void writeEndpoint(PayloadWriter w, MptcpEndpoint e) {
        int nest = w.beginNested(MPTCP_PM_ATTR_ADDR);
        boolean v4 = e.address() instanceof Inet4Address;
        w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, v4 ? AF_INET : AF_INET6);
        if (e.id() != 0) w.attrU8(MPTCP_PM_ADDR_ATTR_ID, e.id());
        w.attrBytes(v4 ? MPTCP_PM_ADDR_ATTR_ADDR4 : MPTCP_PM_ADDR_ATTR_ADDR6, e.address().getAddress());
        if (e.port() != 0) w.attrU16(MPTCP_PM_ADDR_ATTR_PORT, e.port());
        int flags = MptcpEndpoint.Flag.bits(e.flags());
        if (flags != 0) w.attrU32(MPTCP_PM_ADDR_ATTR_FLAGS, flags);
        if (e.ifindex() != 0) w.attrU32(MPTCP_PM_ADDR_ATTR_IF_IDX, e.ifindex());
        w.endNested(nest);
    }

    /** Writes a nested MPTCP_PM_ATTR_ADDR holding only an endpoint id (delete, get one). */
    static void writeId(PayloadWriter w, int id) {
        int nest = w.beginNested(MPTCP_PM_ATTR_ADDR);
        w.attrU8(MPTCP_PM_ADDR_ATTR_ID, id);
        w.endNested(nest);
    }

    /** Writes the limits to set; null leaves one as it is. */
    static void writeLimits(PayloadWriter w, Long addAddrAccepted, Long subflows) {
        if (addAddrAccepted != null) w.attrU32(MPTCP_PM_ATTR_RCV_ADD_ADDRS, (int) (long) addAddrAccepted);
        if (subflows != null) w.attrU32(MPTCP_PM_ATTR_SUBFLOWS, (int) (long) subflows);
    }

    /**
     * {@return the endpoint of one GET_ADDR reply, or null when the reply holds no MPTCP_PM_ATTR_ADDR}
     *
     * @param a the reply's attributes
     * @throws NetlinkFormatException if the address is malformed
     */
    static MptcpEndpoint endpoint(Attributes a) {
        while (a.next()) {
            if (a.type() == MPTCP_PM_ATTR_ADDR) return address(a.nested(), a.offset());
        }
        return null;
    }

    private static MptcpEndpoint address(Attributes n, long at) {
        int family = -1, id = 0, port = 0, flags = 0, ifindex = 0;
        InetAddress address = null;
        int addressType = 0;
        while (n.next()) {
            switch (n.type()) {
                case MPTCP_PM_ADDR_ATTR_FAMILY -> family = n.u16();
                case MPTCP_PM_ADDR_ATTR_ID -> id = n.u8();
                case MPTCP_PM_ADDR_ATTR_ADDR4, MPTCP_PM_ADDR_ATTR_ADDR6 -> {
                    addressType = n.type();
                    address = n.inetAddress();
                    int want = addressType == MPTCP_PM_ADDR_ATTR_ADDR4 ? 4 : 16;
                    if (address.getAddress().length != want) {
                        throw new NetlinkFormatException("endpoint address attribute " + addressType + " of "
                                + address.getAddress().length + " bytes", n.offset());
                    }
                }
                case MPTCP_PM_ADDR_ATTR_PORT -> port = n.u16();
                case MPTCP_PM_ADDR_ATTR_FLAGS -> flags = n.u32();
                case MPTCP_PM_ADDR_ATTR_IF_IDX -> ifindex = n.s32();
                default -> { }
            }
        }
        if (address == null) throw new NetlinkFormatException("endpoint without an address", at);
        int expected = addressType == MPTCP_PM_ADDR_ATTR_ADDR4 ? AF_INET : AF_INET6;
        if (family != expected) throw new NetlinkFormatException("endpoint family " + family + " with an "
                + (expected == AF_INET ? "IPv4" : "IPv6") + " address", at);
        if (ifindex < 0) throw new NetlinkFormatException("endpoint with interface index " + ifindex, at);
        return new MptcpEndpoint(id, address, port, MptcpEndpoint.Flag.of(flags), ifindex);
    }

    /**
     * {@return the limits of a GET_LIMITS reply}
     *
     * @throws NetlinkFormatException if one is missing or not a u32
     */
    static MptcpLimits limits(Attributes a) {
        long accepted = -1, subflows = -1;
        while (a.next()) {
            switch (a.type()) {
                case MPTCP_PM_ATTR_RCV_ADD_ADDRS -> accepted = Integer.toUnsignedLong(a.u32());
                case MPTCP_PM_ATTR_SUBFLOWS -> subflows = Integer.toUnsignedLong(a.u32());
                default -> { }
            }
        }
        if (accepted < 0 || subflows < 0) throw new NetlinkFormatException("limits reply without both limits", 0);
        return new MptcpLimits(accepted, subflows);
    }
}
