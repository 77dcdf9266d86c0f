package dev.ffsock;

import java.util.Objects;

/**
 * A packet socket membership ({@code struct packet_mreq}) for {@link SockOpt#PACKET_ADD_MEMBERSHIP}
 * and {@link SockOpt#PACKET_DROP_MEMBERSHIP}: promiscuous mode, all-multicast mode, or one
 * multicast (or unicast) link-layer address on an interface, held while the socket is open. The
 * kernel counts memberships, so {@code ip -d link} shows the interface's promiscuity count go up.
 *
 * @param ifindex the interface index (above 0)
 * @param type    what to join
 * @param address the link-layer address for {@link Type#MULTICAST} and {@link Type#UNICAST}
 *                (1 to 8 bytes); empty for the others (copied)
 */
public record PacketMreq(int ifindex, Type type, byte[] address) {
    /** mr_type: what a membership asks for. */
    public enum Type {
        /** PACKET_MR_MULTICAST: receive one link-layer multicast address. */
        MULTICAST(0),
        /** PACKET_MR_PROMISC: promiscuous mode. */
        PROMISC(1),
        /** PACKET_MR_ALLMULTI: every multicast frame. */
        ALLMULTI(2),
        /** PACKET_MR_UNICAST: one more unicast address. */
        UNICAST(3);

        private final int value;

        Type(int value) {
            this.value = value;
        }

        /** {@return the C value (PACKET_MR_*)} */
        public int value() {
            return value;
        }
    }

    /** Longest address the C struct holds (mr_address). */
    public static final int MAX_ADDRESS_LENGTH = 8;

    /** Validates the request and copies the address. */
    public PacketMreq {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
        if (ifindex <= 0) throw new IllegalArgumentException("interface index must be above 0: " + ifindex);
        if (address.length > MAX_ADDRESS_LENGTH) {
            throw new IllegalArgumentException("address of " + address.length + " bytes, at most " + MAX_ADDRESS_LENGTH);
        }
        boolean needsAddress = type == Type.MULTICAST || type == Type.UNICAST;
        if (needsAddress && address.length == 0) throw new IllegalArgumentException(type + " needs an address");
        if (!needsAddress && address.length != 0) throw new IllegalArgumentException(type + " takes no address");
        address = address.clone();
    }

    /**
     * {@return promiscuous mode on an interface}
     *
     * @param ifindex the interface index
     */
    public static PacketMreq promisc(int ifindex) {
        return new PacketMreq(ifindex, Type.PROMISC, new byte[0]);
    }

    /**
     * {@return all-multicast mode on an interface}
     *
     * @param ifindex the interface index
     */
    public static PacketMreq allmulti(int ifindex) {
        return new PacketMreq(ifindex, Type.ALLMULTI, new byte[0]);
    }

    /**
     * {@return one multicast address on an interface}
     *
     * @param ifindex the interface index
     * @param address the link-layer multicast address (6 bytes on Ethernet: the kernel wants the device's length)
     */
    public static PacketMreq multicast(int ifindex, byte[] address) {
        return new PacketMreq(ifindex, Type.MULTICAST, address);
    }

    /** {@return a copy of the address} */
    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketMreq m && m.ifindex == ifindex && m.type == type && java.util.Arrays.equals(m.address, address);
    }

    @Override
    public int hashCode() {
        return (ifindex * 31 + type.hashCode()) * 31 + java.util.Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        return "PacketMreq[ifindex=" + ifindex + ", " + type
                + (address.length > 0 ? ", " + SockAddrLl.formatHardwareAddress(address) : "") + "]";
    }
}
