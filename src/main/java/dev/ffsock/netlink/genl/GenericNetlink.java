package dev.ffsock.netlink.genl;

import dev.ffsock.Errno;
import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.NetlinkFormatException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A NETLINK_GENERIC connection and its controller, nlctrl ({@link Genl#GENL_ID_CTRL}): resolves
 * families by name or id and lists them all. Other families' clients ({@link GenlFamilyClient})
 * can share its connection.
 * {@snippet :
 * try (GenericNetlink genl = GenericNetlink.open()) {
 *     GenlFamily f = genl.family("nlctrl");   // NetlinkException ENOENT if absent
 *     for (GenlFamily each : genl.families()) System.out.println(each.id() + " " + each.name());
 * }
 * }
 */
public final class GenericNetlink extends GenlFamilyClient implements AutoCloseable {
    /** The controller's version ({@code genl_ctrl.version}). */
    public static final int CTRL_VERSION = 2;

    private GenericNetlink(NetlinkConnection conn) {
        super(conn, "nlctrl", Genl.GENL_ID_CTRL, CTRL_VERSION, 0);
    }

    /**
     * {@return a connection in this process's network namespace}
     *
     * @throws IOException if {@code socket(AF_NETLINK, …)} or {@code bind} fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public static GenericNetlink open() throws IOException {
        return new GenericNetlink(NetlinkConnection.open(Netlink.NETLINK_GENERIC));
    }

    /**
     * {@return a connection in the named network namespace ({@code /run/netns/NAME}); null means this process's}
     *
     * @param namespace the network namespace's name, as {@code ip netns add NAME} made it (a file under
     *     {@code /run/netns})
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static GenericNetlink open(String namespace) throws IOException {
        return new GenericNetlink(NetlinkConnection.open(Netlink.NETLINK_GENERIC, namespace));
    }

    @Override
    protected String commandName(int cmd) {
        return switch (cmd) {
            case Genl.CTRL_CMD_GETFAMILY -> "CTRL_CMD_GETFAMILY";
            case Genl.CTRL_CMD_GETPOLICY -> "CTRL_CMD_GETPOLICY";
            default -> super.commandName(cmd);
        };
    }

    /**
     * Looks a family up by name.
     *
     * @param name the family's name ({@code nl80211}, {@code devlink}, …), as {@code genl ctrl list} shows it
     * @throws NetlinkException ENOENT, named {@code generic netlink family "NAME"}, if the kernel has none
     *         (its module may not be loaded: the kernel does not load modules for a lookup from another netns)
     * @return the family, with its id, version, operations and multicast groups
     */
    public GenlFamily family(String name) throws IOException {
        if (name.isEmpty() || name.indexOf('\0') >= 0) throw new IllegalArgumentException("bad family name '" + name + "'");
        return one("\"" + name + "\"", () -> request(Genl.CTRL_CMD_GETFAMILY,
                w -> w.attrString(Genl.CTRL_ATTR_FAMILY_NAME, name), GenericNetlink::decode));
    }

    /**
     * Looks a family up by id ({@code CTRL_CMD_GETFAMILY}; {@code genl ctrl get id ID}).
     *
     * @param id the family's id (the message type its requests use)
     * @throws NetlinkException ENOENT if no family has that id
     * @return the family, with its id, version, operations and multicast groups
     */
    public GenlFamily family(int id) throws IOException {
        return one("id " + id, () -> request(Genl.CTRL_CMD_GETFAMILY,
                w -> w.attrU16(Genl.CTRL_ATTR_FAMILY_ID, id), GenericNetlink::decode));
    }

    /**
     * {@return every registered family, in the kernel's order (by id): {@code genl ctrl list}}
     *
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<GenlFamily> families() throws IOException {
        return dump(Genl.CTRL_CMD_GETFAMILY, null, GenericNetlink::decode);
    }

    private interface Lookup {
        List<GenlFamily> run() throws IOException;
    }

    private static GenlFamily one(String what, Lookup lookup) throws IOException {
        List<GenlFamily> found;
        try {
            found = lookup.run();
        } catch (NetlinkException e) {
            NetlinkException r = new NetlinkException("generic netlink family " + what, e.errno(), e.extAck());
            r.initCause(e);
            throw r;
        }
        if (found.size() != 1) {
            throw new NetlinkException("generic netlink family " + what + " (" + found.size() + " answers)", Errno.EPROTO, null);
        }
        return found.getFirst();
    }

    /** Decodes a CTRL_CMD_NEWFAMILY message. */
    static GenlFamily decode(GenlMessage m) {
        String name = null;
        int id = -1, version = 0, hdrSize = 0, maxAttr = 0;
        List<GenlOperation> ops = new ArrayList<>();
        List<GenlMulticastGroup> groups = new ArrayList<>();
        Attributes a = m.attributes();
        while (a.next()) {
            switch (a.type()) {
                case Genl.CTRL_ATTR_FAMILY_NAME -> name = a.string();
                case Genl.CTRL_ATTR_FAMILY_ID -> id = a.u16();
                case Genl.CTRL_ATTR_VERSION -> version = a.u32();
                case Genl.CTRL_ATTR_HDRSIZE -> hdrSize = a.u32();
                case Genl.CTRL_ATTR_MAXATTR -> maxAttr = a.u32();
                case Genl.CTRL_ATTR_OPS -> {
                    Attributes list = a.nested();
                    while (list.next()) {
                        Attributes op = list.nested();
                        int opId = -1, flags = 0;
                        while (op.next()) {
                            if (op.type() == Genl.CTRL_ATTR_OP_ID) opId = op.u32();
                            else if (op.type() == Genl.CTRL_ATTR_OP_FLAGS) flags = op.u32();
                        }
                        if (opId >= 0) ops.add(new GenlOperation(opId, flags));
                    }
                }
                case Genl.CTRL_ATTR_MCAST_GROUPS -> {
                    Attributes list = a.nested();
                    while (list.next()) {
                        Attributes g = list.nested();
                        String gName = null;
                        int gId = -1;
                        while (g.next()) {
                            if (g.type() == Genl.CTRL_ATTR_MCAST_GRP_NAME) gName = g.string();
                            else if (g.type() == Genl.CTRL_ATTR_MCAST_GRP_ID) gId = g.u32();
                        }
                        if (gName != null && gId >= 0) groups.add(new GenlMulticastGroup(gName, gId));
                    }
                }
                default -> { }
            }
        }
        if (name == null || id < 0) {
            throw new NetlinkFormatException("controller reply without family name or id", m.message().offset());
        }
        if (hdrSize < 0) throw new NetlinkFormatException("negative family header size " + hdrSize, m.message().offset());
        return new GenlFamily(name, id, version, hdrSize, maxAttr, ops, groups);
    }

    /** Closes the connection (shared clients stop working too). Idempotent. */
    @Override
    public void close() {
        connection().close();
    }
}
