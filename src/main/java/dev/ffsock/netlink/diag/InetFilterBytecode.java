package dev.ffsock.netlink.diag;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Compiles an {@link InetFilter} to inet_diag bytecode the way {@code ss} does (ssfilter_bytecompile).
 *
 * <p>Each op is {@code struct inet_diag_bc_op} (code u8, yes u8, no u16, host order); the kernel
 * moves {@code yes} bytes ahead when the op holds and {@code no} bytes when it does not, and keeps
 * the socket when it lands exactly on the end. Every fragment compiled here keeps that shape: it
 * accepts by running off its end and rejects by jumping to its end + 4. And patches the left
 * side's rejects to the right side's reject; or puts a JMP between the two that skips the right
 * side; not appends a JMP that turns "ran off the end" into "end + 4" and the reverse.
 */
final class InetFilterBytecode {
    private static final int OP = 4;
    private static final int HOSTCOND = 8;
    private static final int AF_UNSPEC = 0, AF_INET = 2, AF_INET6 = 10;
    private static final int MAX = 0xffff - 4;

    private InetFilterBytecode() {
    }

    static byte[] compile(InetFilter f) {
        byte[] b = fragment(f);
        if (b.length > MAX) throw new IllegalArgumentException("filter bytecode of " + b.length + " bytes exceeds " + MAX);
        return b;
    }

    private static byte[] fragment(InetFilter f) {
        return switch (f) {
            case InetFilter.Port p -> {
                int code = switch (p.compare()) {
                    case EQ -> p.source() ? SockDiag.INET_DIAG_BC_S_EQ : SockDiag.INET_DIAG_BC_D_EQ;
                    case GE -> p.source() ? SockDiag.INET_DIAG_BC_S_GE : SockDiag.INET_DIAG_BC_D_GE;
                    case LE -> p.source() ? SockDiag.INET_DIAG_BC_S_LE : SockDiag.INET_DIAG_BC_D_LE;
                };
                yield ops(buf(8).put(op(code, 8, 12)).put(op(0, 0, p.port())));
            }
            case InetFilter.Host h -> {
                int alen = h.address() == null ? 0 : h.address() instanceof Inet4Address ? 4 : 16;
                int family = h.address() == null ? AF_UNSPEC : alen == 4 ? AF_INET : AF_INET6;
                int len = OP + HOSTCOND + alen;
                ByteBuffer b = buf(len).put(op(h.source() ? SockDiag.INET_DIAG_BC_S_COND : SockDiag.INET_DIAG_BC_D_COND, len, len + 4));
                b.put((byte) family).put((byte) h.prefixLength()).putShort((short) 0).putInt(h.port());
                if (h.address() != null) b.put(h.address().getAddress());
                yield ops(b);
            }
            case InetFilter.Device d -> ops(buf(8).put(op(SockDiag.INET_DIAG_BC_DEV_COND, 8, 12)).putInt(d.interfaceIndex()));
            case InetFilter.Mark m -> ops(buf(12).put(op(SockDiag.INET_DIAG_BC_MARK_COND, 12, 16)).putInt(m.mark()).putInt(m.mask()));
            case InetFilter.AutoBound a -> ops(buf(4).put(op(SockDiag.INET_DIAG_BC_AUTO, 4, 8)));
            case InetFilter.And a -> {
                byte[] l = fragment(a.left()), r = fragment(a.right());
                patch(l, r.length);
                yield concat(l, new byte[0], r);
            }
            case InetFilter.Or o -> {
                byte[] l = fragment(o.left()), r = fragment(o.right());
                yield concat(l, op(SockDiag.INET_DIAG_BC_JMP, 4, r.length + 4), r);
            }
            case InetFilter.Not n -> concat(fragment(n.inner()), op(SockDiag.INET_DIAG_BC_JMP, 4, 8), new byte[0]);
        };
    }

    /** Moves every "reject" jump of {@code a} (to its end + 4) past {@code reloc} more bytes (ssfilter_patch). */
    private static void patch(byte[] a, int reloc) {
        ByteBuffer b = ByteBuffer.wrap(a).order(ByteOrder.nativeOrder());
        int pos = 0;
        while (pos < a.length) {
            int yes = Byte.toUnsignedInt(b.get(pos + 1));
            int no = Short.toUnsignedInt(b.getShort(pos + 2));
            if (no == a.length - pos + 4) b.putShort(pos + 2, (short) check(no + reloc));
            pos += yes;
        }
    }

    private static byte[] op(int code, int yes, int no) {
        return buf(4).put((byte) code).put((byte) yes).putShort((short) check(no)).array();
    }

    private static int check(int jump) {
        if (jump > MAX) throw new IllegalArgumentException("filter bytecode jump of " + jump + " bytes exceeds " + MAX);
        return jump;
    }

    private static ByteBuffer buf(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.nativeOrder());
    }

    private static byte[] ops(ByteBuffer b) {
        return b.array();
    }

    private static byte[] concat(byte[] a, byte[] mid, byte[] c) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(a.length + mid.length + c.length);
        o.writeBytes(a);
        o.writeBytes(mid);
        o.writeBytes(c);
        if (o.size() > MAX) throw new IllegalArgumentException("filter bytecode of " + o.size() + " bytes exceeds " + MAX);
        return o.toByteArray();
    }
}
