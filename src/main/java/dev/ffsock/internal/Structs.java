package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.cmsghdr;
import dev.ffsock.internal.bindings.in6_pktinfo;
import dev.ffsock.internal.bindings.in_pktinfo;
import dev.ffsock.internal.bindings.iovec;
import dev.ffsock.internal.bindings.mmsghdr;
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
 */
public final class Structs {
    private Structs() {
    }

    private static long off(GroupLayout l, String... path) {
        PathElement[] p = new PathElement[path.length];
        for (int i = 0; i < path.length; i++) p[i] = PathElement.groupElement(path[i]);
        return l.byteOffset(p);
    }

    public static final long SOCKADDR_STORAGE_SIZE = sockaddr_storage.layout().byteSize();

    public static final long SOCKADDR_IN_SIZE = sockaddr_in.layout().byteSize();
    public static final long SIN_FAMILY = off(sockaddr_in.layout(), "sin_family");
    public static final long SIN_PORT = off(sockaddr_in.layout(), "sin_port");
    public static final long SIN_ADDR = off(sockaddr_in.layout(), "sin_addr");

    public static final long SOCKADDR_IN6_SIZE = sockaddr_in6.layout().byteSize();
    public static final long SIN6_FAMILY = off(sockaddr_in6.layout(), "sin6_family");
    public static final long SIN6_PORT = off(sockaddr_in6.layout(), "sin6_port");
    public static final long SIN6_FLOWINFO = off(sockaddr_in6.layout(), "sin6_flowinfo");
    public static final long SIN6_ADDR = off(sockaddr_in6.layout(), "sin6_addr");
    public static final long SIN6_SCOPE_ID = off(sockaddr_in6.layout(), "sin6_scope_id");

    public static final long SOCKADDR_UN_SIZE = sockaddr_un.layout().byteSize();
    public static final long SUN_FAMILY = off(sockaddr_un.layout(), "sun_family");
    public static final long SUN_PATH = off(sockaddr_un.layout(), "sun_path");
    /** Bytes of sun_path: 108, so a path has at most 107 bytes plus its terminating NUL. */
    public static final long SUN_PATH_SIZE = SOCKADDR_UN_SIZE - SUN_PATH;

    public static final long SOCKADDR_NL_SIZE = sockaddr_nl.layout().byteSize();
    public static final long NL_FAMILY = off(sockaddr_nl.layout(), "nl_family");
    public static final long NL_PID = off(sockaddr_nl.layout(), "nl_pid");
    public static final long NL_GROUPS = off(sockaddr_nl.layout(), "nl_groups");

    public static final long POLLFD_SIZE = pollfd.layout().byteSize();
    public static final long POLLFD_FD = off(pollfd.layout(), "fd");
    public static final long POLLFD_EVENTS = off(pollfd.layout(), "events");
    public static final long POLLFD_REVENTS = off(pollfd.layout(), "revents");

    public static final long LINGER_SIZE = linger.layout().byteSize();
    public static final long LINGER_ONOFF = off(linger.layout(), "l_onoff");
    public static final long LINGER_LINGER = off(linger.layout(), "l_linger");

    public static final long TIMEVAL_SIZE = timeval.layout().byteSize();
    public static final long TIMEVAL_SEC = off(timeval.layout(), "tv_sec");
    public static final long TIMEVAL_USEC = off(timeval.layout(), "tv_usec");

    public static final long UCRED_SIZE = ucred.layout().byteSize();
    public static final long UCRED_PID = off(ucred.layout(), "pid");
    public static final long UCRED_UID = off(ucred.layout(), "uid");
    public static final long UCRED_GID = off(ucred.layout(), "gid");

    public static final long IP_MREQN_SIZE = ip_mreqn.layout().byteSize();
    public static final long IMR_MULTIADDR = off(ip_mreqn.layout(), "imr_multiaddr");
    public static final long IMR_ADDRESS = off(ip_mreqn.layout(), "imr_address");
    public static final long IMR_IFINDEX = off(ip_mreqn.layout(), "imr_ifindex");

    public static final long IPV6_MREQ_SIZE = ipv6_mreq.layout().byteSize();
    public static final long IPV6MR_MULTIADDR = off(ipv6_mreq.layout(), "ipv6mr_multiaddr");
    public static final long IPV6MR_INTERFACE = off(ipv6_mreq.layout(), "ipv6mr_interface");

