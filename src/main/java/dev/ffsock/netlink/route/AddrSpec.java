package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * An address to add to or delete from an interface with {@link RtnetlinkChanges}: the arguments
 * of {@code ip address add|del ADDR/PREFIX dev NAME [peer P] [broadcast B] [label L] [scope S]
 * [valid_lft T preferred_lft T] [nodad] [noprefixroute] …}. Checked as it is built; not thread-safe.
 * {@snippet :
 * AddrSpec a = AddrSpec.of("veth0", "2001:db8::1/64").flags(Rtnl.IFA_F_NODAD);
 * }
 */
public final class AddrSpec {
    /** The flags a caller may set ({@code IFA_F_*}); the kernel ignores or refuses the others. */
    public static final int SETTABLE_FLAGS = Rtnl.IFA_F_NODAD | Rtnl.IFA_F_HOMEADDRESS | Rtnl.IFA_F_MANAGETEMPADDR
            | Rtnl.IFA_F_NOPREFIXROUTE | Rtnl.IFA_F_MCAUTOJOIN | Rtnl.IFA_F_OPTIMISTIC;
    /** A lifetime of "forever" in {@code ifa_cacheinfo} (0xFFFFFFFF seconds). */
    public static final long FOREVER = 0xffff_ffffL;

    private final String dev;
    private final InetAddress local;
    private final int prefix;
    private InetAddress peer;
    private InetAddress broadcast;
    private String label;
    private int scope = -1;
    private int flags;
    private long valid = -1;
    private long preferred = -1;

    private AddrSpec(String dev, InetAddress local, int prefix) {
        this.dev = ChangeChecks.ifname(dev);
        this.local = Objects.requireNonNull(local, "address");
        this.prefix = ChangeChecks.prefix(local, prefix);
        if (local.isAnyLocalAddress()) throw new IllegalArgumentException("cannot assign the unspecified address " + InetText.format(local));
    }

    /**
     * {@code ADDR/PREFIX dev NAME}.
     *
     * @param dev the interface's name
     * @param local the address
     * @param prefix the prefix length (0..32 for IPv4, 0..128 for IPv6)
     * @return the spec
     */
    public static AddrSpec of(String dev, InetAddress local, int prefix) {
        return new AddrSpec(dev, local, prefix);
    }

    /**
     * {@code ADDR/PREFIX dev NAME} from a literal such as {@code 192.0.2.1/24} (no prefix: a host address).
     *
     * @param dev the interface's name
     * @param cidr the address and prefix, {@code 192.0.2.1/24} or {@code 2001:db8::1/64}
     * @return the spec
     */
    public static AddrSpec of(String dev, String cidr) {
        ChangeChecks.Cidr c = ChangeChecks.cidr(cidr);
        return new AddrSpec(dev, c.address(), c.prefix());
    }

    /**
     * {@code peer P}: the other end of a point-to-point link (sent as {@code IFA_ADDRESS}).
     *
     * @param p the peer's address (same family as the local one)
     * @return this spec, for chaining
     */
    public AddrSpec peer(InetAddress p) {
        ChangeChecks.sameFamily("peer", local, Objects.requireNonNull(p, "peer"));
        this.peer = p;
        return this;
    }

    /**
     * {@code broadcast B} ({@code IFA_BROADCAST}, IPv4 only).
     *
     * @param b the broadcast address (IPv4)
     * @return this spec, for chaining
     */
    public AddrSpec broadcast(InetAddress b) {
        if (!(local instanceof Inet4Address)) throw new IllegalArgumentException("broadcast addresses are IPv4 only");
        ChangeChecks.sameFamily("broadcast", local, Objects.requireNonNull(b, "broadcast"));
        this.broadcast = b;
        return this;
    }

    /**
     * {@code label L} ({@code IFA_LABEL}, IPv4 only): at most 15 bytes and starting with the device name, as ip requires.
     *
     * @param l the label ({@code IFA_LABEL}), at most 15 bytes
     * @return this spec, for chaining
     */
    public AddrSpec label(String l) {
        Objects.requireNonNull(l, "label");
        if (!(local instanceof Inet4Address)) throw new IllegalArgumentException("address labels are IPv4 only");
        int len = l.getBytes(StandardCharsets.UTF_8).length;
        if (len > ChangeChecks.IFNAME_MAX || l.indexOf('\0') >= 0) throw new IllegalArgumentException("label '" + l + "' longer than 15 bytes");
        if (!l.startsWith(dev)) throw new IllegalArgumentException("label '" + l + "' must start with the device name " + dev);
        this.label = l;
        return this;
    }

