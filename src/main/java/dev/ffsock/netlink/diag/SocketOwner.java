package dev.ffsock.netlink.diag;

/**
 * A process holding a socket open: one file descriptor of one process ({@code ss -p} prints it as
 * {@code ("python3",pid=123,fd=3)}).
 *
 * @param command the process's command name ({@code /proc/PID/stat}'s comm, at most 15 bytes)
 * @param pid     the process id
 * @param fd      the file descriptor number
 */
public record SocketOwner(String command, int pid, int fd) {
}
