package dev.ffsock.netlink.route;

import static dev.ffsock.netlink.Netlink.NLM_F_CREATE;
import static dev.ffsock.netlink.Netlink.NLM_F_EXCL;
import static dev.ffsock.netlink.Netlink.NLM_F_REPLACE;

import dev.ffsock.netlink.NetlinkConnection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bridge's tables over a rtnetlink connection the caller owns (not closed here): what {@code
 * bridge fdb}, {@code bridge vlan} and {@code bridge link} read and change. Changes are acknowledged
 * by the kernel before a method returns; a refusal is a {@link dev.ffsock.netlink.NetlinkException}
 * with errno and ext-ack text (e.g. {@code EOPNOTSUPP} for VLANs on a kernel without bridge VLAN
 * filtering). Thread-safe as the connection is.
 */
public final class Bridge {
    private final NetlinkConnection conn;
    private final RtnetlinkChanges names;

    /**
     * Bridge requests over a connection the caller owns.
     *
     * @param conn an rtnetlink connection ({@code NETLINK_ROUTE})
     */
    public Bridge(NetlinkConnection conn) {
        this.conn = Objects.requireNonNull(conn, "conn");
        this.names = new RtnetlinkChanges(conn);
    }

    // ---- fdb

    /**
     * {@return every forwarding-database entry ({@code bridge fdb show}: an AF_BRIDGE RTM_GETNEIGH dump)}
     *
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public List<Neigh> fdb() throws IOException {
        return fdb(0);
    }

    /**
     * The entries of one device ({@code bridge fdb show brport DEV}).
     *
     * @param dev the port or device name
     * @return the entries
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public List<Neigh> fdb(String dev) throws IOException {
        return fdb(names.ifindex(dev));
    }

    private List<Neigh> fdb(int ifindex) throws IOException {
        List<Neigh> out = new ArrayList<>();
        for (Neigh n : conn.dumpConsistent(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(BridgeCodec.AF_BRIDGE, ifindex),
                NeighCodec::decode, Rtnetlink.ATTEMPTS)) {
            if (n.family() == BridgeCodec.AF_BRIDGE && (ifindex == 0 || n.ifindex() == ifindex)) out.add(n);
        }
        return List.copyOf(out);
    }

    /**
     * {@code bridge fdb add MAC dev DEV …}.
     *
     * @param f the entry
     * @throws IOException EEXIST if it exists ({@link dev.ffsock.netlink.NetlinkException}), or the socket fails
     */
    public void addFdb(FdbSpec f) throws IOException {
        fdb(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, f);
    }

    /**
     * {@code bridge fdb replace MAC dev DEV …}: adds or overrides the entry.
     *
     * @param f the entry
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public void replaceFdb(FdbSpec f) throws IOException {
        fdb(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, f);
    }

    /**
     * {@code bridge fdb del MAC dev DEV [vlan VID] [self|master]}.
     *
     * @param f the entry (MAC, device, VLAN and self/master count)
     * @throws IOException ENOENT if there is none ({@link dev.ffsock.netlink.NetlinkException}), or the socket fails
     */
    public void deleteFdb(FdbSpec f) throws IOException {
        fdb(Rtnl.RTM_DELNEIGH, 0, f);
    }

    private void fdb(int type, int flags, FdbSpec f) throws IOException {
        Objects.requireNonNull(f, "fdb entry");
        int index = names.ifindex(f.dev());
        conn.execute(type, flags, BridgeCodec.fdbRequest(index, f));
    }

    // ---- link (ports)

    /**
     * {@return the bridge ports ({@code bridge [-d] link show}: an AF_BRIDGE RTM_GETLINK dump; the
     * on/off settings -d prints are in {@link BridgePort#flags()})}
     *
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public List<BridgePort> ports() throws IOException {
        return conn.dumpConsistent(Rtnl.RTM_GETLINK, BridgeCodec.portDumpRequest(0), BridgeCodec::decodePort,
                Rtnetlink.ATTEMPTS);
    }

    /**
     * {@code bridge link set dev DEV [state S] [priority P] [cost C]}.
     *
     * @param dev the port's name
     * @param state a {@code BR_STATE_*} (0 disabled .. 4 blocking), or -1 to leave it
     * @param priority 0..63, or -1 to leave it
     * @param cost 1..65535, or -1 to leave it
     * @throws IllegalArgumentException for a value out of range, or nothing to set
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public void setPort(String dev, int state, int priority, long cost) throws IOException {
        setPort(dev, state, priority, cost, java.util.Map.of());
    }

    /**
     * {@code bridge link set dev DEV [state S] [priority P] [cost C] [guard on|off] [learning on|off] …}.
     *
     * @param dev the port's name
     * @param state a {@code BR_STATE_*} (0 disabled .. 4 blocking), or -1 to leave it
     * @param priority 0..63, or -1 to leave it
     * @param cost 1..65535, or -1 to leave it
     * @param flags the on/off settings to change (others are left)
     * @throws IllegalArgumentException for a value out of range, or nothing to set
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public void setPort(String dev, int state, int priority, long cost, java.util.Map<BridgePortFlag, Boolean> flags)
            throws IOException {
        BridgeCodec.portSetRequest(1, state, priority, cost, flags); // checks before anything is sent
        int index = names.ifindex(dev);
        conn.execute(Rtnl.RTM_SETLINK, 0, BridgeCodec.portSetRequest(index, state, priority, cost, flags));
    }

    // ---- vlan

    /**
     * {@return the ports with VLANs ({@code bridge vlan show}: an AF_BRIDGE RTM_GETLINK dump with
     * {@code IFLA_EXT_MASK} {@code RTEXT_FILTER_BRVLAN})}; empty on a kernel without bridge VLAN filtering
     *
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public List<BridgePort> vlans() throws IOException {
        List<BridgePort> out = new ArrayList<>();
        for (BridgePort p : conn.dumpConsistent(Rtnl.RTM_GETLINK, BridgeCodec.portDumpRequest(BridgeCodec.RTEXT_FILTER_BRVLAN),
                BridgeCodec::decodePort, Rtnetlink.ATTEMPTS)) {
            if (!p.vlans().isEmpty()) out.add(p);
        }
        return List.copyOf(out);
    }

    /**
     * {@code bridge vlan add vid VID[-END] dev DEV [pvid] [untagged] [self]}.
     *
     * @param dev the port (or the bridge, with self)
     * @param vlan the VLAN or range ({@link BridgeVlan#of(int, boolean, boolean)})
     * @param self for the device itself ({@code self}) rather than its bridge
     * @throws IOException if the kernel refuses (EOPNOTSUPP without bridge VLAN filtering) or the socket fails
     */
    public void addVlan(String dev, BridgeVlan vlan, boolean self) throws IOException {
        vlan(Rtnl.RTM_SETLINK, dev, vlan, self);
    }

    /**
     * {@code bridge vlan del vid VID[-END] dev DEV [self]}.
     *
     * @param dev the port
     * @param vlan the VLAN or range
     * @param self for the device itself rather than its bridge
     * @throws IOException if the kernel refuses or the socket fails
     */
    public void deleteVlan(String dev, BridgeVlan vlan, boolean self) throws IOException {
        vlan(Rtnl.RTM_DELLINK, dev, vlan, self);
    }

    private void vlan(int type, String dev, BridgeVlan vlan, boolean self) throws IOException {
        Objects.requireNonNull(vlan, "vlan");
        BridgeCodec.vlanRequest(0, vlan, self); // checks before anything is sent
        int index = names.ifindex(dev);
        conn.execute(type, 0, BridgeCodec.vlanRequest(index, vlan, self));
    }
}
