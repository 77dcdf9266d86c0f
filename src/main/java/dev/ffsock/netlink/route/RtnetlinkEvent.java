package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * One rtnetlink notification, decoded: an object appeared or changed ({@code RTM_NEW*}) or was
 * deleted ({@code RTM_DEL*}). Delivered by {@link RtnetlinkEvents}; pattern-match on the kind:
 * {@snippet :
 * switch (event) {
 *     case RtnetlinkEvent.LinkEvent(var deleted, Link l) -> …
 *     case RtnetlinkEvent.AddrEvent(var deleted, Addr a) -> …
 *     case RtnetlinkEvent.RouteEvent(var deleted, Route r) -> …
 *     case RtnetlinkEvent.NeighEvent(var deleted, Neigh n) -> …
 *     case RtnetlinkEvent.FdbEvent(var deleted, Neigh entry) -> …
 *     case RtnetlinkEvent.NsidEvent(var deleted, NetnsId id) -> …
 * }
 * }
 * A link's {@code RTM_NEWLINK} is sent both when it is created and on every later change (flags,
 * carrier, MTU, master, …): "new" means "new state", not necessarily "new link".
 */
public sealed interface RtnetlinkEvent {
    /** {@return true for {@code RTM_DEL*}, false for {@code RTM_NEW*}} */
    boolean deleted();

    /** {@return the link, address, route or neighbour} */
    Object object();

    /**
     * {@code RTM_NEWLINK} / {@code RTM_DELLINK} (group {@code RTNLGRP_LINK}).
     *
     * @param deleted true for RTM_DELLINK
     * @param link    the link's state
     */
    record LinkEvent(boolean deleted, Link link) implements RtnetlinkEvent {
        /** Requires the link. */
        public LinkEvent {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public Object object() {
            return link;
        }
    }

    /**
     * {@code RTM_NEWADDR} / {@code RTM_DELADDR} (groups {@code RTNLGRP_IPV4_IFADDR}, {@code RTNLGRP_IPV6_IFADDR}).
     *
     * @param deleted true for RTM_DELADDR
     * @param addr    the address
     */
    record AddrEvent(boolean deleted, Addr addr) implements RtnetlinkEvent {
        /** Requires the address. */
        public AddrEvent {
            Objects.requireNonNull(addr, "addr");
        }

        @Override
        public Object object() {
            return addr;
        }
    }

    /**
     * {@code RTM_NEWROUTE} / {@code RTM_DELROUTE} (groups {@code RTNLGRP_IPV4_ROUTE}, {@code RTNLGRP_IPV6_ROUTE}).
     *
     * @param deleted true for RTM_DELROUTE
     * @param route   the route
     */
    record RouteEvent(boolean deleted, Route route) implements RtnetlinkEvent {
        /** Requires the route. */
        public RouteEvent {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public Object object() {
            return route;
        }
    }

    /**
     * {@code RTM_NEWNEIGH} / {@code RTM_DELNEIGH} (group {@code RTNLGRP_NEIGH}).
     *
     * @param deleted true for RTM_DELNEIGH
     * @param neigh   the neighbour entry
     */
    record NeighEvent(boolean deleted, Neigh neigh) implements RtnetlinkEvent {
        /** Requires the entry. */
        public NeighEvent {
            Objects.requireNonNull(neigh, "neigh");
        }

        @Override
        public Object object() {
            return neigh;
        }
    }
    // ---- issue 10: fdb and nsid events


    /**
     * {@code RTM_NEWNEIGH} / {@code RTM_DELNEIGH} of family AF_BRIDGE: a forwarding-database entry
     * ({@code bridge monitor fdb}; group {@code RTNLGRP_NEIGH}, topic {@link RtnetlinkEvents.Topic#FDB}).
     *
     * @param deleted true for RTM_DELNEIGH
     * @param entry   the fdb entry ({@link Neigh#family()} is AF_BRIDGE)
     */
    record FdbEvent(boolean deleted, Neigh entry) implements RtnetlinkEvent {
        /** Requires the entry. */
        public FdbEvent {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public Object object() {
            return entry;
        }
    }

    /**
     * {@code RTM_NEWNSID} / {@code RTM_DELNSID}: a peer namespace got or lost an id here ({@code ip
     * monitor nsid}; group {@code RTNLGRP_NSID}).
     *
     * @param deleted true for RTM_DELNSID
     * @param nsid    the id
     */
    record NsidEvent(boolean deleted, NetnsId nsid) implements RtnetlinkEvent {
        /** Requires the id. */
        public NsidEvent {
            Objects.requireNonNull(nsid, "nsid");
        }

        @Override
        public Object object() {
            return nsid;
        }
    }
}
