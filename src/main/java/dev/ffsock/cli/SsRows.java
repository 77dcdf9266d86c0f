package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.netlink.diag.InetSocket;
import dev.ffsock.netlink.diag.InetTimer;
import dev.ffsock.netlink.diag.SocketOwner;
import dev.ffsock.netlink.diag.SocketOwners;
import dev.ffsock.netlink.diag.SocketState;
import dev.ffsock.netlink.diag.UnixSocket;

import dev.ffsock.netlink.diag.NetlinkSocket;
import dev.ffsock.netlink.diag.PacketRing;
import dev.ffsock.netlink.diag.PacketSocket;
import dev.ffsock.netlink.diag.SockDiag;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns sock_diag records into {@code ss} lines, with the parts {@code -p}, {@code -e}, {@code -m} and {@code -i} add. */
final class SsRows {
    private final SsArgs args;
    private final SocketOwners owners;
    private final CgroupPaths cgroups = new CgroupPaths();
    private Map<Integer, String> interfaces;

    /** @param owners the socket owners for {@code -p}, or null */
    SsRows(SsArgs args, SocketOwners owners) {
        this.args = args;
        this.owners = owners;
    }

    SsLine inet(InetSocket s, SsTable table) {
        boolean v6only = s.v6Only() == 1;
        String ifname = s.interfaceIndex() == 0 ? null : interfaceName(s.interfaceIndex());
        String[] cells = {table.netid(), s.state().ssName(), Long.toString(s.rqueue()), Long.toString(s.wqueue()),
            SsFormat.endpoint(s.localAddress(), s.localPort(), v6only, ifname),
            SsFormat.endpoint(s.remoteAddress(), s.remotePort(), v6only, null)};
        StringBuilder tail = new StringBuilder(users(s.inode()));
        if (args.options() && s.timer().kind() != InetTimer.Kind.OFF) {
            tail.append(SsInfoText.timer(s.timer().kind().ssName(), s.timer().expiresMillis(), s.timer().retransmits()));
        }
        if (args.extended()) {
            if (s.uid() != 0) tail.append(" uid:").append(s.uid());
            tail.append(" ino:").append(s.inode()).append(" sk:").append(Long.toHexString(s.cookie()));
            if (s.mark() > 0) tail.append(" fwmark:0x").append(Long.toHexString(s.mark()));
            if (s.cgroupId() > 0) tail.append(" cgroup:").append(cgroups.path(s.cgroupId()));
            if (s.family().equals(Domain.AF_INET6) && s.v6Only() >= 0) tail.append(" v6only:").append(s.v6Only());
            if (s.shutdown() >= 0) tail.append(shutdown(s.shutdown()));
        }
        StringBuilder info = new StringBuilder();
        if (args.memory() || (args.info() && table != SsTable.UDP)) {
            if (s.skMemInfo() != null) info.append(' ').append(s.skMemInfo().ssText());
            else if (s.memInfo() != null) {
                info.append(" mem:(r").append(s.memInfo().rmem()).append(",w").append(s.memInfo().wmem())
                        .append(",f").append(s.memInfo().fmem()).append(",t").append(s.memInfo().tmem()).append(')');
            }
            if (s.mptcpInfo() != null) info.append(SsInfoText.mptcp(s.mptcpInfo()));
            if (s.tcpInfo() != null) {
                info.append(SsInfoText.tcp(s.tcpInfo(), s.congestion(), s.bbr(), s.state() == SocketState.LISTEN, args.options()));
            }
        }
        return new SsLine(cells, tail.toString(), args.memory() || (args.info() && table != SsTable.UDP) ? info.toString() : null);
    }

    SsLine unix(UnixSocket s) {
        String[] cells = {s.type().netid(), s.state().ssName(), Long.toString(Math.max(0, s.rqueue())),
            Long.toString(Math.max(0, s.wqueue())), s.displayName() + " " + s.inode(), "* " + Math.max(0, s.peerInode())};
        StringBuilder tail = new StringBuilder(users(s.inode()));
        if (args.memory() && s.memInfo() != null) tail.append(' ').append(s.memInfo().ssText());
        if (args.extended()) {
            if (s.shutdown() >= 0) tail.append(shutdown(s.shutdown()));
            if (s.vfs() != null) {
                // glibc's major()/minor() on the kernel's internal dev_t, as ss prints it
                long dev = s.vfs().device();
                long major = ((dev >>> 8) & 0xfff), minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
                tail.append(" ino:").append(s.vfs().inode()).append(" dev:").append(major).append('/').append(minor);
            }
            if (s.pendingInodes() != null) {
                tail.append(" peers:");
                for (long p : s.pendingInodes()) tail.append(' ').append(p);
            }
        }
        return new SsLine(cells, tail.toString(), null);
    }

