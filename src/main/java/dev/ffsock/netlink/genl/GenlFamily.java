package dev.ffsock.netlink.genl;

import java.util.List;
import java.util.Optional;

/**
 * A generic netlink family as the controller (nlctrl) describes it.
 *
 * @param name       the family's name, e.g. {@code nlctrl}, {@code devlink}
 * @param id         its message type (assigned at registration, except nlctrl's {@link Genl#GENL_ID_CTRL})
 * @param version    the family's version
 * @param hdrSize    the size of the family's own header after {@code struct genlmsghdr} (usually 0)
 * @param maxAttr    the highest attribute type it accepts
 * @param operations the commands it accepts
 * @param groups     its multicast groups
 */
public record GenlFamily(String name, int id, int version, int hdrSize, int maxAttr,
                         List<GenlOperation> operations, List<GenlMulticastGroup> groups) {
    /** Copies the lists. */
    public GenlFamily {
        operations = List.copyOf(operations);
        groups = List.copyOf(groups);
    }

    /**
     * {@return the command with number {@code cmd}, if the family has it}
     *
     * @param cmd the command number
     */
    public Optional<GenlOperation> operation(int cmd) {
        return operations.stream().filter(o -> o.id() == cmd).findFirst();
    }

    /**
     * {@return the multicast group called {@code name}, if the family has it}
     *
     * @param name the group's name
     */
    public Optional<GenlMulticastGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
