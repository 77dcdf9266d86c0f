package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.ifreq;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * The tun/tap driver's ioctls on an open {@code /dev/net/tun} descriptor, as {@code ip tuntap add}
 * makes them: {@code TUNSETIFF} with a {@code struct ifreq} (name and {@code IFF_*} flags),
 * {@code TUNSETOWNER}, {@code TUNSETGROUP}, {@code TUNSETPERSIST}; and {@code SIOCGSKNS}, which gives
 * a socket's network namespace as a descriptor. Constants and the ifreq layout are the bindings'.
 */
public final class Tun {
    private Tun() {
    }

    /** IFF_TUN: a layer-3 (IP) device. */
    public static final int IFF_TUN = LinuxC.IFF_TUN();
    /** IFF_TAP: a layer-2 (Ethernet) device. */
    public static final int IFF_TAP = LinuxC.IFF_TAP();
    /** IFF_NO_PI: no packet-information header before each packet. */
    public static final int IFF_NO_PI = LinuxC.IFF_NO_PI();
    /** IFF_MULTI_QUEUE: one queue per open descriptor. */
    public static final int IFF_MULTI_QUEUE = LinuxC.IFF_MULTI_QUEUE();
    /** IFF_VNET_HDR: a virtio-net header before each packet. */
    public static final int IFF_VNET_HDR = LinuxC.IFF_VNET_HDR();
    /** O_RDWR. */
    public static final int O_RDWR = LinuxC.O_RDWR();
    /** O_CLOEXEC. */
    public static final int O_CLOEXEC = LinuxC.O_CLOEXEC();

    private static final long IFREQ_SIZE = ifreq.layout().byteSize();
    private static final long NAME_OFFSET = ifreq.layout().byteOffset(groupElement("ifr_ifrn"), groupElement("ifrn_name"));
    private static final long FLAGS_OFFSET = ifreq.layout().byteOffset(groupElement("ifr_ifru"), groupElement("ifru_flags"));
    private static final int IFNAMSIZ = (int) ifreq.ifr_ifrn.ifrn_name$layout().byteSize();

    /**
     * ioctl(TUNSETIFF): attaches the descriptor to the device {@code name} (made if missing; a
     * pattern such as {@code tap%d}, or an empty name, lets the kernel choose).
     *
     * @return the device's name as the kernel filled it in
     */
    public static String setIff(int fd, String name, int flags) throws ErrnoException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length >= IFNAMSIZ) throw new IllegalArgumentException("interface name '" + name + "' longer than " + (IFNAMSIZ - 1) + " bytes");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(IFREQ_SIZE, 8);
            MemorySegment.copy(n, 0, r, ValueLayout.JAVA_BYTE, NAME_OFFSET, n.length);
            r.set(ValueLayout.JAVA_SHORT, FLAGS_OFFSET, (short) flags);
            Sys.ioctl(fd, LinuxC.TUNSETIFF(), r);
            return r.asSlice(NAME_OFFSET, IFNAMSIZ).getString(0);
        }
    }

    /** ioctl(TUNSETOWNER, uid). */
    public static void setOwner(int fd, long uid) throws ErrnoException {
        Sys.ioctl(fd, LinuxC.TUNSETOWNER(), MemorySegment.ofAddress(uid));
    }

    /** ioctl(TUNSETGROUP, gid). */
    public static void setGroup(int fd, long gid) throws ErrnoException {
        Sys.ioctl(fd, LinuxC.TUNSETGROUP(), MemorySegment.ofAddress(gid));
    }

    /** ioctl(TUNSETPERSIST, on): a persistent device outlives its descriptors. */
    public static void setPersist(int fd, boolean on) throws ErrnoException {
        Sys.ioctl(fd, LinuxC.TUNSETPERSIST(), MemorySegment.ofAddress(on ? 1 : 0));
    }

    /** ioctl(SIOCGSKNS) on a socket: a new descriptor (O_CLOEXEC) of the socket's network namespace. */
    public static int socketNamespace(int socketFd) throws ErrnoException {
        return Sys.ioctl(socketFd, LinuxC.SIOCGSKNS(), MemorySegment.NULL);
    }
}
