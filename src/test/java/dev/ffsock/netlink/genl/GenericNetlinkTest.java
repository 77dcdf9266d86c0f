package dev.ffsock.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Errno;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/** The controller against this kernel's families, and the client base on a hand-written family. */
class GenericNetlinkTest {
    private static GenericNetlink genl;

    @BeforeAll
    static void open() throws IOException {
        genl = GenericNetlink.open();
    }

    @AfterAll
    static void close() {
        if (genl != null) genl.close();
    }

    @Test
    void nlctrlDescribesItself() throws IOException {
        GenlFamily f = genl.family("nlctrl");
        assertEquals("nlctrl", f.name());
        assertEquals(Genl.GENL_ID_CTRL, f.id());
        assertEquals(GenericNetlink.CTRL_VERSION, f.version());
        assertEquals(0, f.hdrSize());
        assertTrue(f.maxAttr() >= 0, "maxattr " + f.maxAttr()); // 0 where nlctrl has per-command policies
        GenlOperation get = f.operation(Genl.CTRL_CMD_GETFAMILY).orElseThrow();
        assertTrue(get.canDo() && get.canDump(), get::toString);
        assertFalse(get.needsAdmin());
        assertTrue(f.group("notify").isPresent(), f.groups()::toString);
        assertEquals(f, genl.family(Genl.GENL_ID_CTRL));
    }

    @Test
    void dumpListsEveryFamilyAndEachResolvesByName() throws IOException {
        List<GenlFamily> all = genl.families();
        assertTrue(all.stream().anyMatch(f -> f.id() == Genl.GENL_ID_CTRL && f.name().equals("nlctrl")), all::toString);
        assertEquals(all.size(), all.stream().map(GenlFamily::id).distinct().count(), "ids are unique");
        for (GenlFamily f : all) {
            GenlFamily byName = genl.family(f.name());
            assertEquals(f.id(), byName.id(), f.name());
            assertEquals(f.version(), byName.version(), f.name());
            assertEquals(f.operations(), byName.operations(), f.name());
            for (GenlMulticastGroup g : f.groups()) assertTrue(g.id() > 0 && !g.name().isEmpty(), g::toString);
        }
    }

