package dev.ffsock.netlink.route;

import dev.ffsock.netlink.EventsLostException;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.NetlinkMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A subscription to rtnetlink notifications — links, IPv4/IPv6 addresses, IPv4/IPv6 routes,
 * neighbours, IPv4/IPv6 rules, nexthop objects — delivered as typed {@link RtnetlinkEvent}s, one at a time with {@link #next} or to a
 * {@link Listener} with {@link #listen}. What {@code ip monitor link address route neigh rule nexthop} shows.
 *
 * <p>Events come in the kernel's order. If the socket's receive buffer overflows, the kernel drops
 * notifications and says so once (ENOBUFS): {@link #next} then throws {@link EventsLostException}
 * at that point of the stream (after every event received before it), and {@link #listen} hands it
 * to {@link Listener#onEventsLost}. Nothing is lost silently; the subscriber should re-read the state
 * it tracks (a dump) and go on receiving.
 *
 * <p>The subscription owns its connection (a separate socket: requests on it would mix with the
 * events). One thread consumes; {@link #close()} from any thread ends a blocked {@code next} or
 * {@code listen}.
 */
public final class RtnetlinkEvents implements AutoCloseable {
    /** What to subscribe to. */
    public enum Topic {
        /** Links: {@code RTNLGRP_LINK}. */
        LINK(Rtnl.RTNLGRP_LINK),
        /** Addresses: {@code RTNLGRP_IPV4_IFADDR} and {@code RTNLGRP_IPV6_IFADDR}. */
        ADDR(Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR),
        /** Routes: {@code RTNLGRP_IPV4_ROUTE} and {@code RTNLGRP_IPV6_ROUTE}. */
        ROUTE(Rtnl.RTNLGRP_IPV4_ROUTE, Rtnl.RTNLGRP_IPV6_ROUTE),
        /** Neighbours: {@code RTNLGRP_NEIGH}. */
        NEIGH(Rtnl.RTNLGRP_NEIGH),
        // issue 10: rules and nexthop objects
        /** Rules: {@code RTNLGRP_IPV4_RULE} and {@code RTNLGRP_IPV6_RULE}. */
        RULE(Rtnl.RTNLGRP_IPV4_RULE, Rtnl.RTNLGRP_IPV6_RULE),
        /** Nexthop objects: {@code RTNLGRP_NEXTHOP}. */
        NEXTHOP(Rtnl.RTNLGRP_NEXTHOP),
        // tc: qdiscs, classes, filters
        /** Traffic control (qdiscs, classes, filters): {@code RTNLGRP_TC}. */
        TC(Rtnl.RTNLGRP_TC),
        // issue 10: fdb and nsid topics
        /**
         * Forwarding-database entries ({@code bridge monitor fdb}): AF_BRIDGE neighbour messages, as
         * {@link RtnetlinkEvent.FdbEvent} (with this topic, AF_BRIDGE entries are no {@code NeighEvent}).
         */
        FDB(Rtnl.RTNLGRP_NEIGH),
        /** Namespace ids ({@code ip monitor nsid}), as {@link RtnetlinkEvent.NsidEvent}. */
        NSID(Rtnl.RTNLGRP_NSID);

        private final int[] groups;

        Topic(int... groups) {
            this.groups = groups;
        }

        /** {@return the multicast groups of this topic} */
        public int[] groups() {
            return groups.clone();
        }
    }

    /** Receives events from {@link #listen}. */
    public interface Listener {
        /**
         * Handles one event.
         *
         * @param event the event
         * @return true to go on, false to make {@code listen} return
         * @throws IOException to end {@code listen} with it
         */
        boolean onEvent(RtnetlinkEvent event) throws IOException;

        /**
         * The kernel dropped events (receive buffer overrun). By default rethrows, ending {@code
         * listen}; return true to go on receiving (after re-reading state), false to return.
         *
         * @param e says how many were lost, if the kernel told
         * @return true to go on receiving, false to make {@code listen} return
         * @throws IOException to end {@code listen} (by default {@code e} itself)
         */
        default boolean onEventsLost(EventsLostException e) throws IOException {
            throw e;
        }
    }

    private final Set<Topic> topics;
    /** The receive, wait and close loop, shared with the other families' subscriptions. */
    private final NetlinkEvents<RtnetlinkEvent> events;

    private RtnetlinkEvents(NetlinkConnection conn, Set<Topic> topics) throws IOException {
        this.topics = topics.isEmpty() ? EnumSet.allOf(Topic.class) : EnumSet.copyOf(topics);
        try {
            for (Topic t : this.topics) conn.subscribe(t.groups);
        } catch (IOException | RuntimeException e) {
            conn.close();
            throw e;
        }
        this.events = NetlinkEvents.over(conn, this::decode);
    }

    /**
     * Subscribes in this process's network namespace; no topics means all of them.
     *
     * @param topics what to subscribe to
     * @return the subscription
     * @throws IOException if {@code socket(AF_NETLINK, …)} or {@code bind} fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public static RtnetlinkEvents open(Topic... topics) throws IOException {
        return over(NetlinkConnection.open(Netlink.NETLINK_ROUTE), topics);
    }

    /**
     * Subscribes inside the named namespace ({@code ip netns add NAME}); no topics means all of them.
     *
     * @param namespace the network namespace's name, as {@code ip netns add NAME} made it (a file under
     *     {@code /run/netns})
     * @param topics what to subscribe to
     * @return the subscription
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static RtnetlinkEvents open(String namespace, Topic... topics) throws IOException {
        return over(NetlinkConnection.open(Netlink.NETLINK_ROUTE, namespace), topics);
    }

    /**
     * Subscribes on a connection the caller opened (on {@code NETLINK_ROUTE}) and hands over: closing
     * the subscription closes it. No topics means all of them.
     *
     * @param conn the connection, now owned by the subscription
     * @param topics what to subscribe to
     * @return the subscription
     * @throws IOException if joining a multicast group fails ({@code setsockopt(NETLINK_ADD_MEMBERSHIP)});
     *     the connection is then closed
     */
    public static RtnetlinkEvents over(NetlinkConnection conn, Topic... topics) throws IOException {
        Objects.requireNonNull(conn, "conn");
        Set<Topic> set = EnumSet.noneOf(Topic.class);
        for (Topic t : topics) set.add(Objects.requireNonNull(t, "topic"));
        return new RtnetlinkEvents(conn, set);
    }

    /** {@return the topics subscribed to} */
    public Set<Topic> topics() {
        return EnumSet.copyOf(topics);
    }

    /** {@return the connection, for socket options such as SO_RCVBUF} */
    public NetlinkConnection connection() {
        return events.connection();
    }

    /**
     * Waits for the next event ({@code recv} on the subscribed socket; one line of {@code ip monitor}).
     *
     * @param timeout how long to wait at most; null to wait without limit
     * @return the event, or null if none came in time (or the subscription was closed meanwhile)
     * @throws EventsLostException where the kernel dropped events; calling again goes on after the gap
     */
    public RtnetlinkEvent next(Duration timeout) throws IOException {
        return events.next(timeout);
    }

    /**
     * Hands events to {@code listener} until it returns false or the subscription is closed (as {@code ip monitor} runs).
     *
     * @param listener receives the events
     * @throws EventsLostException when events are lost and the listener rethrows it (the default)
     */
    public void listen(Listener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        events.listen(new NetlinkEvents.Listener<>() {
            @Override
            public boolean onEvent(RtnetlinkEvent event) throws IOException {
                return listener.onEvent(event);
            }

            @Override
            public boolean onEventsLost(EventsLostException e) throws IOException {
                return listener.onEventsLost(e);
            }
        });
    }

    private RtnetlinkEvent decode(NetlinkMessage m) {
        return switch (m.type()) {
            case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK -> topics.contains(Topic.LINK)
                    ? new RtnetlinkEvent.LinkEvent(m.type() == Rtnl.RTM_DELLINK, LinkCodec.decode(m)) : null;
            case Rtnl.RTM_NEWADDR, Rtnl.RTM_DELADDR -> topics.contains(Topic.ADDR)
                    ? new RtnetlinkEvent.AddrEvent(m.type() == Rtnl.RTM_DELADDR, AddrCodec.decode(m)) : null;
            case Rtnl.RTM_NEWROUTE, Rtnl.RTM_DELROUTE -> topics.contains(Topic.ROUTE)
                    ? new RtnetlinkEvent.RouteEvent(m.type() == Rtnl.RTM_DELROUTE, RouteCodec.decode(m)) : null;
            case Rtnl.RTM_NEWNEIGH, Rtnl.RTM_DELNEIGH -> neighEvent(m);
            // issue 10: rules and nexthop objects
            case Rtnl.RTM_NEWRULE, Rtnl.RTM_DELRULE -> topics.contains(Topic.RULE)
                    ? new RtnetlinkEvent.RuleEvent(m.type() == Rtnl.RTM_DELRULE, RuleCodec.decode(m)) : null;
            case Rtnl.RTM_NEWNEXTHOP, Rtnl.RTM_DELNEXTHOP -> topics.contains(Topic.NEXTHOP)
                    ? new RtnetlinkEvent.NexthopEvent(m.type() == Rtnl.RTM_DELNEXTHOP, NexthopCodec.decode(m)) : null;
            // tc: qdiscs, classes, filters
            case Rtnl.RTM_NEWQDISC, Rtnl.RTM_DELQDISC -> topics.contains(Topic.TC) ? new RtnetlinkEvent.QdiscEvent(
                    m.type() == Rtnl.RTM_DELQDISC, dev.ffsock.netlink.tc.TcCodec.decodeQdisc(m)) : null;
            case Rtnl.RTM_NEWTCLASS, Rtnl.RTM_DELTCLASS -> topics.contains(Topic.TC) ? new RtnetlinkEvent.TcClassEvent(
                    m.type() == Rtnl.RTM_DELTCLASS, dev.ffsock.netlink.tc.TcCodec.decodeClass(m)) : null;
            case Rtnl.RTM_NEWTFILTER, Rtnl.RTM_DELTFILTER -> topics.contains(Topic.TC) ? new RtnetlinkEvent.TcFilterEvent(
                    m.type() == Rtnl.RTM_DELTFILTER, dev.ffsock.netlink.tc.TcCodec.decodeFilter(m)) : null;
            case Rtnl.RTM_NEWNSID, Rtnl.RTM_DELNSID -> topics.contains(Topic.NSID)
                    ? new RtnetlinkEvent.NsidEvent(m.type() == Rtnl.RTM_DELNSID, NsidCodec.decode(m)) : null;
            default -> null; // other groups' messages (none subscribed): not ours to report
        };
    }

    /**
     * Unsubscribes and closes the connection; a {@code next}/{@code listen} blocked in another
     * thread returns (null / returns) at once. Idempotent.
     */
    /** A neighbour message: an fdb event (AF_BRIDGE, when FDB is a topic), else a neighbour event (when NEIGH is). */
    private RtnetlinkEvent neighEvent(NetlinkMessage m) {
        Neigh n = NeighCodec.decode(m);
        boolean deleted = m.type() == Rtnl.RTM_DELNEIGH;
        if (n.family() == BridgeCodec.AF_BRIDGE && topics.contains(Topic.FDB)) return new RtnetlinkEvent.FdbEvent(deleted, n);
        return topics.contains(Topic.NEIGH) ? new RtnetlinkEvent.NeighEvent(deleted, n) : null;
    }

    @Override
    public void close() {
        events.close();
    }
}
