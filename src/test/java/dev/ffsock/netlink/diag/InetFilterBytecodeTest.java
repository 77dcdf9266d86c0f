package dev.ffsock.netlink.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;

/**
 * The bytecode run by a Java copy of the kernel's inet_diag_bc_run and checked by a copy of its audit
 * (net/ipv4/inet_diag.c), on random filters and sockets: the program's verdict is the filter's
 * meaning, evaluated directly. The kernel itself runs the same programs in SsFilterCompareTest.
 */
class InetFilterBytecodeTest {
    /** A socket as the bytecode sees it. */
    record Entry(int sport, int dport, byte[] saddr, byte[] daddr, int ifindex, int mark, boolean autobound) {
    }

    /** inet_diag_bc_run: true when the program ends exactly at its end. */
    static boolean run(byte[] bc, Entry e) {
        ByteBuffer b = ByteBuffer.wrap(bc).order(ByteOrder.nativeOrder());
        int pos = 0, len = bc.length;
        while (len > 0) {
            int code = b.get(pos) & 0xff, yes = b.get(pos + 1) & 0xff, no = b.getShort(pos + 2) & 0xffff;
            boolean ok = true;
            switch (code) {
                case SockDiag.INET_DIAG_BC_NOP -> { }
                case SockDiag.INET_DIAG_BC_JMP -> ok = false;
                case SockDiag.INET_DIAG_BC_S_EQ -> ok = e.sport == (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_S_GE -> ok = e.sport >= (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_S_LE -> ok = e.sport <= (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_D_EQ -> ok = e.dport == (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_D_GE -> ok = e.dport >= (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_D_LE -> ok = e.dport <= (b.getShort(pos + 6) & 0xffff);
                case SockDiag.INET_DIAG_BC_AUTO -> ok = e.autobound;
                case SockDiag.INET_DIAG_BC_S_COND, SockDiag.INET_DIAG_BC_D_COND -> {
                    boolean src = code == SockDiag.INET_DIAG_BC_S_COND;
                    int family = b.get(pos + 4) & 0xff, plen = b.get(pos + 5) & 0xff, port = b.getInt(pos + 8);
                    byte[] addr = src ? e.saddr : e.daddr;
                    if (port != -1 && port != (src ? e.sport : e.dport)) ok = false;
                    else if (family != 0 && (family == 2) != (addr.length == 4)) ok = false;
                    else if (plen != 0) ok = prefixMatch(addr, bc, pos + 12, plen);
                }
                case SockDiag.INET_DIAG_BC_DEV_COND -> ok = b.getInt(pos + 4) == e.ifindex;
                case SockDiag.INET_DIAG_BC_MARK_COND -> ok = (e.mark & b.getInt(pos + 8)) == b.getInt(pos + 4);
                default -> throw new AssertionError("op " + code);
            }
            int step = ok ? yes : no;
            len -= step;
            pos += step;
        }
        return len == 0;
    }

    private static boolean prefixMatch(byte[] a, byte[] bc, int off, int bits) {
        for (int i = 0; i < bits; i++) {
            int bit = 7 - (i % 8);
            if (((a[i / 8] >> bit) & 1) != ((bc[off + i / 8] >> bit) & 1)) return false;
        }
        return true;
    }

    /** inet_diag_bc_audit: every jump lands on an op or exactly at the end (yes) / end + 4 (no). */
    static void audit(byte[] bc) {
        ByteBuffer b = ByteBuffer.wrap(bc).order(ByteOrder.nativeOrder());
        java.util.Set<Integer> starts = new java.util.HashSet<>();
        int pos = 0;
        while (pos < bc.length) {
            starts.add(pos);
            int code = b.get(pos) & 0xff, yes = b.get(pos + 1) & 0xff, no = b.getShort(pos + 2) & 0xffff;
            int remaining = bc.length - pos;
            int min = switch (code) {
                case SockDiag.INET_DIAG_BC_S_COND, SockDiag.INET_DIAG_BC_D_COND -> {
                    int family = b.get(pos + 4) & 0xff;
                    yield 12 + (family == 2 ? 4 : family == 10 ? 16 : 0);
                }
                case SockDiag.INET_DIAG_BC_S_EQ, SockDiag.INET_DIAG_BC_S_GE, SockDiag.INET_DIAG_BC_S_LE,
                     SockDiag.INET_DIAG_BC_D_EQ, SockDiag.INET_DIAG_BC_D_GE, SockDiag.INET_DIAG_BC_D_LE,
                     SockDiag.INET_DIAG_BC_DEV_COND -> 8;
                case SockDiag.INET_DIAG_BC_MARK_COND -> 12;
                default -> 4;
            };
            assertTrue(yes >= min && yes <= remaining + 4 && yes % 4 == 0, "yes at " + pos);
            if (code != SockDiag.INET_DIAG_BC_NOP) {
                assertTrue(no >= min && no <= remaining + 4 && no % 4 == 0, "no at " + pos);
            }
            pos += yes;
        }
        // every 'no' target is an op, the end, or end + 4
        pos = 0;
        while (pos < bc.length) {
            int no = b.getShort(pos + 2) & 0xffff, target = pos + no;
            assertTrue(starts.contains(target) || target == bc.length || target == bc.length + 4, "jump target " + target);
            pos += b.get(pos + 1) & 0xff;
        }
    }

    /** The filter's meaning, evaluated directly. */
    static boolean eval(InetFilter f, Entry e) {
        return switch (f) {
            case InetFilter.Port p -> {
                int v = p.source() ? e.sport : e.dport;
                yield switch (p.compare()) {
                    case EQ -> v == p.port();
                    case GE -> v >= p.port();
                    case LE -> v <= p.port();
                };
            }
            case InetFilter.Host h -> {
                byte[] a = h.source() ? e.saddr : e.daddr;
                boolean portOk = h.port() == -1 || h.port() == (h.source() ? e.sport : e.dport);
                boolean famOk = h.address() == null || h.address().getAddress().length == a.length;
                yield portOk && famOk && (h.prefixLength() == 0
                        || prefixMatch(a, h.address().getAddress(), 0, h.prefixLength()));
            }
            case InetFilter.Device d -> d.interfaceIndex() == e.ifindex;
            case InetFilter.Mark m -> (e.mark & m.mask()) == m.mark();
            case InetFilter.AutoBound a -> e.autobound;
            case InetFilter.And a -> eval(a.left(), e) && eval(a.right(), e);
            case InetFilter.Or o -> eval(o.left(), e) || eval(o.right(), e);
            case InetFilter.Not n -> !eval(n.inner(), e);
        };
    }

    private static InetFilter random(Random r, int depth) throws Exception {
        int k = r.nextInt(depth <= 0 ? 5 : 8);
        return switch (k) {
            case 0 -> new InetFilter.Port(r.nextBoolean(), InetFilter.Compare.values()[r.nextInt(3)], r.nextInt(8));
            case 1 -> {
                byte[] a = new byte[r.nextBoolean() ? 4 : 16];
                a[0] = (byte) r.nextInt(2);
                yield new InetFilter.Host(r.nextBoolean(), InetAddress.getByAddress(a), r.nextInt(3) * 4, r.nextInt(3) - 1);
            }
            case 2 -> new InetFilter.Device(r.nextInt(3));
            case 3 -> new InetFilter.Mark(r.nextInt(4), r.nextInt(4));
            case 4 -> new InetFilter.AutoBound();
            case 5 -> new InetFilter.And(random(r, depth - 1), random(r, depth - 1));
            case 6 -> new InetFilter.Or(random(r, depth - 1), random(r, depth - 1));
            default -> new InetFilter.Not(random(r, depth - 1));
        };
    }

    @Test
    void programsMeanWhatTheFiltersSay() throws Exception {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            InetFilter f = random(r, 4);
            byte[] bc = f.bytecode();
            audit(bc);
            for (int j = 0; j < 20; j++) {
                byte[] s = new byte[r.nextBoolean() ? 4 : 16], d = new byte[s.length];
                s[0] = (byte) r.nextInt(2);
                d[0] = (byte) r.nextInt(2);
                Entry e = new Entry(r.nextInt(8), r.nextInt(8), s, d, r.nextInt(3), r.nextInt(4), r.nextBoolean());
                assertEquals(eval(f, e), run(bc, e), () -> "seed " + seed + ": " + f + " on " + e);
            }
        }
    }

    @Test
    void ssLayoutsForTheBasicForms() {
        // or: A; JMP {4, len(B)+4}; B
        byte[] or = InetFilter.dport(InetFilter.Compare.EQ, 80).or(InetFilter.sport(InetFilter.Compare.GE, 1024)).bytecode();
        assertEquals(20, or.length);
        ByteBuffer b = ByteBuffer.wrap(or).order(ByteOrder.nativeOrder());
        assertEquals(List.of(SockDiag.INET_DIAG_BC_D_EQ, 8, 12, 80), List.of((int) b.get(0), (int) b.get(1), (int) b.getShort(2), (int) b.getShort(6)));
        assertEquals(List.of(SockDiag.INET_DIAG_BC_JMP, 4, 12), List.of((int) b.get(8), (int) b.get(9), (int) b.getShort(10)));
        assertEquals(List.of(SockDiag.INET_DIAG_BC_S_GE, 8, 12, 1024), List.of((int) b.get(12), (int) b.get(13), (int) b.getShort(14), (int) b.getShort(18)));
        byte[] not = InetFilter.dport(InetFilter.Compare.EQ, 80).not().bytecode();
        assertArrayEquals(java.util.Arrays.copyOfRange(or, 0, 8), java.util.Arrays.copyOfRange(not, 0, 8));
        assertEquals(List.of(SockDiag.INET_DIAG_BC_JMP, 4, 8), List.of((int) not[8], (int) not[9],
                (int) ByteBuffer.wrap(not).order(ByteOrder.nativeOrder()).getShort(10)));
        // and: the left side's reject (its end + 4) moves to the whole program's end + 4
        byte[] and = InetFilter.dport(InetFilter.Compare.EQ, 80).and(InetFilter.sport(InetFilter.Compare.GE, 1)).bytecode();
        assertEquals(20, ByteBuffer.wrap(and).order(ByteOrder.nativeOrder()).getShort(2));
    }

    @Test
    void parserErrorsNameTheWord() {
        var e = assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("state", "nosuch"), x -> -1));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("dport", ">=", ":99999"), x -> -1));
        assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("(", "dport", "=", ":1"), x -> -1));
        assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("dst", "10.0.0.0/33"), x -> -1));
        assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("dev", "=", "nosuchdev"), x -> -1));
        assertThrows(IllegalArgumentException.class, () -> SsFilter.parse(List.of("bogus"), x -> -1));
        assertEquals(new SsFilter(SocketState.ALL, false, new InetFilter.Device(7)), SsFilter.parse(List.of("dev = eth0"), x -> 7));
        assertEquals(SocketState.ALL & ~SocketState.LISTEN.bit(), SsFilter.parse(List.of("exclude", "listening"), x -> -1).states());
    }
}
