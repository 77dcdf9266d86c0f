package dev.ffsock.netlink.diag;

import java.util.Arrays;

/**
 * One PACKET_ADD_MEMBERSHIP of an AF_PACKET socket ({@code struct packet_diag_mclist}, from PACKET_DIAG_MCLIST).
 *
 * @param interfaceIndex the interface
 * @param count          how many times it was added
 * @param type           PACKET_MR_MULTICAST, PACKET_MR_PROMISC, PACKET_MR_ALLMULTI, PACKET_MR_UNICAST
 * @param address        the link-layer address ({@code pdmc_alen} bytes, at most 32; copied)
 */
public record PacketMembership(long interfaceIndex, long count, int type, byte[] address) {
    /** Copies the address. */
    public PacketMembership {
        address = address.clone();
    }

    /** {@return a copy of the link-layer address} */
    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PacketMembership m && m.interfaceIndex == interfaceIndex && m.count == count
                && m.type == type && Arrays.equals(m.address, address);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(interfaceIndex) * 31 + Arrays.hashCode(address);
    }
}