    /** The tcp_info layout glibc declares (the kernel may return more; ffsock reads these fields). */
    public static final GroupLayout TCP_INFO = tcp_info.layout();
    public static final long TCP_INFO_SIZE = TCP_INFO.byteSize();

    /** {@return the offset of a named field of struct tcp_info} */
    public static long tcpInfo(String field) {
        return off(TCP_INFO, field);
    }

    // ---- message I/O (sendmsg/recvmsg/sendmmsg/recvmmsg and control messages) ----
    // msg_iovlen, msg_controllen and cmsg_len are size_t: 8 bytes on the 64-bit ABIs ffsock supports
    // (checked below), so the message code reads and writes them as longs.

    public static final long MSGHDR_SIZE = msghdr.layout().byteSize();
    public static final long MSG_NAME = off(msghdr.layout(), "msg_name");
    public static final long MSG_NAMELEN = off(msghdr.layout(), "msg_namelen");
    public static final long MSG_IOV = off(msghdr.layout(), "msg_iov");
    public static final long MSG_IOVLEN = off(msghdr.layout(), "msg_iovlen");
    public static final long MSG_CONTROL = off(msghdr.layout(), "msg_control");
    public static final long MSG_CONTROLLEN = off(msghdr.layout(), "msg_controllen");
    public static final long MSG_FLAGS = off(msghdr.layout(), "msg_flags");

    public static final long IOVEC_SIZE = iovec.layout().byteSize();
    public static final long IOV_BASE = off(iovec.layout(), "iov_base");
    public static final long IOV_LEN = off(iovec.layout(), "iov_len");

    public static final long MMSGHDR_SIZE = mmsghdr.layout().byteSize();
    public static final long MMSG_HDR = off(mmsghdr.layout(), "msg_hdr");
    public static final long MMSG_LEN = off(mmsghdr.layout(), "msg_len");

    /** sizeof(struct cmsghdr): where a control message's data starts (CMSG_DATA). */
    public static final long CMSGHDR_SIZE = cmsghdr.layout().byteSize();
    public static final long CMSG_LEN = off(cmsghdr.layout(), "cmsg_len");
    public static final long CMSG_LEVEL = off(cmsghdr.layout(), "cmsg_level");
    public static final long CMSG_TYPE = off(cmsghdr.layout(), "cmsg_type");
    /** CMSG_ALIGN's unit: sizeof(size_t). */
    public static final long CMSG_ALIGNMENT = cmsghdr.layout().byteAlignment();

    public static final long IN_PKTINFO_SIZE = in_pktinfo.layout().byteSize();
    public static final long IPI_IFINDEX = off(in_pktinfo.layout(), "ipi_ifindex");
    public static final long IPI_SPEC_DST = off(in_pktinfo.layout(), "ipi_spec_dst");
    public static final long IPI_ADDR = off(in_pktinfo.layout(), "ipi_addr");

    public static final long IN6_PKTINFO_SIZE = in6_pktinfo.layout().byteSize();
    public static final long IPI6_ADDR = off(in6_pktinfo.layout(), "ipi6_addr");
    public static final long IPI6_IFINDEX = off(in6_pktinfo.layout(), "ipi6_ifindex");

    public static final long TIMESPEC_SIZE = timespec.layout().byteSize();
    public static final long TIMESPEC_SEC = off(timespec.layout(), "tv_sec");
    public static final long TIMESPEC_NSEC = off(timespec.layout(), "tv_nsec");

    static {
        long sizeT = msghdr.layout().select(PathElement.groupElement("msg_controllen")).byteSize();
        if (sizeT != 8 || cmsghdr.layout().select(PathElement.groupElement("cmsg_len")).byteSize() != 8
                || iovec.layout().select(PathElement.groupElement("iov_len")).byteSize() != 8) {
            throw new ExceptionInInitializerError("ffsock's message code expects an 8-byte size_t");
        }
    }

    /** IFNAMSIZ: interface names have at most 15 bytes plus NUL. */
    public static final int IFNAMSIZ = LinuxC.IFNAMSIZ();
}
