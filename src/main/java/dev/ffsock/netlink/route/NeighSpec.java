package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A neighbour entry to add, replace or delete with {@link RtnetlinkChanges}: the arguments of
 * {@code ip neigh add|replace|del [proxy] ADDR [lladdr LLADDR] dev NAME [nud STATE] [router]
 * [extern_learn]}. Checked as it is built; not thread-safe.
 * {@snippet :
 * NeighSpec n = NeighSpec.of("veth0", InetAddress.ofLiteral("192.0.2.7"))
 *         .lladdr("02:00:00:00:00:07").state(NeighState.STALE).router();
 * }
 */
public final class NeighSpec {
    /** The {@code ndm_flags} a caller may set: {@code router}, {@code proxy}, {@code extern_learn}. */
    public static final int SETTABLE_FLAGS = Rtnl.NTF_ROUTER | Rtnl.NTF_PROXY | Rtnl.NTF_EXT_LEARNED;
    /** The longest link-layer address ({@code MAX_ADDR_LEN}). */
    static final int MAX_ADDR_LEN = 32;

    private final String dev;
    private final InetAddress dst;
    private byte[] lladdr;
    private NeighState state = NeighState.PERMANENT;
    private int flags;

    private NeighSpec(String dev, InetAddress dst) {
        this.dev = ChangeChecks.ifname(dev);
        this.dst = Objects.requireNonNull(dst, "address");
        if (dst.isAnyLocalAddress() || dst.isMulticastAddress()) {
            throw new IllegalArgumentException("neighbour " + InetText.format(dst) + " is not a unicast address");
        }
    }

    /**
     * {@code ip neigh add ADDR dev NAME}: state {@code permanent}, no link-layer address yet.
     *
     * @param dev the interface's name
     * @param dst the neighbour's IP address
     * @return the spec
     */
    public static NeighSpec of(String dev, InetAddress dst) {
        return new NeighSpec(dev, dst);
    }

    /**
     * {@code lladdr LLADDR}; its length is checked against the device's when the spec is sent.
     *
     * @param b the link-layer address (1..32 bytes)
     * @return this
     */
    public NeighSpec lladdr(byte[] b) {
        Objects.requireNonNull(b, "lladdr");
        if (b.length == 0 || b.length > MAX_ADDR_LEN) {
            throw new IllegalArgumentException("link-layer address of " + b.length + " bytes (1.." + MAX_ADDR_LEN + ")");
        }
        lladdr = b.clone();
        return this;
    }

    /**
     * {@code lladdr aa:bb:cc:dd:ee:ff}.
     *
     * @param s the address in colon-separated hex
     * @return this
     */
    public NeighSpec lladdr(String s) {
        return lladdr(RtnetlinkChanges.lladdr(s));
    }

    /**
     * {@code nud STATE}: one of {@code permanent}, {@code noarp}, {@code reachable}, {@code stale},
     * {@code none}, {@code incomplete}, {@code delay}, {@code probe}, {@code failed}.
     *
     * @param s the state: no bit or exactly one {@code NUD_*} bit
     * @return this
     */
    public NeighSpec state(NeighState s) {
        Objects.requireNonNull(s, "state");
        int b = s.bits();
        if (b != 0 && (Integer.bitCount(b) != 1 || (b & 0xff) != b)) {
            throw new IllegalArgumentException("nud must be one state (permanent, noarp, reachable, stale, none, "
                    + "incomplete, delay, probe, failed): " + s);
        }
        state = s;
        return this;
    }

    /** {@return this, with {@code router} ({@code NTF_ROUTER}: the neighbour is an IPv6 router)} */
    public NeighSpec router() {
        flags |= Rtnl.NTF_ROUTER;
        return this;
    }

    /** {@return this, with {@code proxy} ({@code NTF_PROXY}: an entry of the proxy ARP/NDP table)} */
    public NeighSpec proxy() {
        flags |= Rtnl.NTF_PROXY;
        return this;
    }

    /** {@return this, with {@code extern_learn} ({@code NTF_EXT_LEARNED}: learned by something outside the kernel)} */
    public NeighSpec externLearn() {
        flags |= Rtnl.NTF_EXT_LEARNED;
        return this;
    }

    /** {@return the interface's name} */
    public String dev() {
        return dev;
    }

    /** {@return the neighbour's IP address} */
    public InetAddress dst() {
        return dst;
    }

    /** {@return the link-layer address, or null} */
    public byte[] lladdr() {
        return lladdr == null ? null : lladdr.clone();
    }

    /** {@return the state ({@code permanent} unless set)} */
    public NeighState state() {
        return state;
    }

    /** {@return the {@code NTF_*} flags} */
    public int flags() {
        return flags;
    }

    /** {@return whether this is a proxy entry} */
    public boolean isProxy() {
        return (flags & Rtnl.NTF_PROXY) != 0;
    }

    @Override
    public String toString() {
        return (isProxy() ? "proxy " : "") + InetText.format(dst)
                + (lladdr == null ? "" : " lladdr " + HexFormat.ofDelimiter(":").formatHex(lladdr))
                + " dev " + dev + " nud " + state + " flags 0x" + Integer.toHexString(flags);
    }
}
