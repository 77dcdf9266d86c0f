package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Wire code of the bridge ({@code linux/if_bridge.h}, {@code AF_BRIDGE} rtnetlink): decodes bridge
 * port messages ({@code RTM_NEWLINK} of family AF_BRIDGE, with {@code IFLA_PROTINFO} and {@code
 * IFLA_AF_SPEC}) and encodes the requests of {@code bridge link|vlan|fdb}. Only a structurally
 * malformed message throws {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class BridgeCodec {
    /** C AF_BRIDGE. */
    public static final int AF_BRIDGE = 7;
    /** C RTEXT_FILTER_BRVLAN: ask for each port's VLANs. */
    public static final int RTEXT_FILTER_BRVLAN = 2;
    /** C RTEXT_FILTER_BRVLAN_COMPRESSED: the same, ranges compressed. */
    public static final int RTEXT_FILTER_BRVLAN_COMPRESSED = 4;
    /** C IFLA_BRIDGE_FLAGS (in IFLA_AF_SPEC): {@link #BRIDGE_FLAGS_MASTER} or {@link #BRIDGE_FLAGS_SELF}. */
    public static final int IFLA_BRIDGE_FLAGS = 0;
    /** C IFLA_BRIDGE_VLAN_INFO (in IFLA_AF_SPEC): a struct bridge_vlan_info. */
    public static final int IFLA_BRIDGE_VLAN_INFO = 2;
    /** C BRIDGE_FLAGS_MASTER: the request is for the bridge (the port's master). */
    public static final int BRIDGE_FLAGS_MASTER = 1;
    /** C BRIDGE_FLAGS_SELF: the request is for the device itself. */
    public static final int BRIDGE_FLAGS_SELF = 2;
    /** C BRIDGE_VLAN_INFO_MASTER. */
    public static final int BRIDGE_VLAN_INFO_MASTER = 1;
    /** C BRIDGE_VLAN_INFO_PVID: the port's PVID. */
    public static final int BRIDGE_VLAN_INFO_PVID = 2;
    /** C BRIDGE_VLAN_INFO_UNTAGGED: egress untagged. */
    public static final int BRIDGE_VLAN_INFO_UNTAGGED = 4;
    /** C BRIDGE_VLAN_INFO_RANGE_BEGIN. */
    public static final int BRIDGE_VLAN_INFO_RANGE_BEGIN = 8;
    /** C BRIDGE_VLAN_INFO_RANGE_END. */
    public static final int BRIDGE_VLAN_INFO_RANGE_END = 16;
    /** C BRIDGE_VLAN_INFO_BRENTRY: global bridge VLAN entry. */
    public static final int BRIDGE_VLAN_INFO_BRENTRY = 32;
    /** C IFLA_BRPORT_STATE (u8). */
    public static final int IFLA_BRPORT_STATE = 1;
    /** C IFLA_BRPORT_PRIORITY (u16). */
    public static final int IFLA_BRPORT_PRIORITY = 2;
    /** C IFLA_BRPORT_COST (u32). */
    public static final int IFLA_BRPORT_COST = 3;
    /** C IFLA_BRPORT_MODE (u8 on/off: hairpin). */
    public static final int IFLA_BRPORT_MODE = 4;
    /** C IFLA_BRPORT_GUARD (u8 on/off: bpdu guard). */
    public static final int IFLA_BRPORT_GUARD = 5;
    /** C IFLA_BRPORT_PROTECT (u8 on/off: root block). */
    public static final int IFLA_BRPORT_PROTECT = 6;
    /** C IFLA_BRPORT_FAST_LEAVE (u8 on/off: multicast fast leave). */
    public static final int IFLA_BRPORT_FAST_LEAVE = 7;
    /** C IFLA_BRPORT_LEARNING (u8 on/off: mac learning). */
    public static final int IFLA_BRPORT_LEARNING = 8;
    /** C IFLA_BRPORT_UNICAST_FLOOD (u8 on/off: flood unknown unicast). */
    public static final int IFLA_BRPORT_UNICAST_FLOOD = 9;
    /** C IFLA_BRPORT_MCAST_FLOOD (u8 on/off: flood multicast). */
    public static final int IFLA_BRPORT_MCAST_FLOOD = 27;
    /** C IFLA_BRPORT_MCAST_TO_UCAST (u8 on/off: multicast to unicast). */
    public static final int IFLA_BRPORT_MCAST_TO_UCAST = 28;
    /** C IFLA_BRPORT_VLAN_TUNNEL (u8 on/off: vlan tunnel). */
    public static final int IFLA_BRPORT_VLAN_TUNNEL = 29;
    /** C IFLA_BRPORT_BCAST_FLOOD (u8 on/off: flood broadcast). */
    public static final int IFLA_BRPORT_BCAST_FLOOD = 30;
    /** C IFLA_BRPORT_NEIGH_SUPPRESS (u8 on/off: neighbour suppression). */
    public static final int IFLA_BRPORT_NEIGH_SUPPRESS = 32;
    /** C IFLA_BRPORT_ISOLATED (u8 on/off: isolated). */
    public static final int IFLA_BRPORT_ISOLATED = 33;
    /** C IFLA_BRPORT_LOCKED (u8 on/off: locked port). */
    public static final int IFLA_BRPORT_LOCKED = 39;
    /** C IFLA_BRPORT_MULTICAST_ROUTER (u8). */
    public static final int IFLA_BRPORT_MULTICAST_ROUTER = 25;
    /** C BR_STATE_BLOCKING: the highest port state. */
    public static final int BR_STATE_BLOCKING = 4;
    /** The highest port priority ({@code BR_MAX_PORT_PRIORITY}: 6 bits). */
    public static final int MAX_PORT_PRIORITY = 63;
    /** The highest port path cost the kernel takes ({@code BR_MAX_PATH_COST}). */
    public static final long MAX_PATH_COST = 65535;
    /** sizeof(struct bridge_vlan_info). */
    static final int BRIDGE_VLAN_INFO_SIZE = 4;
    /** The lowest and highest VLAN id a port may carry (0 and 4095 are reserved). */
    static final int VID_MIN = 1, VID_MAX = 4094;

    private BridgeCodec() {
    }

    /**
     * {@return an fdb entry's state as {@code bridge fdb} names it: {@code permanent}, {@code static}
     * (NOARP), {@code stale}, the empty string for a dynamic (REACHABLE) one, else the bits in hex}
     *
     * @param ndmState the entry's {@code ndm_state}
     */
    public static String fdbStateName(int ndmState) {
        if ((ndmState & Rtnl.NUD_PERMANENT) != 0) return "permanent";
        if ((ndmState & Rtnl.NUD_NOARP) != 0) return "static";
        if ((ndmState & Rtnl.NUD_STALE) != 0) return "stale";
        if ((ndmState & Rtnl.NUD_REACHABLE) != 0) return "";
        return ndmState == 0 ? "0" : "0x" + Integer.toHexString(ndmState);
    }

    /** Checks a VLAN id: 1..4094. */
    static int checkVid(int vid) {
        if (vid < VID_MIN || vid > VID_MAX) throw new IllegalArgumentException("vlan id must be 1..4094: " + vid);
        return vid;
    }

    /**
     * Decodes an AF_BRIDGE link message ({@code bridge link}, {@code bridge vlan}).
     *
     * @param m an {@code RTM_NEWLINK} or {@code RTM_DELLINK} message
     * @return the port, or null for another message type or family
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static BridgePort decodePort(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWLINK && m.type() != Rtnl.RTM_DELLINK) return null;
        MemorySegment h = m.payloadHeader(RtnetlinkChanges.IFINFOMSG_SIZE);
        if (Fields.u8(h, 0) != AF_BRIDGE) return null;
        Link link = LinkCodec.decode(m);
        int state = -1, priority = -1;
        long cost = -1;
        int mcastRouter = -1;
        java.util.Map<BridgePortFlag, Boolean> flags = new java.util.EnumMap<>(BridgePortFlag.class);
        List<RawAttribute> protinfo = new ArrayList<>();
        List<BridgeVlan> vlans = new ArrayList<>();
        Attributes a = m.attributes(RtnetlinkChanges.IFINFOMSG_SIZE);
        while (a.next()) {
            if (a.type() == Rtnl.IFLA_PROTINFO && a.isNested()) {
                Attributes p = a.nested();
                while (p.next()) {
                    switch (p.type()) {
                        case IFLA_BRPORT_STATE -> { if (p.length() == 1) state = p.u8(); else Fields.keep(p, protinfo); }
                        case IFLA_BRPORT_PRIORITY -> { if (p.length() == 2) priority = p.u16(); else Fields.keep(p, protinfo); }
                        case IFLA_BRPORT_COST -> { if (p.length() == 4) cost = p.u32() & 0xffffffffL; else Fields.keep(p, protinfo); }
                        case IFLA_BRPORT_MULTICAST_ROUTER -> { if (p.length() == 1) mcastRouter = p.u8(); else Fields.keep(p, protinfo); }
                        default -> {
                            BridgePortFlag f = BridgePortFlag.ofAttribute(p.type());
                            if (f != null && p.length() == 1) flags.put(f, p.u8() != 0);
                            else Fields.keep(p, protinfo);
                        }
                    }
                }
            } else if (a.type() == Rtnl.IFLA_PROTINFO && a.length() == 1) {
                state = a.u8(); // the old, flat form: the port state alone
            } else if (a.type() == Rtnl.IFLA_AF_SPEC) {
                vlans(a.nested(), vlans);
            }
        }
        return new BridgePort(link, state, priority, cost, flags, mcastRouter, protinfo, vlans);
    }

    /** IFLA_BRIDGE_VLAN_INFO entries, a RANGE_BEGIN..RANGE_END pair joined into one. */
    private static void vlans(Attributes spec, List<BridgeVlan> out) {
        int begin = -1, beginFlags = 0;
        while (spec.next()) {
            if (spec.type() != IFLA_BRIDGE_VLAN_INFO || spec.length() != BRIDGE_VLAN_INFO_SIZE) continue;
            MemorySegment v = spec.segment();
            int flags = Fields.u16(v, 0);
            int vid = Fields.u16(v, 2);
            if (vid < VID_MIN || vid > VID_MAX) continue; // not a VLAN a port can have: not reported
            if ((flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) != 0) {
                begin = vid;
                beginFlags = flags;
            } else if ((flags & BRIDGE_VLAN_INFO_RANGE_END) != 0 && begin >= 0 && begin <= vid) {
                out.add(new BridgeVlan(begin, vid, beginFlags & ~(BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END)));
                begin = -1;
            } else {
                out.add(new BridgeVlan(vid, vid, flags & ~(BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END)));
                begin = -1;
            }
        }
    }

    /**
     * The payload of an AF_BRIDGE {@code RTM_GETLINK} dump ({@code bridge link show}; with {@code
     * extMask} {@link #RTEXT_FILTER_BRVLAN}, {@code bridge vlan show}).
     *
     * @param extMask {@code IFLA_EXT_MASK}, or 0 to send none
     * @return the encoder
     */
    public static NetlinkConnection.Encoder portDumpRequest(int extMask) {
        return w -> {
            LinkCodec.header(w, AF_BRIDGE, 0);
            if (extMask != 0) w.attrU32(Rtnl.IFLA_EXT_MASK, extMask);
        };
    }

    /**
     * The payload of {@code bridge link set dev DEV [state S] [priority P] [cost C]}: an AF_BRIDGE
     * {@code RTM_SETLINK} with a nested {@code IFLA_PROTINFO}.
     *
     * @param ifindex the port
     * @param state a {@code BR_STATE_*}, or -1 to leave it
     * @param priority 0..63, or -1 to leave it
     * @param cost 1..65535, or -1 to leave it
     * @return the encoder
     */
    public static NetlinkConnection.Encoder portSetRequest(int ifindex, int state, int priority, long cost) {
        return portSetRequest(ifindex, state, priority, cost, java.util.Map.of());
    }

    /**
     * The payload of {@code bridge link set dev DEV [state S] [priority P] [cost C] [guard on|off] …}.
     *
     * @param ifindex the port
     * @param state a {@code BR_STATE_*}, or -1 to leave it
     * @param priority 0..63, or -1 to leave it
     * @param cost 1..65535, or -1 to leave it
     * @param flags the on/off settings to change
     * @return the encoder
     */
    public static NetlinkConnection.Encoder portSetRequest(int ifindex, int state, int priority, long cost,
            java.util.Map<BridgePortFlag, Boolean> flags) {
        java.util.Map<BridgePortFlag, Boolean> fl = java.util.Map.copyOf(flags);
        if (state < -1 || state > BR_STATE_BLOCKING) throw new IllegalArgumentException("port state must be 0..4: " + state);
        if (priority < -1 || priority > MAX_PORT_PRIORITY) throw new IllegalArgumentException("port priority must be 0..63: " + priority);
        if (cost != -1 && (cost < 1 || cost > MAX_PATH_COST)) throw new IllegalArgumentException("port cost must be 1..65535: " + cost);
        if (state < 0 && priority < 0 && cost < 0 && fl.isEmpty()) throw new IllegalArgumentException("nothing to set");
        return w -> {
            LinkCodec.header(w, AF_BRIDGE, ifindex);
            int p = w.beginNested(Rtnl.IFLA_PROTINFO);
            if (state >= 0) w.attrU8(IFLA_BRPORT_STATE, state);
            if (priority >= 0) w.attrU16(IFLA_BRPORT_PRIORITY, priority);
            if (cost >= 0) w.attrU32(IFLA_BRPORT_COST, (int) cost);
            for (BridgePortFlag f : BridgePortFlag.values()) {
                Boolean on = fl.get(f);
                if (on != null) w.attrU8(f.attribute(), on ? 1 : 0);
            }
            w.endNested(p);
        };
    }

    /**
     * The payload of {@code bridge vlan add|del vid VID[-END] dev DEV [pvid] [untagged] [self|master]}:
     * an AF_BRIDGE {@code RTM_SETLINK}/{@code RTM_DELLINK} with {@code IFLA_AF_SPEC}.
     *
     * @param ifindex the port (or bridge, with self)
     * @param vlan the VLAN or range
     * @param self {@code self}: for the device itself rather than its master
     * @return the encoder
     */
    public static NetlinkConnection.Encoder vlanRequest(int ifindex, BridgeVlan vlan, boolean self) {
        if (vlan.vidEnd() != vlan.vid() && vlan.pvid()) throw new IllegalArgumentException("a range of VLANs cannot be the pvid");
        return w -> {
            LinkCodec.header(w, AF_BRIDGE, ifindex);
            int spec = w.beginNested(Rtnl.IFLA_AF_SPEC);
            if (self) w.attrU16(IFLA_BRIDGE_FLAGS, BRIDGE_FLAGS_SELF);
            int flags = vlan.flags() & ~(BRIDGE_VLAN_INFO_RANGE_BEGIN | BRIDGE_VLAN_INFO_RANGE_END);
            if (vlan.vid() == vlan.vidEnd()) {
                vlanInfo(w, flags, vlan.vid());
            } else {
                vlanInfo(w, flags | BRIDGE_VLAN_INFO_RANGE_BEGIN, vlan.vid());
                vlanInfo(w, flags | BRIDGE_VLAN_INFO_RANGE_END, vlan.vidEnd());
            }
            w.endNested(spec);
        };
    }

    private static void vlanInfo(PayloadWriter w, int flags, int vid) {
        byte[] b = new byte[BRIDGE_VLAN_INFO_SIZE];
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.nativeOrder()).putShort((short) flags).putShort((short) vid);
        w.attrBytes(IFLA_BRIDGE_VLAN_INFO, b);
    }

    /**
     * The payload of {@code bridge fdb add|replace|del MAC dev DEV …}: an AF_BRIDGE ndmsg with
     * {@code NDA_LLADDR}, and {@code NDA_VLAN}, {@code NDA_DST} when set.
     *
     * @param ifindex the device
     * @param f the entry
     * @return the encoder
     */
    public static NetlinkConnection.Encoder fdbRequest(int ifindex, FdbSpec f) {
        return w -> {
            RtnetlinkChanges.ndmsg(w, AF_BRIDGE, ifindex, f.ndmState(), f.ndmFlags());
            w.attrBytes(Rtnl.NDA_LLADDR, f.mac());
            if (f.dst() != null) w.attrInetAddress(Rtnl.NDA_DST, f.dst());
            if (f.vlan() > 0) w.attrU16(Rtnl.NDA_VLAN, f.vlan());
        };
    }
}
