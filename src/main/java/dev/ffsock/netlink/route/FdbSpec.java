package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A forwarding-database entry to add, replace or delete with {@link Bridge}: the arguments of
 * {@code bridge fdb add|replace|del MAC dev DEV [self] [master] [router] [extern_learn] [sticky]
 * [permanent|static|dynamic] [dst IP] [vlan VID]}. As {@code bridge fdb} does: {@code self} unless
 * {@code master} is asked for, {@code permanent} unless another state is. Checked as it is built;
 * not thread-safe.
 */
public final class FdbSpec {
    /** Which state an entry is added in ({@code bridge fdb add … permanent|static|dynamic}). */
    public enum Kind {
        /** {@code permanent} (also {@code local}): the bridge's own address, never ages. */
        PERMANENT,
        /** {@code static}: a configured entry, never ages. */
        STATIC,
        /** {@code dynamic}: ages out like a learned one. */
        DYNAMIC
    }

    private final byte[] mac;
    private final String dev;
    private int vlan = -1;
    private InetAddress dst;
    private Kind kind = Kind.PERMANENT;
    private int flags;

    private FdbSpec(byte[] mac, String dev) {
        this.dev = ChangeChecks.ifname(dev);
        Objects.requireNonNull(mac, "mac");
        if (mac.length != 6) {
            throw new IllegalArgumentException("an fdb MAC address has 6 bytes, not " + mac.length + ": "
                    + HexFormat.ofDelimiter(":").formatHex(mac));
        }
        this.mac = mac.clone();
    }

    /**
     * {@code bridge fdb add MAC dev DEV}.
     *
     * @param mac the MAC address, {@code 02:00:00:00:00:01}
     * @param dev the port (or device, with {@code self})
     * @return the spec
     */
    public static FdbSpec of(String mac, String dev) {
        return new FdbSpec(RtnetlinkChanges.lladdr(mac), dev);
    }

    /**
     * {@code bridge fdb add MAC dev DEV}.
     *
     * @param mac the MAC address (6 bytes)
     * @param dev the port
     * @return the spec
     */
    public static FdbSpec of(byte[] mac, String dev) {
        return new FdbSpec(mac, dev);
    }

    /**
     * {@code vlan VID}.
     *
     * @param vid 1..4094
     * @return this
     */
    public FdbSpec vlan(int vid) {
        vlan = BridgeCodec.checkVid(vid);
        return this;
    }

    /**
     * {@code dst IP}: the remote of a VXLAN device's entry.
     *
     * @param address the remote's address
     * @return this
     */
    public FdbSpec dst(InetAddress address) {
        dst = Objects.requireNonNull(address, "dst");
        return this;
    }

    /**
     * {@code permanent}, {@code static} or {@code dynamic}.
     *
     * @param k the kind
     * @return this
     */
    public FdbSpec kind(Kind k) {
        kind = Objects.requireNonNull(k, "kind");
        return this;
    }

    /** {@return this, with {@code self} ({@code NTF_SELF}: the device's own table)} */
    public FdbSpec self() {
        flags |= Rtnl.NTF_SELF;
        return this;
    }

    /** {@return this, with {@code master} ({@code NTF_MASTER}: the bridge's table)} */
    public FdbSpec master() {
        flags |= Rtnl.NTF_MASTER;
        return this;
    }

    /** {@return this, with {@code router} ({@code NTF_ROUTER})} */
    public FdbSpec router() {
        flags |= Rtnl.NTF_ROUTER;
        return this;
    }

    /** {@return this, with {@code extern_learn} ({@code NTF_EXT_LEARNED})} */
    public FdbSpec externLearn() {
        flags |= Rtnl.NTF_EXT_LEARNED;
        return this;
    }

    /** {@return this, with {@code sticky} ({@code NTF_STICKY}: never moves to another port)} */
    public FdbSpec sticky() {
        flags |= Rtnl.NTF_STICKY;
        return this;
    }

    /** {@return the MAC address} */
    public byte[] mac() {
        return mac.clone();
    }

    /** {@return the device's name} */
    public String dev() {
        return dev;
    }

    /** {@return the VLAN id, -1 if none} */
    public int vlan() {
        return vlan;
    }

    /** {@return the remote address, or null} */
    public InetAddress dst() {
        return dst;
    }

    /** {@return the kind} */
    public Kind kind() {
        return kind;
    }

    /** {@return {@code ndm_flags} as sent: {@code NTF_SELF} when neither self nor master was asked for} */
    public int ndmFlags() {
        return (flags & (Rtnl.NTF_SELF | Rtnl.NTF_MASTER)) == 0 ? flags | Rtnl.NTF_SELF : flags;
    }

    /** {@return {@code ndm_state} as {@code bridge fdb} sends it for the kind} */
    public int ndmState() {
        return switch (kind) {
            case PERMANENT -> Rtnl.NUD_NOARP | Rtnl.NUD_PERMANENT;
            case STATIC -> Rtnl.NUD_NOARP | Rtnl.NUD_REACHABLE;
            case DYNAMIC -> Rtnl.NUD_REACHABLE;
        };
    }

    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(mac) + " dev " + dev + (vlan > 0 ? " vlan " + vlan : "")
                + (dst != null ? " dst " + InetText.format(dst) : "") + " " + kind.name().toLowerCase()
                + " flags 0x" + Integer.toHexString(ndmFlags());
    }
}
