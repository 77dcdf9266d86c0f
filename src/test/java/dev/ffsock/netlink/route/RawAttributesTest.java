package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Links keep their uninterpreted attributes in one copy; the list reads as the per-attribute copies did. */
class RawAttributesTest {

    private static byte[] link(String name, int... unknownLengths) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(Rtnl.RTM_NEWLINK, 0);
            b.putU8(0).putU8(0).putU16(1).putU32(7).putU32(0).putU32(0);
            b.attrString(Rtnl.IFLA_IFNAME, name);
            int t = 900;
            for (int len : unknownLengths) {
                byte[] v = new byte[len];
                for (int i = 0; i < len; i++) v[i] = (byte) (t + i);
                b.attrBytes(t++, v);
            }
            b.attrU32(Rtnl.IFLA_MTU, 1500);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage msg(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    @Test
    void readerKeepsEachLinksOwnRawAttributesAcrossMessages() {
        LinkCodec.Reader reader = new LinkCodec.Reader();
        Link a = reader.decode(msg(link("a", 1, 5, 0, 8)));
        Link b = reader.decode(msg(link("b", 3)));
        Link none = reader.decode(msg(link("c")));
        assertEquals(List.of(new RawAttribute(900, new byte[] {(byte) 900}),
                new RawAttribute(901, new byte[] {(byte) 901, (byte) 902, (byte) 903, (byte) 904, (byte) 905}),
                new RawAttribute(902, new byte[0]),
                new RawAttribute(903, new byte[] {(byte) 903, (byte) 904, (byte) 905, (byte) 906, (byte) 907,
                    (byte) 908, (byte) 909, (byte) 910})), a.raw());
        assertEquals(List.of(new RawAttribute(900, new byte[] {(byte) 900, (byte) 901, (byte) 902})), b.raw());
        assertEquals(List.of(), none.raw());
        assertEquals(1500, a.mtu());
        assertEquals(a, LinkCodec.decode(msg(link("a", 1, 5, 0, 8))));
        assertEquals(a.raw().hashCode(), LinkCodec.decode(msg(link("a", 1, 5, 0, 8))).raw().hashCode());
        assertThrows(UnsupportedOperationException.class, () -> a.raw().add(new RawAttribute(1, new byte[0])));
    }

    @Test
    void aFailedDecodeLeavesNothingForTheNext() {
        byte[] bad = link("x", 4, 4);
        // the second unknown attribute claims more bytes than remain
        int second = 16 + 16 + 8 + 8;
        MemorySegment.ofArray(bad).set(ValueLayout.JAVA_SHORT_UNALIGNED, second, (short) 200);
        LinkCodec.Reader reader = new LinkCodec.Reader();
        assertThrows(NetlinkFormatException.class, () -> reader.decode(msg(bad)));
        assertEquals(List.of(), reader.decode(msg(link("y"))).raw());
    }

    @Test
    void copyValueCopiesTheCurrentValue() {
        Attributes a = msg(link("z", 6)).attributes(16);
        a.next();
        a.next();
        byte[] out = new byte[8];
        a.copyValue(out, 2);
        assertEquals(List.of(0, 0, 900 & 0xff, 901 & 0xff, 902 & 0xff, 903 & 0xff, 904 & 0xff, 905 & 0xff),
                java.util.stream.IntStream.range(0, 8).map(i -> out[i] & 0xff).boxed().toList());
    }
}
