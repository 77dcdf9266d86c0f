package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.cmsghdr;
import dev.ffsock.internal.bindings.in6_pktinfo;
import dev.ffsock.internal.bindings.in_pktinfo;
import dev.ffsock.internal.bindings.iovec;
import dev.ffsock.internal.bindings.mmsghdr;
import dev.ffsock.internal.bindings.packet_mreq;
import dev.ffsock.internal.bindings.sockaddr_ll;
import dev.ffsock.internal.bindings.tpacket_auxdata;
import dev.ffsock.internal.bindings.tpacket_stats;
import dev.ffsock.internal.bindings.msghdr;
import dev.ffsock.internal.bindings.timespec;
import dev.ffsock.internal.bindings.ip_mreqn;
import dev.ffsock.internal.bindings.ipv6_mreq;
import dev.ffsock.internal.bindings.linger;
import dev.ffsock.internal.bindings.pollfd;
import dev.ffsock.internal.bindings.sockaddr_in;
import dev.ffsock.internal.bindings.sockaddr_in6;
import dev.ffsock.internal.bindings.sockaddr_nl;
import dev.ffsock.internal.bindings.sockaddr_storage;
import dev.ffsock.internal.bindings.sockaddr_un;
import dev.ffsock.internal.bindings.tcp_info;
import dev.ffsock.internal.bindings.timeval;
import dev.ffsock.internal.bindings.ucred;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout.PathElement;

/**
 * Sizes and field offsets of the C structs the socket API reads and writes, taken from the generated
 * layouts so that the rest of the library never imports the bindings.
 *
 * <p>One nested class per struct ({@code Structs.SockaddrIn.PORT}): a class initialises on first use,
 * so a program pays only for the layouts of the structs it touches (a struct's generated class builds
 * its layout and every field's offset when it initialises; all twenty cost a fresh JVM tens of
 * milliseconds before its first socket).
 */
public final class Structs {
    private Structs() {
    }

    private static long off(GroupLayout l, String... path) {
        PathElement[] p = new PathElement[path.length];
        for (int i = 0; i < path.length; i++) p[i] = PathElement.groupElement(path[i]);
        return l.byteOffset(p);
    }

    /** msg_iovlen, msg_controllen, cmsg_len and iov_len are size_t, which the message code reads as longs. */
    private static long sizeT(GroupLayout l, String field) {
        long size = l.select(PathElement.groupElement(field)).byteSize();
        if (size != 8) throw new ExceptionInInitializerError("ffsock's message code expects an 8-byte size_t");
        return off(l, field);
    }

    /** IFNAMSIZ: interface names have at most 15 bytes plus NUL. */
    public static final int IFNAMSIZ = LinuxC.IFNAMSIZ();

    /** {@code struct sockaddr_storage}. */
    public static final class SockaddrStorage {
        private SockaddrStorage() {
        }

        public static final long SIZE = sockaddr_storage.layout().byteSize();
    }

    /** {@code struct sockaddr_in}. */
    public static final class SockaddrIn {
        private SockaddrIn() {
        }

        private static final GroupLayout L = sockaddr_in.layout();
        public static final long SIZE = L.byteSize();
        public static final long FAMILY = off(L, "sin_family");
        public static final long PORT = off(L, "sin_port");
        public static final long ADDR = off(L, "sin_addr");
    }

    /** {@code struct sockaddr_in6}. */
    public static final class SockaddrIn6 {
        private SockaddrIn6() {
        }

        private static final GroupLayout L = sockaddr_in6.layout();
        public static final long SIZE = L.byteSize();
        public static final long FAMILY = off(L, "sin6_family");
        public static final long PORT = off(L, "sin6_port");
        public static final long FLOWINFO = off(L, "sin6_flowinfo");
        public static final long ADDR = off(L, "sin6_addr");
        public static final long SCOPE_ID = off(L, "sin6_scope_id");
    }

    /** {@code struct sockaddr_un}. */
    public static final class SockaddrUn {
        private SockaddrUn() {
        }

        private static final GroupLayout L = sockaddr_un.layout();
        public static final long SIZE = L.byteSize();
        public static final long FAMILY = off(L, "sun_family");
        public static final long PATH = off(L, "sun_path");
        /** Bytes of sun_path: 108, so a path has at most 107 bytes plus its terminating NUL. */
        public static final long PATH_SIZE = SIZE - PATH;
    }

