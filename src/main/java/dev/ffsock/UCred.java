package dev.ffsock;

/**
 * Process credentials ({@code struct ucred}), as SO_PEERCRED reports for the process at the other
 * end of an AF_UNIX socket.
 *
 * @param pid process id
 * @param uid user id
 * @param gid group id
 */
public record UCred(int pid, int uid, int gid) {
}