    /** ss's {@code users:(("cmd",pid=N,fd=N),…)}, latest found first as ss lists them; empty without -p or owner. */
    private String users(long inode) {
        if (owners == null) return "";
        List<SocketOwner> o = owners.of(inode);
        if (o.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(" users:(");
        for (int i = o.size() - 1; i >= 0; i--) {
            SocketOwner x = o.get(i);
            sb.append("(\"").append(x.command()).append("\",pid=").append(x.pid())
                    .append(",fd=").append(x.fd()).append(')');
            if (i > 0) sb.append(',');
        }
        return sb.append(')').toString();
    }

    /** ss's shutdown mark: {@code <->} open, {@code --->}… with '-' for each shut direction. */
    private static String shutdown(int mask) {
        return " " + ((mask & 1) != 0 ? '-' : '<') + "-" + ((mask & 2) != 0 ? '-' : '>');
    }

    /** The name of an interface of the namespace listed (one link dump, the first time), else its number. */
    private String interfaceName(int index) {
        if (interfaces == null) {
            interfaces = new HashMap<>();
            try (Rtnetlink rt = Rtnetlink.open(args.netns())) {
                for (Link l : rt.links()) interfaces.put(l.index(), l.name());
            } catch (IOException | RuntimeException e) {
                // numbers then
            }
        }
        return interfaces.getOrDefault(index, Integer.toString(index));
    }

    SsLine packet(PacketSocket s, SsTable table) {
        long rq = s.memInfo() == null ? 0 : s.memInfo().rmemAlloc();
        long ifindex = s.info() == null ? 0 : s.info().interfaceIndex();
        String proto = s.protocol() == 3 ? "*" : "[" + s.protocol() + "]";
        String[] cells = {table.netid(), SocketState.CLOSE.ssName(), Long.toString(rq), "0",
            proto + ":" + (ifindex == 0 ? "*" : interfaceName((int) ifindex)), "*"};
        StringBuilder tail = new StringBuilder(users(s.inode()));
        if (args.extended()) {
            if (s.uid() > 0) tail.append(" uid:").append(s.uid());
            tail.append(" ino:").append(s.inode()).append(" sk:").append(Long.toHexString(s.cookie()));
        }
        StringBuilder info = new StringBuilder();
        if (args.extended()) {
            if (s.info() != null) {
                long f = s.info().flags();
                info.append("\n\tver:").append(s.info().version()).append(" cpy_thresh:").append(s.info().copyThreshold())
                        .append(" flags( ").append((f & SockDiag.PDI_RUNNING) != 0 ? "running" : "")
                        .append((f & SockDiag.PDI_AUXDATA) != 0 ? "_auxdata" : "").append((f & SockDiag.PDI_ORIGDEV) != 0 ? "_origdev" : "")
                        .append((f & SockDiag.PDI_VNETHDR) != 0 ? "_vnethdr" : "").append((f & SockDiag.PDI_LOSS) != 0 ? "_loss" : "")
                        .append(f == 0 ? "0" : "").append(" )");
            }
            ring(info, "ring_rx", s.rxRing());
            ring(info, "ring_tx", s.txRing());
            if (s.fanout() >= 0) {
                long type = (s.fanout() >> 16) & 0xffff;
                String[] names = {"hash", "lb", "cpu", "roll", "random", "qm"};
                info.append("\n\tfanout(id:").append(s.fanout() & 0xffff).append(",type:")
                        .append(type < names.length ? names[(int) type] : "0x" + Long.toHexString(type)).append(')');
            }
        }
        // ss prints skmem after everything else, on the -e lines if there are any
        if (args.memory() && s.memInfo() != null) (info.isEmpty() ? tail : info).append(' ').append(s.memInfo().ssText());
        return new SsLine(cells, tail.toString(), info.isEmpty() ? null : info.substring(2));
    }

    private static void ring(StringBuilder info, String name, PacketRing r) {
        if (r == null) return;
        info.append("\n\t").append(name).append("(blk_size:").append(r.blockSize()).append(",blk_nr:").append(r.blockCount())
                .append(",frm_size:").append(r.frameSize()).append(",frm_nr:").append(r.frameCount())
                .append(",tmo:").append(r.retireTimeout()).append(",features:0x").append(Long.toHexString(r.features())).append(')');
    }

    SsLine netlink(NetlinkSocket s) {
        long rq = s.memInfo() == null ? 0 : s.memInfo().rmemAlloc(), wq = s.memInfo() == null ? 0 : s.memInfo().wmemAlloc();
        boolean connected = s.state() == SocketState.ESTABLISHED.code();
        String[] cells = {SsTable.NETLINK.netid(), SocketState.of(s.state()).ssName(), Long.toString(rq), Long.toString(wq),
            s.protocol() + ":" + s.portId(), connected ? s.peerGroup() + ":" + s.peerPortId() : "*"};
        // ss 6.1 prints no users for netlink sockets, and zeros for the kernel pointers it once showed
        StringBuilder tail = new StringBuilder();
        if (args.extended()) {
            long groups = s.groups() == null || s.groups().length == 0 ? 0 : s.groups()[0];
            tail.append(" sk=0 cb=0 groups=0x").append(String.format("%08x", groups));
        }
        if (args.memory() && s.memInfo() != null) tail.append(' ').append(s.memInfo().ssText());
        return new SsLine(cells, tail.toString(), null);
    }
}