    /** {@code struct sockaddr_nl}. */
    public static final class SockaddrNl {
        private SockaddrNl() {
        }

        private static final GroupLayout L = sockaddr_nl.layout();
        public static final long SIZE = L.byteSize();
        public static final long FAMILY = off(L, "nl_family");
        public static final long PID = off(L, "nl_pid");
        public static final long GROUPS = off(L, "nl_groups");
    }

    /** {@code struct pollfd}. */
    public static final class Pollfd {
        private Pollfd() {
        }

        private static final GroupLayout L = pollfd.layout();
        public static final long SIZE = L.byteSize();
        public static final long FD = off(L, "fd");
        public static final long EVENTS = off(L, "events");
        public static final long REVENTS = off(L, "revents");
    }

    /** {@code struct linger}. */
    public static final class Linger {
        private Linger() {
        }

        private static final GroupLayout L = linger.layout();
        public static final long SIZE = L.byteSize();
        public static final long ONOFF = off(L, "l_onoff");
        public static final long LINGER = off(L, "l_linger");
    }

    /** {@code struct timeval}. */
    public static final class Timeval {
        private Timeval() {
        }

        private static final GroupLayout L = timeval.layout();
        public static final long SIZE = L.byteSize();
        public static final long SEC = off(L, "tv_sec");
        public static final long USEC = off(L, "tv_usec");
    }

    /** {@code struct ucred}. */
    public static final class Ucred {
        private Ucred() {
        }

        private static final GroupLayout L = ucred.layout();
        public static final long SIZE = L.byteSize();
        public static final long PID = off(L, "pid");
        public static final long UID = off(L, "uid");
        public static final long GID = off(L, "gid");
    }

    /** {@code struct ip_mreqn}. */
    public static final class IpMreqn {
        private IpMreqn() {
        }

        private static final GroupLayout L = ip_mreqn.layout();
        public static final long SIZE = L.byteSize();
        public static final long MULTIADDR = off(L, "imr_multiaddr");
        public static final long ADDRESS = off(L, "imr_address");
        public static final long IFINDEX = off(L, "imr_ifindex");
    }

    /** {@code struct ipv6_mreq}. */
    public static final class Ipv6Mreq {
        private Ipv6Mreq() {
        }

        private static final GroupLayout L = ipv6_mreq.layout();
        public static final long SIZE = L.byteSize();
        public static final long MULTIADDR = off(L, "ipv6mr_multiaddr");
        public static final long INTERFACE = off(L, "ipv6mr_interface");
    }

    /** {@code struct tcp_info}: the layout glibc declares (the kernel may return more; ffsock reads these fields). */
    public static final class TcpInfo {
        private TcpInfo() {
        }

        public static final GroupLayout LAYOUT = tcp_info.layout();
        public static final long SIZE = LAYOUT.byteSize();

        /** {@return the offset of a named field of struct tcp_info} */
        public static long offset(String field) {
            return off(LAYOUT, field);
        }
    }

    // ---- message I/O (sendmsg/recvmsg/sendmmsg/recvmmsg and control messages) ----
    // msg_iovlen, msg_controllen, iov_len and cmsg_len are size_t: 8 bytes on the 64-bit ABIs ffsock
    // supports (each holder checks its own, see sizeT), so the message code reads and writes them as longs.

    /** {@code struct msghdr}. */
    public static final class Msghdr {
        private Msghdr() {
        }

        private static final GroupLayout L = msghdr.layout();
        public static final long SIZE = L.byteSize();
        public static final long NAME = off(L, "msg_name");
        public static final long NAMELEN = off(L, "msg_namelen");
        public static final long IOV = off(L, "msg_iov");
        public static final long IOVLEN = sizeT(L, "msg_iovlen");
        public static final long CONTROL = off(L, "msg_control");
        public static final long CONTROLLEN = sizeT(L, "msg_controllen");
        public static final long FLAGS = off(L, "msg_flags");
    }

    /** {@code struct iovec}. */
    public static final class Iovec {
        private Iovec() {
        }

        private static final GroupLayout L = iovec.layout();
        public static final long SIZE = L.byteSize();
        public static final long BASE = off(L, "iov_base");
        public static final long LEN = sizeT(L, "iov_len");
    }

    /** {@code struct mmsghdr}. */
    public static final class Mmsghdr {
        private Mmsghdr() {
        }

