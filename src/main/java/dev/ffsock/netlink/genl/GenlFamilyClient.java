package dev.ffsock.netlink.genl;

import dev.ffsock.netlink.DumpInterruptedException;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.PayloadWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A base for typed clients of one generic netlink family: it knows the family's id, the version to
 * send and the size of its own header, writes {@code struct genlmsghdr} (cmd, version) before what
 * the encoder writes, and hands replies of its family to decoders as {@link GenlMessage}s.
 * Subclasses offer the family's commands as typed methods:
 * {@snippet :
 * final class Devlink extends GenlFamilyClient {
 *     Devlink(GenericNetlink genl) throws IOException { super(genl, "devlink", 1); }
 *     List<String> devices() throws IOException {
 *         return dump(1, null, m -> {
 *             Attributes a = m.attributes();
 *             return a.find(2) ? a.string() : null;   // DEVLINK_ATTR_BUS_NAME
 *         });
 *     }
 * }
 * }
 * Errors name the family and command: {@code devlink command 1: EOPNOTSUPP (Operation not supported)}.
 */
public abstract class GenlFamilyClient {
    /** Writes a request's family header and attributes after the genlmsghdr. */
    @FunctionalInterface
    public interface Encoder {
        /**
         * Writes the family header (if the family has one) and the attributes.
         *
         * @param w the writer, positioned after the genlmsghdr
         */
        void encode(PayloadWriter w);
    }

    /**
     * Turns one reply into an object; may return null to skip it.
     *
     * @param <T> what one reply decodes to
     */
    @FunctionalInterface
    public interface Decoder<T> {
        /**
         * Decodes one reply, valid only during the call.
         *
         * @param m the reply (its genlmsghdr and attributes)
         * @return the decoded object, or null to skip this reply
         * @throws IOException if the reply cannot be decoded (a
         *     {@link dev.ffsock.netlink.NetlinkFormatException} for malformed data)
         */
        T decode(GenlMessage m) throws IOException;
    }

    private final NetlinkConnection connection;
    private final String familyName;
    private final int familyId;
    private final int version;
    private final int hdrSize;

