package dev.ffsock.netlink.route;

import java.util.List;

/**
 * A network namespace id as {@code RTM_NEWNSID} describes it: one line of {@code ip netns list-id}.
 * An nsid is local to the namespace that assigned it: "the peer namespace known here as N".
 *
 * @param nsid        {@code NETNSA_NSID}: the id, or {@value NsidCodec#NETNSA_NSID_NOT_ASSIGNED} when none is assigned
 * @param currentNsid {@code NETNSA_CURRENT_NSID} ({@code current-nsid}, present when a target nsid
 *                    was asked for), or null
 * @param raw         attributes not interpreted, in message order
 */
public record NetnsId(int nsid, Integer currentNsid, List<RawAttribute> raw) {
    /** Defensive copy of {@code raw}. */
    public NetnsId {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return whether an id is assigned} */
    public boolean assigned() {
        return nsid != NsidCodec.NETNSA_NSID_NOT_ASSIGNED;
    }
}
