package dev.ffsock.netlink.mptcp;

import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.genl.GenericNetlink;
import dev.ffsock.netlink.genl.GenlFamilyClient;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import static dev.ffsock.netlink.mptcp.MptcpPm.*;

/**
 * A client of the in-kernel MPTCP path manager ({@code mptcp_pm} generic netlink family) in one
 * network namespace: its endpoints and limits, as {@code ip mptcp endpoint} and {@code ip mptcp
 * limits}. Changes need CAP_NET_ADMIN; the kernel's refusals come back as {@link NetlinkException}
 * with its extended-ack text ({@code address not found}, {@code limit greater than maximum (8)}).
 * Not thread-safe: one thread at a time.
 * {@snippet :
 * try (MptcpPathManager pm = MptcpPathManager.open("ns1")) {
 *     pm.addEndpoint(new MptcpEndpoint(0, InetAddress.ofLiteral("10.0.0.2"), 0,
 *             Set.of(MptcpEndpoint.Flag.SUBFLOW), 0));        // ip mptcp endpoint add 10.0.0.2 subflow
 *     pm.setLimits(null, 2L);                              // ip mptcp limits set subflows 2
 *     List<MptcpEndpoint> all = pm.endpoints();            // ip mptcp endpoint show
 * }
 * }
 */
public final class MptcpPathManager extends GenlFamilyClient implements AutoCloseable {
    private final GenericNetlink genl;

    private MptcpPathManager(GenericNetlink genl) throws IOException {
        super(genl, MPTCP_PM_NAME, MPTCP_PM_VER);
        this.genl = genl;
    }

    /**
     * {@return a client in the named network namespace ({@code /run/netns/NAME}); null means this process's}
     *
     * @param namespace the namespace's name, or null
     * @throws IOException if the namespace cannot be entered, the socket cannot be made, or the kernel has
     *     no {@code mptcp_pm} family (built without MPTCP: {@link NetlinkException} ENOENT)
     */
    public static MptcpPathManager open(String namespace) throws IOException {
        return openOwn(namespace, MptcpPathManager::new);
    }

    /** Closes the netlink connection. */
    @Override
    public void close() {
        genl.close();
    }

    @Override
    protected String commandName(int cmd) {
        return switch (cmd) {
            case MPTCP_PM_CMD_ADD_ADDR -> "ADD_ADDR";
            case MPTCP_PM_CMD_DEL_ADDR -> "DEL_ADDR";
            case MPTCP_PM_CMD_GET_ADDR -> "GET_ADDR";
            case MPTCP_PM_CMD_FLUSH_ADDRS -> "FLUSH_ADDRS";
            case MPTCP_PM_CMD_SET_LIMITS -> "SET_LIMITS";
            case MPTCP_PM_CMD_GET_LIMITS -> "GET_LIMITS";
            default -> super.commandName(cmd);
        };
    }

    /**
     * {@return every endpoint, in the kernel's order (GET_ADDR dump): {@code ip mptcp endpoint show}}
     *
     * @throws IOException if the kernel refuses ({@link NetlinkException}) or the socket fails
     */
    public List<MptcpEndpoint> endpoints() throws IOException {
        return dump(MPTCP_PM_CMD_GET_ADDR, null, m -> MptcpPmCodec.endpoint(m.attributes()));
    }

    /**
     * {@return one endpoint by id (GET_ADDR): {@code ip mptcp endpoint show id ID}}
     *
     * @param id the endpoint id, 1 to 255
     * @throws IOException EINVAL "address not found" for an unknown id ({@link NetlinkException})
     */
    public MptcpEndpoint endpoint(int id) throws IOException {
        checkId(id);
        List<MptcpEndpoint> r = request(MPTCP_PM_CMD_GET_ADDR, w -> MptcpPmCodec.writeId(w, id),
                m -> MptcpPmCodec.endpoint(m.attributes()));
        if (r.size() != 1) throw new IOException("mptcp_pm GET_ADDR: " + r.size() + " replies for id " + id);
        return r.getFirst();
    }

