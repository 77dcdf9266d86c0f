package dev.ffsock.cli;

import static dev.ffsock.cli.SsCompareNetns.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code ffsock sockets FILTER} against {@code ss FILTER} in a namespace holding only the test's
 * sockets (TCP listeners and connections over IPv4, IPv6 and IPv4-mapped IPv6, a TIME-WAIT, UDP):
 * the same lines for every state word and expression form ss takes. The kernel audits the bytecode
 * (EINVAL for a bad jump), so each filter listed here is also bytecode the kernel accepted.
 */
class SsFilterCompareTest {
    @Test
    void filtersListWhatSsLists() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("ssfilter")) {
            Socket l1 = n.listen(SockAddrIn.loopback(0), Domain.AF_INET);
            Socket l2 = n.listen(SockAddrIn.of("10.1.2.3", 0), Domain.AF_INET);
            Socket dual = n.socket(Domain.AF_INET6, Type.STREAM);
            dual.setsockoptInt(41, 26, 0);
            dual.bind(SockAddrIn6.any(0));
            dual.listen(4);
            Socket l6 = n.socket(Domain.AF_INET6, Type.STREAM);
            l6.setsockoptInt(41, 26, 1);
            l6.bind(SockAddrIn6.loopback(0));
            l6.listen(4);
            int p1 = port(l1), p2 = port(l2), pd = port(dual), p6 = port(l6);
            n.connect(l1, SockAddrIn.loopback(p1), Domain.AF_INET);
            n.connect(l2, SockAddrIn.of("10.1.2.3", p2), Domain.AF_INET);
            n.connect(dual, SockAddrIn.loopback(pd), Domain.AF_INET);
            n.connect(l6, SockAddrIn6.loopback(p6), Domain.AF_INET6);
            Socket[] tw = n.connect(l1, SockAddrIn.loopback(p1), Domain.AF_INET);
            tw[0].close();
            tw[1].close();
            Socket u = n.socket(Domain.AF_INET, Type.DGRAM);
            u.bind(SockAddrIn.loopback(0));
            Socket marked = n.socket(Domain.AF_INET, Type.DGRAM);
            marked.setsockoptInt(1, 36, 0x42); // SO_MARK
            marked.setsockopt(dev.ffsock.SockOpt.SO_BINDTODEVICE, "lo");
            marked.bind(SockAddrIn.of("10.1.2.3", 0));
            Socket uc = n.socket(Domain.AF_INET, Type.DGRAM);
            uc.connect(SockAddrIn.loopback(port(u)));
            waitForTimeWait(n);

            String P1 = ":" + p1, P2 = ":" + p2, PD = ":" + pd, P6 = ":" + p6;
            List<String> filters = List.of(
                    "",
                    "state established", "state listening", "exclude listening", "state connected",
                    "state synchronized", "state bucket", "state big", "state time-wait", "state unconnected",
                    "state all", "state established state listening", "exclude established exclude time-wait",
                    "dst 127.0.0.1", "src 10.0.0.0/8", "src 127.0.0.1" + P1, "dst 10.1.2.3/32",
                    "dport = " + P1, "dport == " + P2, "dport eq " + P1, "dport != " + P1, "sport = " + P1,
                    "sport >= " + P2, "sport <= " + P2, "sport > " + P2, "sport < " + P2,
                    "dport ge " + P6, "dport gt " + PD, "sport lt " + PD, "sport le " + PD,
                    "not dst 127.0.0.1", "! src 10.1.2.3",
                    "( sport = " + P1 + " or dport = " + P1 + " )", "sport = " + P1 + " or dport = " + P1,
                    "state established ( sport = " + P1 + " or dport = " + P1 + " )",
                    "src 127.0.0.1 and not dport = " + P1, "dst 127.0.0.1 || dst 10.1.2.3 && sport > " + P2,
                    "not ( src 127.0.0.1 or src 10.1.2.3 )", "src [::1]", "dst [::1]", "src [::1]" + P6,
                    "dst [::ffff:127.0.0.1]", "src [::ffff:127.0.0.1]" + PD, "src *" + PD, "src 0.0.0.0/0",
                    "dst 127.0.0.1" + P1 + " or src [::1]" + P6 + " or dport = " + PD,
                    "exclude time-wait not ( not sport = " + P1 + " and not sport = " + P2 + " )",
                    "dev = lo", "dev != lo", "dev = 1 or dport = " + P1, "fwmark = 0x42", "fwmark = 0x40/0xf0",
                    "fwmark != 0x42", "autobound", "not autobound");
            int nonEmpty = 0;
            for (String f : filters) {
                List<String> args = new ArrayList<>(List.of("-t", "-u", "-a", "-H"));
                if (!f.isEmpty()) args.addAll(List.of(f.split(" ")));
                List<List<String>> theirs = sorted(SsCompareNetns.lines(n.ss(args)));
                List<List<String>> mine = sorted(SsCompareNetns.lines(n.ffsock(args)));
                assertEquals(theirs, mine, "filter: " + f);
                if (!mine.isEmpty()) nonEmpty++;
            }
            assertTrue(nonEmpty > filters.size() * 3 / 4, "most filters select something: " + nonEmpty);
            assertFalse(sorted(SsCompareNetns.lines(n.ffsock(List.of("-t", "-a", "-H", "state", "time-wait")))).isEmpty(),
                    "the TIME-WAIT socket is listed");
        }
    }

    /** The closed connection's client side goes to TIME-WAIT once the peer's FIN is processed. */
    private static void waitForTimeWait(SsCompareNetns n) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (n.ss(List.of("-t", "-H", "state", "time-wait")).contains(":")) return;
            Thread.sleep(50);
        }
        throw new AssertionError("no TIME-WAIT socket after 5 s");
    }

    private static List<List<String>> sorted(List<List<String>> l) {
        List<List<String>> r = new ArrayList<>(l);
        r.sort(Comparator.comparing(Object::toString));
        return r;
    }
}