    /**
     * {@code scope S} ({@code RT_SCOPE_*}, 0..255; default universe).
     *
     * @param s the scope ({@code RT_SCOPE_*}, {@link Scope})
     * @return this spec, for chaining
     */
    public AddrSpec scope(int s) {
        this.scope = ChangeChecks.u8("scope", s);
        return this;
    }

    /**
     * Flags ({@code IFA_F_NODAD}, {@code IFA_F_NOPREFIXROUTE}, … from {@link #SETTABLE_FLAGS}), sent in {@code IFA_FLAGS}.
     *
     * @param f the {@code IFA_F_*} flags
     * @return this spec, for chaining
     */
    public AddrSpec flags(int f) {
        if ((f & ~SETTABLE_FLAGS) != 0) throw new IllegalArgumentException("address flags 0x" + Integer.toHexString(f & ~SETTABLE_FLAGS) + " cannot be set");
        if ((f & Rtnl.IFA_F_NODAD) != 0 && (f & Rtnl.IFA_F_OPTIMISTIC) != 0) throw new IllegalArgumentException("nodad and optimistic exclude each other");
        if ((f & Rtnl.IFA_F_MANAGETEMPADDR) != 0 && (local instanceof Inet4Address || prefix != 64)) {
            throw new IllegalArgumentException("mngtmpaddr needs an IPv6 /64");
        }
        if ((f & Rtnl.IFA_F_MCAUTOJOIN) == 0 && local.isMulticastAddress() && !(local instanceof Inet4Address)) {
            throw new IllegalArgumentException("an IPv6 multicast address needs IFA_F_MCAUTOJOIN");
        }
        this.flags = f;
        return this;
    }

    /**
     * {@code valid_lft V preferred_lft P} ({@code IFA_CACHEINFO}), in whole seconds; {@link #FOREVER}
     * for no limit. The valid lifetime must be positive and not shorter than the preferred one.
     *
     * @param validSeconds the valid lifetime in seconds ({@code ip addr add … valid_lft})
     * @param preferredSeconds the preferred lifetime in seconds ({@code preferred_lft})
     * @return this spec, for chaining
     */
    public AddrSpec lifetimes(long validSeconds, long preferredSeconds) {
        if (validSeconds < 1 || validSeconds > FOREVER) throw new IllegalArgumentException("valid lifetime must be 1..4294967295 s: " + validSeconds);
        if (preferredSeconds < 0 || preferredSeconds > validSeconds) {
            throw new IllegalArgumentException("preferred lifetime must be 0.." + validSeconds + " s (the valid lifetime): " + preferredSeconds);
        }
        this.valid = validSeconds;
        this.preferred = preferredSeconds;
        return this;
    }

    /**
     * {@code valid_lft} and {@code preferred_lft} as durations, rounded down to seconds.
     *
     * @param valid the valid lifetime ({@code ip addr add … valid_lft})
     * @param preferred the preferred lifetime ({@code preferred_lft})
     * @return this spec, for chaining
     */
    public AddrSpec lifetimes(Duration valid, Duration preferred) {
        return lifetimes(valid.toSeconds(), preferred.toSeconds());
    }

    /** {@return the interface name} */
    public String dev() {
        return dev;
    }

    /** {@return the address} */
    public InetAddress local() {
        return local;
    }

    /** {@return the prefix length} */
    public int prefix() {
        return prefix;
    }

    /** {@return AF_INET (2) or AF_INET6 (10)} */
    public int family() {
        return ChangeChecks.family(local);
    }

    /** {@return the peer, or null} */
    public InetAddress peer() {
        return peer;
    }

    /** {@return the broadcast address, or null} */
    public InetAddress broadcast() {
        return broadcast;
    }

    /** {@return the label, or null} */
    public String label() {
        return label;
    }

    /** {@return the scope, or -1 for the default} */
    public int scope() {
        return scope;
    }

    /** {@return the flags} */
    public int flags() {
        return flags;
    }

    /** {@return the valid lifetime in seconds, or -1 when not set (forever)} */
    public long validLifetime() {
        return valid;
    }

    /** {@return the preferred lifetime in seconds, or -1 when not set (forever)} */
    public long preferredLifetime() {
        return preferred;
    }

    /** {@return e.g. {@code 192.0.2.1/24 dev veth0}} */
    @Override
    public String toString() {
        return InetText.format(local) + "/" + prefix + (peer == null ? "" : " peer " + InetText.format(peer)) + " dev " + dev;
    }
}
