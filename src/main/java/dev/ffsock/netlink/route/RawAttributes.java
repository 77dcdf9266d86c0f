package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.Netlink;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.lang.foreign.ValueLayout;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The attributes a decoder kept uninterpreted, held as one copy of their bytes (headers included,
 * back to back) and turned into {@link RawAttribute}s only when the list is first read. A link
 * message carries dozens of attributes ffsock does not type; copying each into its own object cost
 * more than the rest of the decoding. Immutable.
 */
final class RawAttributes extends AbstractList<RawAttribute> implements RandomAccess {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.nativeOrder());

    private final byte[] run;
    private final int count;
    private RawAttribute[] parsed;

    private RawAttributes(byte[] run, int count) {
        this.run = run;
        this.count = count;
    }

    @Override
    public RawAttribute get(int index) {
        return parsed()[index];
    }

    @Override
    public int size() {
        return count;
    }

    private RawAttribute[] parsed() {
        RawAttribute[] p = parsed;
        if (p == null) {
            p = new RawAttribute[count];
            MemorySegment s = MemorySegment.ofArray(run);
            int off = 0;
            for (int i = 0; i < count; i++) {
                int len = Short.toUnsignedInt(s.get(U16, off));
                int type = Short.toUnsignedInt(s.get(U16, off + 2)) & Netlink.NLA_TYPE_MASK;
                p[i] = new RawAttribute(type, Arrays.copyOfRange(run, off + Netlink.NLA_HDRLEN, off + len));
                off += (len + 3) & ~3;
            }
            parsed = p;
        }
        return p;
    }

    /**
     * Collects kept attributes for one message at a time; reusable, so a dump allocates only each
     * message's final copy. Not thread-safe.
     */
    static final class Builder {
        private byte[] buf = new byte[512];
        private int size;
        private int count;

        /** Appends the cursor's current attribute (header and value, padded to 4). */
        void keep(Attributes a) {
            int len = Netlink.NLA_HDRLEN + a.length();
            int padded = (len + 3) & ~3;
            if (size + padded > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + padded));
            SHORTS.set(buf, size, (short) len);
            SHORTS.set(buf, size + 2, (short) a.type());
            a.copyValue(buf, size + Netlink.NLA_HDRLEN);
            Arrays.fill(buf, size + len, size + padded, (byte) 0);
            size += padded;
            count++;
        }

        /** Forgets what was kept (a decode that failed half-way leaves nothing behind). */
        void clear() {
            size = 0;
            count = 0;
        }

        /** {@return the attributes kept since the last call, as an immutable list; the builder is then empty} */
        List<RawAttribute> take() {
            if (count == 0) return List.of();
            RawAttributes r = new RawAttributes(Arrays.copyOf(buf, size), count);
            size = 0;
            count = 0;
            return r;
        }
    }
}