    @Test
    void missingFamilyIsEnoentWithItsName() {
        NetlinkException e = assertThrows(NetlinkException.class, () -> genl.family("ffsock-no-such"));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().startsWith("generic netlink family \"ffsock-no-such\": ENOENT"), e.getMessage());
        NetlinkException byId = assertThrows(NetlinkException.class, () -> genl.family(1023));
        assertEquals(Errno.ENOENT, byId.errno());
        assertThrows(IllegalArgumentException.class, () -> genl.family(""));
    }

    /** A typed client written on the base: nlctrl's dump decoded by hand. */
    static final class CtrlNames extends GenlFamilyClient {
        CtrlNames(GenericNetlink genl) throws IOException {
            super(genl, "nlctrl", 2);
        }

        List<String> names() throws IOException {
            return dump(Genl.CTRL_CMD_GETFAMILY, null, m -> {
                assertEquals(Genl.CTRL_CMD_NEWFAMILY, m.cmd());
                var a = m.attributes();
                return a.find(Genl.CTRL_ATTR_FAMILY_NAME) ? a.string() : null;
            });
        }

        String nameOf(int id) throws IOException {
            return request(Genl.CTRL_CMD_GETFAMILY, w -> w.attrU16(Genl.CTRL_ATTR_FAMILY_ID, id), m -> {
                var a = m.attributes();
                return a.find(Genl.CTRL_ATTR_FAMILY_NAME) ? a.string() : null;
            }).getFirst();
        }

        void bogus() throws IOException {
            execute(200, 0, null);
        }
    }

    @Test
    void familyClientWritesTheGenlHeader() throws IOException {
        CtrlNames c = new CtrlNames(genl);
        assertEquals(Genl.GENL_ID_CTRL, c.familyId());
        assertEquals("nlctrl", c.familyName());
        assertEquals(genl.families().stream().map(GenlFamily::name).toList(), c.names());
        assertEquals("nlctrl", c.nameOf(Genl.GENL_ID_CTRL));
        NetlinkException e = assertThrows(NetlinkException.class, c::bogus);
        assertEquals(Errno.EOPNOTSUPP, e.errno());
        assertTrue(e.getMessage().startsWith("nlctrl command 200: EOPNOTSUPP"), e.getMessage());
    }

    private static NetlinkMessage build(java.util.function.Consumer<MessageBuilder> payload) {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(Genl.GENL_ID_CTRL, 0);
            payload.accept(b);
            b.end();
            return NetlinkMessage.parse(MemorySegment.ofArray(b.segment().toArray(ValueLayout.JAVA_BYTE)));
        }
    }

    @Test
    void decodesAHandBuiltFamilyAndRejectsBrokenOnes() {
        NetlinkMessage m = build(w -> {
            w.putU8(Genl.CTRL_CMD_NEWFAMILY).putU8(2).putU16(0);
            w.attrString(Genl.CTRL_ATTR_FAMILY_NAME, "demo");
            w.attrU16(Genl.CTRL_ATTR_FAMILY_ID, 30);
            w.attrU32(Genl.CTRL_ATTR_VERSION, 3);
            w.attrU32(Genl.CTRL_ATTR_HDRSIZE, 8);
            w.attrU32(Genl.CTRL_ATTR_MAXATTR, 12);
            int ops = w.beginNested(Genl.CTRL_ATTR_OPS);
            int op = w.beginNested(1);
            w.attrU32(Genl.CTRL_ATTR_OP_ID, 4).attrU32(Genl.CTRL_ATTR_OP_FLAGS, Genl.GENL_CMD_CAP_DUMP | Genl.GENL_ADMIN_PERM);
            w.endNested(op);
            w.endNested(ops);
            int groups = w.beginNested(Genl.CTRL_ATTR_MCAST_GROUPS);
            int g = w.beginNested(1);
            w.attrString(Genl.CTRL_ATTR_MCAST_GRP_NAME, "events").attrU32(Genl.CTRL_ATTR_MCAST_GRP_ID, 9);
            w.endNested(g);
            w.endNested(groups);
            w.attrU32(99, 1); // unknown: ignored
        });
        GenlFamily f = GenericNetlink.decode(new GenlMessage(m, 0));
        assertEquals(new GenlFamily("demo", 30, 3, 8, 12, List.of(new GenlOperation(4, Genl.GENL_CMD_CAP_DUMP | Genl.GENL_ADMIN_PERM)),
                List.of(new GenlMulticastGroup("events", 9))), f);
        assertTrue(f.operation(4).orElseThrow().needsAdmin());
        assertFalse(f.operation(4).orElseThrow().canDo());

        byte[] twoBytes = new byte[18];
        MemorySegment.ofArray(twoBytes).set(ValueLayout.JAVA_INT_UNALIGNED, 0, 18);
        NetlinkMessage shortMsg = NetlinkMessage.parse(MemorySegment.ofArray(twoBytes));
        assertThrows(NetlinkFormatException.class, () -> new GenlMessage(shortMsg, 0), "short genlmsghdr");
        assertThrows(NetlinkFormatException.class, () -> new GenlMessage(build(w -> w.putU32(0)), 4), "short family header");
        NetlinkMessage noName = build(w -> w.putU32(0).attrU16(Genl.CTRL_ATTR_FAMILY_ID, 30));
        assertThrows(NetlinkFormatException.class, () -> GenericNetlink.decode(new GenlMessage(noName, 0)));
        NetlinkMessage badId = build(w -> w.putU32(0).attrU32(Genl.CTRL_ATTR_FAMILY_ID, 30));
        assertThrows(NetlinkFormatException.class, () -> GenericNetlink.decode(new GenlMessage(badId, 0)), "u16 id of 4 bytes");
    }
}
