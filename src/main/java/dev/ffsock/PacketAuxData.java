package dev.ffsock;

/**
 * What a packet socket with {@link SockOpt#PACKET_AUXDATA} receives with each frame
 * ({@code struct tpacket_auxdata}, control message SOL_PACKET/PACKET_AUXDATA); see
 * {@link ReceivedControl#packetAuxData()}.
 *
 * @param status   TP_STATUS_* bits ({@link #TP_STATUS_VLAN_VALID}, {@link #TP_STATUS_CSUM_VALID}, …)
 * @param length   the frame's original length (tp_len; unsigned 32-bit)
 * @param snapLength the bytes captured (tp_snaplen; unsigned 32-bit)
 * @param macOffset the link-layer header's offset (tp_mac)
 * @param netOffset the network header's offset (tp_net)
 * @param vlanTci  the VLAN tag control information stripped by the device, valid with TP_STATUS_VLAN_VALID
 * @param vlanTpid the VLAN tag protocol, valid with TP_STATUS_VLAN_TPID_VALID
 */
public record PacketAuxData(int status, long length, long snapLength, int macOffset, int netOffset,
                            int vlanTci, int vlanTpid) {
    /** The frame was copied to user space truncated (TP_STATUS_COPY). */
    public static final int TP_STATUS_COPY = 1 << 1;
    /** Frames were dropped before this one (TP_STATUS_LOSING). */
    public static final int TP_STATUS_LOSING = 1 << 2;
    /** The checksum is to be completed by hardware (TP_STATUS_CSUMNOTREADY). */
    public static final int TP_STATUS_CSUMNOTREADY = 1 << 3;
    /** {@link #vlanTci()} is valid (TP_STATUS_VLAN_VALID). */
    public static final int TP_STATUS_VLAN_VALID = 1 << 4;
    /** {@link #vlanTpid()} is valid (TP_STATUS_VLAN_TPID_VALID). */
    public static final int TP_STATUS_VLAN_TPID_VALID = 1 << 6;
    /** The checksum was verified (TP_STATUS_CSUM_VALID). */
    public static final int TP_STATUS_CSUM_VALID = 1 << 7;

    /** {@return whether the frame carried a VLAN tag the device stripped} */
    public boolean hasVlan() {
        return (status & TP_STATUS_VLAN_VALID) != 0;
    }
}
