package dev.ffsock;

import dev.ffsock.internal.Sys;
import dev.ffsock.internal.Tun;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.util.Objects;

/**
 * A tun or tap device attached to an open {@code /dev/net/tun} descriptor, made the way {@code ip
 * tuntap add} makes it: open(2) {@code /dev/net/tun} (inside the wanted namespace: a device is made in
 * the namespace the descriptor was opened in), {@code ioctl(TUNSETIFF)} with the name and flags, then
 * {@code TUNSETOWNER}, {@code TUNSETGROUP} and {@code TUNSETPERSIST} as asked. A persistent device
 * outlives {@link #close()}; any other disappears with its last descriptor.
 */
public final class TunTap implements AutoCloseable {
    /** C IFF_TUN: a layer-3 device ({@code mode tun}). */
    public static final int IFF_TUN = Tun.IFF_TUN;
    /** C IFF_TAP: a layer-2 device ({@code mode tap}). */
    public static final int IFF_TAP = Tun.IFF_TAP;
    /** C IFF_NO_PI: no packet-information header ({@code ip tuntap} always sets it unless {@code pi}). */
    public static final int IFF_NO_PI = Tun.IFF_NO_PI;
    /** C IFF_MULTI_QUEUE ({@code multi_queue}). */
    public static final int IFF_MULTI_QUEUE = Tun.IFF_MULTI_QUEUE;
    /** C IFF_VNET_HDR ({@code vnet_hdr}). */
    public static final int IFF_VNET_HDR = Tun.IFF_VNET_HDR;

    private final int fd;
    private final String name;
    private boolean closed;

    private TunTap(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    /**
     * {@code ip tuntap add dev NAME mode tun|tap [user U] [group G] [multi_queue] [vnet_hdr] [pi]}.
     *
     * @param namespace the namespace to make the device in; null for this thread's own
     * @param name      the device's name (1 to 15 bytes; a pattern such as {@code tap%d} lets the kernel number it)
     * @param flags     {@link #IFF_TUN} or {@link #IFF_TAP}, with {@link #IFF_NO_PI}, {@link #IFF_MULTI_QUEUE},
     *                  {@link #IFF_VNET_HDR} as wanted
     * @param owner     the uid allowed to attach ({@code TUNSETOWNER}), or -1 for none
     * @param group     the gid allowed to attach ({@code TUNSETGROUP}), or -1 for none
     * @param persist   whether the device outlives this descriptor ({@code TUNSETPERSIST})
     * @return the open device
     * @throws IllegalArgumentException if flags name neither or both of tun and tap, or bits other than these
     * @throws ErrnoException {@code open} ENOENT without the tun driver; {@code ioctl} EBUSY when a
     *         device of that name exists and is not a free tun/tap of the same mode, EPERM without CAP_NET_ADMIN
     */
    public static TunTap open(NamespaceFd namespace, String name, int flags, long owner, long group, boolean persist)
            throws IOException {
        Objects.requireNonNull(name, "name");
        int mode = flags & (IFF_TUN | IFF_TAP);
        if (mode != IFF_TUN && mode != IFF_TAP) throw new IllegalArgumentException("flags need one of IFF_TUN and IFF_TAP: 0x" + Integer.toHexString(flags));
        if ((flags & ~(IFF_TUN | IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE | IFF_VNET_HDR)) != 0) {
            throw new IllegalArgumentException("unsupported tun flags: 0x" + Integer.toHexString(flags));
        }
        if (owner < -1 || owner > 0xFFFFFFFEL || group < -1 || group > 0xFFFFFFFEL) {
            throw new IllegalArgumentException("owner and group must be -1 or 0 to 4294967294: " + owner + ", " + group);
        }
        NetworkNamespace.Task<Integer> open = TunTap::openDevice;
        int fd = namespace == null ? open.run() : namespace.inside(open);
        try {
            String actual = Tun.setIff(fd, name, flags);
            if (owner >= 0) Tun.setOwner(fd, owner);
            if (group >= 0) Tun.setGroup(fd, group);
            if (persist) Tun.setPersist(fd, true);
            return new TunTap(fd, actual);
        } catch (IOException | RuntimeException e) {
            Sys.close(fd);
            throw e;
        }
    }

    private static Integer openDevice() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            return Sys.open(a.allocateFrom("/dev/net/tun"), Tun.O_RDWR | Tun.O_CLOEXEC);
        } catch (ErrnoException e) {
            throw new ErrnoException("open", e.errno(), "/dev/net/tun");
        }
    }

    /** {@return the device's name, as the kernel has it} */
    public String name() {
        return name;
    }

    /** {@return the descriptor number (packets are read and written on it); -1 once closed} */
    public synchronized int fd() {
        return closed ? -1 : fd;
    }

    /**
     * {@code ip tuntap del}'s first half: clears {@code TUNSETPERSIST}, so that the device goes away
     * with its last descriptor.
     *
     * @throws ErrnoException if the ioctl fails
     */
    public synchronized void unpersist() throws IOException {
        if (closed) throw new IOException("tun descriptor is closed");
        Tun.setPersist(fd, false);
    }

    /** close(2), once: a device that is not persistent goes away with its last descriptor. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // the descriptor is gone either way
        }
    }
}
