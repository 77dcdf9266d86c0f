package dev.ffsock.netlink.diag;

/**
 * The file a path-bound AF_UNIX socket is bound to (UNIX_DIAG_VFS, {@code struct unix_diag_vfs}).
 *
 * @param inode the socket file's inode number (not the socket's own inode)
 * @param device the device of the file system holding it (the kernel's encoding, unsigned 32 bits)
 */
public record UnixVfs(long inode, long device) {
}
