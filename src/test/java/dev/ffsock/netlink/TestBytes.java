package dev.ffsock.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/** Helpers for writing netlink bytes by hand in tests (host byte order, as on the wire). */
final class TestBytes {
    private TestBytes() {
    }

    /** A host-order buffer for hand-assembling messages. */
    static ByteBuffer buf(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.nativeOrder());
    }

    /** The bytes written so far into {@code b}, as a heap segment. */
    static MemorySegment seg(ByteBuffer b) {
        byte[] a = new byte[b.position()];
        b.duplicate().flip().get(a);
        return MemorySegment.ofArray(a);
    }

    static MemorySegment seg(byte... b) {
        return MemorySegment.ofArray(b);
    }

    static byte[] bytes(MemorySegment s) {
        return s.toArray(ValueLayout.JAVA_BYTE);
    }

    static String hex(MemorySegment s) {
        return HexFormat.of().formatHex(bytes(s));
    }

    /** Writes a {@code struct nlmsghdr}. */
    static ByteBuffer header(ByteBuffer b, int len, int type, int flags, int seq, int pid) {
        return b.putInt(len).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    }

    /** Writes a {@code struct nlattr} header. */
    static ByteBuffer attr(ByteBuffer b, int len, int type) {
        return b.putShort((short) len).putShort((short) type);
    }
}
