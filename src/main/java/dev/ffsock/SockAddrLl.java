package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A link-layer (AF_PACKET) socket address ({@code struct sockaddr_ll}): the interface index, the
 * protocol (an ethertype such as 0x0800, given and returned in host order — ffsock writes it in
 * network order), the ARP hardware type, the packet type and the hardware (MAC) address.
 *
 * <p>To {@linkplain Socket#bind bind} a packet socket to an interface, only the index and protocol
 * matter ({@link #bind(int, int)}); to send on a SOCK_DGRAM packet socket, the index, protocol and
 * destination address ({@link #to(int, int, byte[])}). Received addresses (recvfrom, recvmsg,
 * getsockname) carry all five fields.
 *
 * <p>Printed as {@code packet:ifindex=I,protocol=0xPPPP,hatype=H,pkttype=T,addr=aa:bb:cc:dd:ee:ff}:
 * the protocol as four hex digits, the packet type by its C name without {@code PACKET_}
 * ({@code host}, {@code broadcast}, {@code multicast}, {@code otherhost}, {@code outgoing},
 * {@code loopback}, {@code user}, {@code kernel}) or its number, and {@code addr} left out when
 * the address is empty.
 */
public final class SockAddrLl extends SockAddr {
    /** Longest hardware address ({@code MAX_ADDR_LEN}); the kernel never reports a longer one. */
    public static final int MAX_ADDRESS_LENGTH = 32;

    /** sll_pkttype: addressed to this host (PACKET_HOST). */
    public static final int PACKET_HOST = 0;
    /** sll_pkttype: link-layer broadcast (PACKET_BROADCAST). */
    public static final int PACKET_BROADCAST = 1;
    /** sll_pkttype: link-layer multicast (PACKET_MULTICAST). */
    public static final int PACKET_MULTICAST = 2;
    /** sll_pkttype: addressed to another host, seen in promiscuous mode (PACKET_OTHERHOST). */
    public static final int PACKET_OTHERHOST = 3;
    /** sll_pkttype: sent by this host (PACKET_OUTGOING). */
    public static final int PACKET_OUTGOING = 4;

    private static final String[] PKTTYPES = {"host", "broadcast", "multicast", "otherhost", "outgoing", "loopback",
        "user", "kernel"};
    private static final ValueLayout.OfByte BYTE = ValueLayout.JAVA_BYTE;

    private final int ifindex;
    private final int protocol;
    private final int hatype;
    private final int pkttype;
    private final byte[] address;

    /**
     * An AF_PACKET address with every field.
     *
     * @param ifindex  the interface index (0: any interface, when binding)
     * @param protocol the ethertype in host order, 0 to 0xffff (0 when binding: keep the socket's)
     * @param hatype   the ARP hardware type ({@code ARPHRD_*}, 1 for Ethernet), 0 to 0xffff
     * @param pkttype  the packet type ({@link #PACKET_HOST} …), 0 to 255
     * @param address  the hardware address, at most {@value #MAX_ADDRESS_LENGTH} bytes (copied)
     * @throws IllegalArgumentException for a value out of range
     */
    public SockAddrLl(int ifindex, int protocol, int hatype, int pkttype, byte[] address) {
        if (ifindex < 0) throw new IllegalArgumentException("negative interface index: " + ifindex);
        if (protocol < 0 || protocol > 0xffff) throw new IllegalArgumentException("protocol out of range (0-0xffff): " + protocol);
        if (hatype < 0 || hatype > 0xffff) throw new IllegalArgumentException("hatype out of range (0-0xffff): " + hatype);
        if (pkttype < 0 || pkttype > 0xff) throw new IllegalArgumentException("pkttype out of range (0-255): " + pkttype);
        if (address == null) throw new NullPointerException("address");
        if (address.length > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("hardware address of " + address.length + " bytes, at most " + MAX_ADDRESS_LENGTH);
        }
        this.ifindex = ifindex;
        this.protocol = protocol;
        this.hatype = hatype;
        this.pkttype = pkttype;
        this.address = address.clone();
    }

    /**
     * {@return the address to bind a packet socket to one interface (0: all) and protocol}
     *
     * @param ifindex  the interface index, or 0 for every interface
     * @param protocol the ethertype in host order (0x0003, ETH_P_ALL, for every protocol; 0 keeps
     *                 the socket's)
     */
    public static SockAddrLl bind(int ifindex, int protocol) {
        return new SockAddrLl(ifindex, protocol, 0, 0, new byte[0]);
    }

    /**
     * {@return the destination of a frame sent on a SOCK_DGRAM packet socket (the kernel builds the
     * link-layer header from it)}
     *
     * @param ifindex  the interface to send on
     * @param protocol the ethertype in host order
     * @param address  the destination hardware address (6 bytes for Ethernet)
     */
    public static SockAddrLl to(int ifindex, int protocol, byte[] address) {
        return new SockAddrLl(ifindex, protocol, 0, 0, address);
    }

    /**
     * {@return the bytes of a hardware address written as hex bytes separated by colons}
     *
     * @param text such as {@code 02:00:00:00:00:01}; one or two hex digits a byte
     * @throws IllegalArgumentException if it is not such a list, or longer than {@value #MAX_ADDRESS_LENGTH} bytes
     */
    public static byte[] parseHardwareAddress(String text) {
        if (text == null) throw new NullPointerException("text");
        String[] parts = text.split(":", -1);
        if (text.isEmpty() || parts.length > MAX_ADDRESS_LENGTH) throw new IllegalArgumentException("not a hardware address: '" + text + "'");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException("not a hardware address: '" + text + "'");
            }
            b[i] = (byte) Integer.parseInt(p, 16);
        }
        return b;
    }

    /**
     * {@return a hardware address as lower-case hex bytes separated by colons (empty for none)}
     *
     * @param address the address's bytes
     */
    public static String formatHardwareAddress(byte[] address) {
        StringBuilder sb = new StringBuilder(address.length * 3);
        for (int i = 0; i < address.length; i++) {
            if (i > 0) sb.append(':');
            sb.append(HexFormat.of().toHexDigits(address[i]));
        }
        return sb.toString();
    }

    /** {@return the interface index (sll_ifindex)} */
    public int ifindex() {
        return ifindex;
    }

    /** {@return the protocol (sll_protocol), an ethertype in host order} */
    public int protocol() {
        return protocol;
    }

    /** {@return the ARP hardware type (sll_hatype)} */
    public int hatype() {
        return hatype;
    }

    /** {@return the packet type (sll_pkttype)} */
    public int pkttype() {
        return pkttype;
    }

    /** {@return a copy of the hardware address (sll_addr, sll_halen bytes)} */
    public byte[] address() {
        return address.clone();
    }

    @Override
    public Domain domain() {
        return Domain.AF_PACKET;
    }

    /** {@return sizeof(struct sockaddr_ll), or more when the hardware address is longer than sll_addr} */
    @Override
    public int length() {
        return (int) Math.max(Structs.SockaddrLl.SIZE, Structs.SockaddrLl.ADDR + address.length);
    }

    @Override
    int encode(MemorySegment dst) {
        int len = length();
        dst.asSlice(0, len).fill((byte) 0);
        dst.set(U16, Structs.SockaddrLl.FAMILY, (short) Domain.AF_PACKET.value());
        dst.set(BE16, Structs.SockaddrLl.PROTOCOL, (short) protocol);
        dst.set(U32, Structs.SockaddrLl.IFINDEX, ifindex);
        dst.set(U16, Structs.SockaddrLl.HATYPE, (short) hatype);
        dst.set(BYTE, Structs.SockaddrLl.PKTTYPE, (byte) pkttype);
        dst.set(BYTE, Structs.SockaddrLl.HALEN, (byte) address.length);
        MemorySegment.copy(address, 0, dst, BYTE, Structs.SockaddrLl.ADDR, address.length);
        return len;
    }

    /**
     * Decodes {@code len} bytes of a sockaddr_ll. The kernel's length counts the hardware address's
     * bytes ({@code offsetof(sll_addr) + sll_halen}, at least sizeof on receive), so halen must fit.
     *
     * @throws IllegalArgumentException when the length is short for the header or the address
     */
    static SockAddrLl decode(MemorySegment src, int len) {
        requireLength(len, Structs.SockaddrLl.ADDR, "sockaddr_ll");
        int halen = src.get(BYTE, Structs.SockaddrLl.HALEN) & 0xff;
        if (halen > MAX_ADDRESS_LENGTH || Structs.SockaddrLl.ADDR + halen > Math.min(len, src.byteSize())) {
            throw new IllegalArgumentException("sockaddr_ll of " + len + " bytes with sll_halen " + halen);
        }
        int ifindex = src.get(U32, Structs.SockaddrLl.IFINDEX);
        if (ifindex < 0) throw new IllegalArgumentException("sockaddr_ll with negative sll_ifindex " + ifindex);
        byte[] a = new byte[halen];
        MemorySegment.copy(src, BYTE, Structs.SockaddrLl.ADDR, a, 0, halen);
        return new SockAddrLl(ifindex, src.get(BE16, Structs.SockaddrLl.PROTOCOL) & 0xffff,
                src.get(U16, Structs.SockaddrLl.HATYPE) & 0xffff, src.get(BYTE, Structs.SockaddrLl.PKTTYPE) & 0xff, a);
    }

    /** @throws UnsupportedOperationException always: java.net has no link-layer addresses */
    @Override
    public SocketAddress toSocketAddress() {
        throw new UnsupportedOperationException("java.net cannot represent " + this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrLl s && s.ifindex == ifindex && s.protocol == protocol && s.hatype == hatype
                && s.pkttype == pkttype && Arrays.equals(s.address, address);
    }

    @Override
    public int hashCode() {
        return (((ifindex * 31 + protocol) * 31 + hatype) * 31 + pkttype) * 31 + Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("packet:ifindex=").append(ifindex)
                .append(",protocol=0x").append(HexFormat.of().toHexDigits((short) protocol))
                .append(",hatype=").append(hatype)
                .append(",pkttype=").append(pkttype < PKTTYPES.length ? PKTTYPES[pkttype] : Integer.toString(pkttype));
        if (address.length > 0) sb.append(",addr=").append(formatHardwareAddress(address));
        return sb.toString();
    }
}
