package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.netfilter.ConntrackCounters;
import dev.ffsock.netlink.netfilter.ConntrackExpectation;
import dev.ffsock.netlink.netfilter.Ctnetlink;
import dev.ffsock.netlink.netfilter.ConntrackEntry;
import dev.ffsock.netlink.netfilter.ConntrackEvent;
import dev.ffsock.netlink.netfilter.ConntrackStatus;
import dev.ffsock.netlink.netfilter.ConntrackTuple;

/**
 * Formats conntrack entries as {@code conntrack -L} (and {@code -E}, {@code -o extended,id})
 * prints them: every field the kernel sent, in conntrack's order, space-separated.
 */
final class ConntrackFormat {
    private ConntrackFormat() {
    }

    /**
     * {@return the line of an entry}
     *
     * @param e        the entry
     * @param event    the event type for {@code -E} lines, or null for {@code -L}
     * @param extended with the layer-3 family first ({@code -o extended})
     * @param id       with the entry's id last ({@code -o id})
     */
    static String line(ConntrackEntry e, ConntrackEvent.Type event, boolean extended, boolean id) {
        return line(e, event, extended, id, 0);
    }

    /**
     * {@return the line of an event: as {@link #line(ConntrackEntry, ConntrackEvent.Type, boolean, boolean)},
     * with {@code [USERSPACE] portid=N} when a process's request made the change}
     *
     * @param e        the event
     * @param extended with the layer-3 family first ({@code -o extended})
     * @param id       with the entry's id last ({@code -o id})
     */
    static String line(ConntrackEvent e, boolean extended, boolean id) {
        return line(e.entry(), e.type(), extended, id, e.portId());
    }

    private static String line(ConntrackEntry e, ConntrackEvent.Type event, boolean extended, boolean id, long portId) {
        StringBuilder sb = new StringBuilder();
        if (event != null) sb.append(String.format("%9s ", "[" + event.name() + "]"));
        if (extended) sb.append(String.format("%-8s %d ", l3Name(e.family()), e.family()));
        int proto = Math.max(e.protocol(), 0);
        sb.append(String.format("%-8s %d ", l4Name(proto), proto));
        if (e.timeout() >= 0) sb.append(e.timeout()).append(' ');
        if (e.tcpState() != null) sb.append(e.tcpState().name()).append(' ');
        tuple(sb, e.original(), e.originalCounters(), "orig");
        if (e.status() >= 0 && !e.has(ConntrackStatus.SEEN_REPLY)) sb.append("[UNREPLIED] ");
        tuple(sb, e.reply(), e.replyCounters(), "reply");
        if (e.has(ConntrackStatus.ASSURED)) sb.append("[ASSURED] ");
        if (e.has(ConntrackStatus.OFFLOAD)) sb.append("[OFFLOAD] ");
        if (e.has(ConntrackStatus.HW_OFFLOAD)) sb.append("[HW_OFFLOAD] ");
        if (e.mark() >= 0) sb.append("mark=").append(e.mark()).append(' ');
        if (e.zone() >= 0) sb.append("zone=").append(e.zone()).append(' ');
        if (e.helper() != null) sb.append("helper=").append(e.helper()).append(' ');
        if (e.use() >= 0) sb.append("use=").append(e.use()).append(' ');
        if (id && e.id() >= 0) sb.append("id=").append(e.id()).append(' ');
        if (portId != 0) sb.append("[USERSPACE] portid=").append(portId).append(' ');
        return sb.toString().stripTrailing();
    }

    /**
     * {@return the line of an expectation, as {@code conntrack -L expect} prints it}
     *
     * @param x the expectation
     */
    static String line(ConntrackExpectation x) {
        StringBuilder sb = new StringBuilder();
        if (x.timeout() >= 0) sb.append(x.timeout()).append(' ');
        if (x.tuple() != null) {
            sb.append("proto=").append(x.tuple().protocol()).append(' ');
            addresses(sb, x.tuple(), "src=", "dst=");
        }
        if (x.mask() != null) addresses(sb, x.mask(), "mask-src=", "mask-dst=");
        if (x.master() != null) addresses(sb, x.master(), "master-src=", "master-dst=");
        if (x.zone() >= 0) sb.append("zone=").append(x.zone()).append(' ');
        if (x.flags() > 0) {
            if ((x.flags() & Ctnetlink.NF_CT_EXPECT_PERMANENT) != 0) sb.append("PERMANENT ");
            if ((x.flags() & Ctnetlink.NF_CT_EXPECT_INACTIVE) != 0) sb.append("INACTIVE ");
            if ((x.flags() & Ctnetlink.NF_CT_EXPECT_USERSPACE) != 0) sb.append("USERSPACE ");
        }
        if (x.expectClass() >= 0) sb.append("class=").append(x.expectClass()).append(' ');
        if (x.helper() != null) sb.append("helper=").append(x.helper()).append(' ');
        return sb.toString().stripTrailing();
    }

    private static void tuple(StringBuilder sb, ConntrackTuple t, ConntrackCounters c, String dir) {
        if (t == null) return;
        addresses(sb, t, "src=", "dst=");
        if (t.zone() >= 0) sb.append("zone-").append(dir).append('=').append(t.zone()).append(' ');
        if (c != null) sb.append("packets=").append(Long.toUnsignedString(c.packets()))
                .append(" bytes=").append(Long.toUnsignedString(c.bytes())).append(' ');
    }

    private static void addresses(StringBuilder sb, ConntrackTuple t, String src, String dst) {
        sb.append(src).append(InetText.format(t.source())).append(' ').append(dst).append(InetText.format(t.destination())).append(' ');
        if (t.sourcePort() >= 0) sb.append("sport=").append(t.sourcePort()).append(' ');
        if (t.destinationPort() >= 0) sb.append("dport=").append(t.destinationPort()).append(' ');
        if (t.icmpType() >= 0) sb.append("type=").append(t.icmpType()).append(' ');
        if (t.icmpCode() >= 0) sb.append("code=").append(t.icmpCode()).append(' ');
        if (t.icmpId() >= 0) sb.append("id=").append(t.icmpId()).append(' ');
    }

    /** {@return conntrack's name of a layer-3 family} */
    static String l3Name(int family) {
        return switch (family) {
            case 2 -> "ipv4";
            case 10 -> "ipv6";
            default -> "unknown";
        };
    }

    /** {@return conntrack's name of a layer-4 protocol} */
    static String l4Name(int proto) {
        return switch (proto) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 33 -> "dccp";
            case 47 -> "gre";
            case 58 -> "icmpv6";
            case 132 -> "sctp";
            case 136 -> "udplite";
            default -> "unknown";
        };
    }

    /**
     * {@return the protocol number of a name conntrack's {@code -p} takes, or of a number}
     *
     * @param s the name or number
     * @throws UsageException if it is neither
     */
    static int protocol(String s) throws UsageException {
        for (int p = 0; p < 256; p++) if (!l4Name(p).equals("unknown") && l4Name(p).equals(s)) return p;
        if (s.equals("ipv6-icmp")) return 58;
        try {
            int p = Integer.parseInt(s);
            if (p >= 0 && p <= 255) return p;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("unknown protocol '" + s + "': tcp, udp, icmp, icmpv6, sctp, dccp, gre, udplite or 0..255");
    }
}