    /**
     * Adds an endpoint (ADD_ADDR): {@code ip mptcp endpoint add ADDRESS [dev NAME] [id ID] [port NR] [FLAGS]}.
     *
     * @param endpoint the endpoint; id 0 lets the kernel choose; a port needs {@link MptcpEndpoint.Flag#SIGNAL}
     * @throws IllegalArgumentException for {@link MptcpEndpoint.Flag#IMPLICIT}, which only the kernel sets,
     *     or a port without SIGNAL
     * @throws IOException EEXIST-like refusals as the kernel's EINVAL with text ("address already in use"),
     *     EPERM without CAP_NET_ADMIN ({@link NetlinkException})
     */
    public void addEndpoint(MptcpEndpoint endpoint) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        if (endpoint.flags().contains(MptcpEndpoint.Flag.IMPLICIT)) throw new IllegalArgumentException("IMPLICIT is set by the kernel only");
        if (endpoint.port() != 0 && !endpoint.flags().contains(MptcpEndpoint.Flag.SIGNAL)) {
            throw new IllegalArgumentException("a port needs the SIGNAL flag");
        }
        execute(MPTCP_PM_CMD_ADD_ADDR, 0, w -> MptcpPmCodec.writeEndpoint(w, endpoint));
    }

    /**
     * Deletes an endpoint by id (DEL_ADDR): {@code ip mptcp endpoint delete id ID}.
     *
     * @param id the endpoint id, 1 to 255
     * @throws IOException EINVAL "address not found" for an unknown id ({@link NetlinkException})
     */
    public void deleteEndpoint(int id) throws IOException {
        checkId(id);
        execute(MPTCP_PM_CMD_DEL_ADDR, 0, w -> MptcpPmCodec.writeId(w, id));
    }

    /**
     * Deletes every endpoint (FLUSH_ADDRS): {@code ip mptcp endpoint flush}.
     *
     * @throws IOException if the kernel refuses ({@link NetlinkException}) or the socket fails
     */
    public void flushEndpoints() throws IOException {
        execute(MPTCP_PM_CMD_FLUSH_ADDRS, 0, null);
    }

    /**
     * {@return the limits (GET_LIMITS): {@code ip mptcp limits}}
     *
     * @throws IOException if the kernel refuses ({@link NetlinkException}) or the socket fails
     */
    public MptcpLimits limits() throws IOException {
        List<MptcpLimits> r = request(MPTCP_PM_CMD_GET_LIMITS, null, m -> MptcpPmCodec.limits(m.attributes()));
        if (r.size() != 1) throw new IOException("mptcp_pm GET_LIMITS: " + r.size() + " replies");
        return r.getFirst();
    }

    /**
     * Sets one or both limits (SET_LIMITS): {@code ip mptcp limits set [subflows NR] [add_addr_accepted NR]}.
     *
     * @param addAddrAccepted the new add_addr_accepted limit, or null to keep it
     * @param subflows        the new subflows limit, or null to keep it
     * @throws IllegalArgumentException if both are null or one is not an unsigned 32-bit value
     * @throws IOException EINVAL "limit greater than maximum (8)" ({@link NetlinkException})
     */
    public void setLimits(Long addAddrAccepted, Long subflows) throws IOException {
        if (addAddrAccepted == null && subflows == null) throw new IllegalArgumentException("no limit to set");
        for (Long v : new Long[] {addAddrAccepted, subflows}) {
            if (v != null && (v < 0 || v > 0xffffffffL)) throw new IllegalArgumentException("limit out of range (0-4294967295): " + v);
        }
        execute(MPTCP_PM_CMD_SET_LIMITS, 0, w -> MptcpPmCodec.writeLimits(w, addAddrAccepted, subflows));
    }

    private static void checkId(int id) {
        if (id < 1 || id > 255) throw new IllegalArgumentException("endpoint id out of range (1-255): " + id);
    }
}