        private static final GroupLayout L = mmsghdr.layout();
        public static final long SIZE = L.byteSize();
        public static final long HDR = off(L, "msg_hdr");
        public static final long LEN = off(L, "msg_len");
    }

    /** {@code struct cmsghdr}. */
    public static final class Cmsghdr {
        private Cmsghdr() {
        }

        private static final GroupLayout L = cmsghdr.layout();
        /** sizeof(struct cmsghdr): where a control message's data starts (CMSG_DATA). */
        public static final long SIZE = L.byteSize();
        public static final long LEN = sizeT(L, "cmsg_len");
        public static final long LEVEL = off(L, "cmsg_level");
        public static final long TYPE = off(L, "cmsg_type");
        /** CMSG_ALIGN's unit: sizeof(size_t). */
        public static final long ALIGNMENT = L.byteAlignment();
    }

    /** {@code struct in_pktinfo}. */
    public static final class InPktinfo {
        private InPktinfo() {
        }

        private static final GroupLayout L = in_pktinfo.layout();
        public static final long SIZE = L.byteSize();
        public static final long IFINDEX = off(L, "ipi_ifindex");
        public static final long SPEC_DST = off(L, "ipi_spec_dst");
        public static final long ADDR = off(L, "ipi_addr");
    }

    /** {@code struct in6_pktinfo}. */
    public static final class In6Pktinfo {
        private In6Pktinfo() {
        }

        private static final GroupLayout L = in6_pktinfo.layout();
        public static final long SIZE = L.byteSize();
        public static final long ADDR = off(L, "ipi6_addr");
        public static final long IFINDEX = off(L, "ipi6_ifindex");
    }

    /** {@code struct timespec}. */
    public static final class Timespec {
        private Timespec() {
        }

        private static final GroupLayout L = timespec.layout();
        public static final long SIZE = L.byteSize();
        public static final long SEC = off(L, "tv_sec");
        public static final long NSEC = off(L, "tv_nsec");
    }

    // ---- AF_PACKET and MPTCP (issue 11) ----

    /** {@code struct sockaddr_ll}. */
    public static final class SockaddrLl {
        private SockaddrLl() {
        }

        private static final GroupLayout L = sockaddr_ll.layout();
        public static final long SIZE = L.byteSize();
        public static final long FAMILY = off(L, "sll_family");
        public static final long PROTOCOL = off(L, "sll_protocol");
        public static final long IFINDEX = off(L, "sll_ifindex");
        public static final long HATYPE = off(L, "sll_hatype");
        public static final long PKTTYPE = off(L, "sll_pkttype");
        public static final long HALEN = off(L, "sll_halen");
        /** Where the hardware address starts; the kernel's lengths count from here ({@code offsetof + halen}). */
        public static final long ADDR = off(L, "sll_addr");
        /** Bytes of sll_addr in the C struct (longer addresses run on into sockaddr_storage). */
        public static final long ADDR_SIZE = SIZE - ADDR;
    }

    /** {@code struct packet_mreq}. */
    public static final class PacketMreq {
        private PacketMreq() {
        }

        private static final GroupLayout L = packet_mreq.layout();
        public static final long SIZE = L.byteSize();
        public static final long IFINDEX = off(L, "mr_ifindex");
        public static final long TYPE = off(L, "mr_type");
        public static final long ALEN = off(L, "mr_alen");
        public static final long ADDRESS = off(L, "mr_address");
        public static final long ADDRESS_SIZE = SIZE - ADDRESS;
    }

    /** {@code struct tpacket_auxdata}. */
    public static final class TpacketAuxdata {
        private TpacketAuxdata() {
        }

        private static final GroupLayout L = tpacket_auxdata.layout();
        public static final long SIZE = L.byteSize();
        public static final long STATUS = off(L, "tp_status");
        public static final long LEN = off(L, "tp_len");
        public static final long SNAPLEN = off(L, "tp_snaplen");
        public static final long MAC = off(L, "tp_mac");
        public static final long NET = off(L, "tp_net");
        public static final long VLAN_TCI = off(L, "tp_vlan_tci");
        public static final long VLAN_TPID = off(L, "tp_vlan_tpid");
    }

    /** {@code struct tpacket_stats}. */
    public static final class TpacketStats {
        private TpacketStats() {
        }

        private static final GroupLayout L = tpacket_stats.layout();
        public static final long SIZE = L.byteSize();
        public static final long PACKETS = off(L, "tp_packets");
        public static final long DROPS = off(L, "tp_drops");
    }
}