    /**
     * A client for a family whose id is known.
     *
     * @param connection a NETLINK_GENERIC connection (not closed by this client)
     * @param familyName for error messages
     * @param familyId   the family's id (message type)
     * @param version    the version written in each request
     * @param hdrSize    the family's header size after the genlmsghdr
     */
    protected GenlFamilyClient(NetlinkConnection connection, String familyName, int familyId, int version, int hdrSize) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.familyName = Objects.requireNonNull(familyName, "familyName");
        if (familyId < Genl.GENL_MIN_ID || familyId > 0xffff) throw new IllegalArgumentException("bad family id " + familyId);
        if (version < 0 || version > 255) throw new IllegalArgumentException("version must be 0..255: " + version);
        if (hdrSize < 0) throw new IllegalArgumentException("negative header size " + hdrSize);
        this.familyId = familyId;
        this.version = version;
        this.hdrSize = hdrSize;
    }

    /**
     * A client for a family resolved by name through the controller, on the controller's connection.
     *
     * @param genl a generic netlink connection, used to look the family up ({@code CTRL_CMD_GETFAMILY}) and
     *     for the requests
     * @param familyName the family's name, as {@code genl ctrl list} shows it
     * @param version the version written in each request's genlmsghdr
     * @throws NetlinkException ENOENT if the kernel has no such family
     */
    protected GenlFamilyClient(GenericNetlink genl, String familyName, int version) throws IOException {
        this(genl.connection(), genl.family(familyName), version);
    }

    private GenlFamilyClient(NetlinkConnection connection, GenlFamily family, int version) {
        this(connection, family.name(), family.id(), version, family.hdrSize());
    }

    /**
     * Makes a family client on a connection of its own.
     *
     * @param <T> the client's type
     */
    @FunctionalInterface
    protected interface Maker<T> {
        /**
         * Makes the client on {@code genl}, which it then owns.
         *
         * @param genl the new connection
         * @return the client
         * @throws IOException if the family cannot be resolved
         */
        T make(GenericNetlink genl) throws IOException;
    }

    /**
     * {@return the client {@code maker} makes on a new generic netlink connection in the named
     * namespace (null: this process's)} The connection is closed if the client cannot be made (the
     * kernel has no such family, say), so no descriptor leaks.
     *
     * @param <T> the client's type
     * @param namespace the network namespace's name, or null
     * @param maker makes the client on the connection
     * @throws IOException if the namespace cannot be entered, the socket cannot be made, or the maker fails
     */
    protected static <T> T openOwn(String namespace, Maker<T> maker) throws IOException {
        GenericNetlink genl = GenericNetlink.open(namespace);
        try {
            return maker.make(genl);
        } catch (IOException | RuntimeException e) {
            genl.close();
            throw e;
        }
    }

    /** {@return the family's id} */
    public final int familyId() {
        return familyId;
    }

    /** {@return the family's name} */
    public final String familyName() {
        return familyName;
    }

    /** {@return the version written in requests} */
    public final int version() {
        return version;
    }

    /** {@return the connection requests go through} */
    public final NetlinkConnection connection() {
        return connection;
    }

    /**
     * {@return how errors name a command; override to give names}
     *
     * @param cmd the family's command number
     */
    protected String commandName(int cmd) {
        return "command " + cmd;
    }

    /**
     * Sends command {@code cmd} with NLM_F_ACK and {@code flags} and waits for the acknowledgement.
     *
     * @param cmd the family's command number
     * @param flags extra {@code NLM_F_*} flags ({@code NLM_F_REQUEST | NLM_F_ACK} are always set)
     * @param attrs writes the request's family header and attributes
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    protected final void execute(int cmd, int flags, Encoder attrs) throws IOException {
        try {
            connection.execute(familyId, flags, payload(cmd, attrs));
        } catch (NetlinkException e) {
            throw renamed(cmd, e);
        }
    }

    /**
     * Sends command {@code cmd} (acknowledged) and decodes the replies of this family.
     *
     * @param <T> what one reply decodes to
     * @param cmd the family's command number
     * @param attrs writes the request's family header and attributes
     * @param decoder turns each reply into an object
     * @return the decoded replies, in the kernel's order (those decoded to null left out)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    protected final <T> List<T> request(int cmd, Encoder attrs, Decoder<T> decoder) throws IOException {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>();
        try {
            connection.request(familyId, 0, payload(cmd, attrs), m -> {
                if (m.type() != familyId) return;
                T t = decoder.decode(new GenlMessage(m, hdrSize));
                if (t != null) out.add(t);
            });
        } catch (NetlinkException e) {
            throw renamed(cmd, e);
        }
        return out;
    }

    /**
     * Dumps command {@code cmd} and decodes every message of this family.
     *
     * @param <T> what one reply decodes to
     * @param cmd the family's command number
     * @param attrs writes the request's family header and attributes (filters, for families that take them)
     * @param decoder turns each reply into an object
     * @return the decoded replies of the whole dump (those decoded to null left out)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    protected final <T> List<T> dump(int cmd, Encoder attrs, Decoder<T> decoder) throws IOException {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>();
        try {
            connection.dump(familyId, payload(cmd, attrs), m -> {
                if (m.type() != familyId) return;
                T t = decoder.decode(new GenlMessage(m, hdrSize));
                if (t != null) out.add(t);
            });
        } catch (DumpInterruptedException e) {
            throw new DumpInterruptedException(familyName + " " + commandName(cmd), out);
        } catch (NetlinkException e) {
            throw renamed(cmd, e);
        }
        return out;
    }

    private NetlinkConnection.Encoder payload(int cmd, Encoder attrs) {
        if (cmd < 0 || cmd > 255) throw new IllegalArgumentException("genl command must be 0..255: " + cmd);
        return w -> {
            w.putU8(cmd).putU8(version).putU16(0);
            if (attrs != null) attrs.encode(w);
        };
    }

    private NetlinkException renamed(int cmd, NetlinkException e) {
        NetlinkException r = new NetlinkException(familyName + " " + commandName(cmd), e.errno(), e.extAck());
        r.initCause(e);
        return r;
    }
}
