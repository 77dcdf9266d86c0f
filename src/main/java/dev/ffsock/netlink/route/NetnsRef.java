package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * A network namespace named the three ways {@code ip link ... netns} takes one: by name ({@code ip
 * netns add NAME}, sent as {@code IFLA_NET_NS_FD} of {@code /run/netns/NAME}), by the pid of a
 * process inside it ({@code IFLA_NET_NS_PID}) or by an open namespace descriptor the caller owns
 * ({@code IFLA_NET_NS_FD}). Exactly one of the three is set.
 *
 * @param name the namespace's name, or null
 * @param pid  a process's pid, or -1
 * @param fd   a namespace descriptor, or -1
 */
public record NetnsRef(String name, int pid, int fd) {
    /** Checks that exactly one is set, and the name is a plain file name. */
    public NetnsRef {
        int set = (name != null ? 1 : 0) + (pid >= 0 ? 1 : 0) + (fd >= 0 ? 1 : 0);
        if (set != 1) throw new IllegalArgumentException("a namespace is named by exactly one of name, pid, fd");
        if (name != null && (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("bad namespace name: '" + name + "'");
        }
        if (pid == 0) throw new IllegalArgumentException("pid 0 names no process");
    }

    /**
     * {@return the namespace {@code ip netns add NAME} made ({@code /run/netns/NAME})}
     *
     * @param name the namespace's name
     */
    public static NetnsRef named(String name) {
        return new NetnsRef(Objects.requireNonNull(name, "name"), -1, -1);
    }

    /**
     * {@return the namespace process {@code pid} is in ({@code ip link set DEV netns PID})}
     *
     * @param pid a process id, at least 1
     */
    public static NetnsRef pid(int pid) {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        return new NetnsRef(null, pid, -1);
    }

    /**
     * {@return the namespace an open descriptor refers to (the caller keeps and closes it)}
     *
     * @param fd an open namespace descriptor ({@link dev.ffsock.NamespaceFd#fd()})
     */
    public static NetnsRef fd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("descriptor must not be negative: " + fd);
        return new NetnsRef(null, -1, fd);
    }

    /** {@return the argument {@code ip} takes for it: the name, the pid} */
    @Override
    public String toString() {
        return name != null ? name : pid >= 0 ? Integer.toString(pid) : "fd " + fd;
    }
}
