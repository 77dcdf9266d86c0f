package dev.ffsock.netlink.diag;

import dev.ffsock.Socket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A socket's inode as the kernel's tables show it: {@code /proc/self/fd/N -> socket:[INODE]}. */
public final class SocketInodes {
    private SocketInodes() {
    }

    /** {@return the inode of the socket open on {@code s}'s descriptor} */
    public static long inode(Socket s) throws IOException {
        String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + s.fd())).toString();
        if (!link.startsWith("socket:[") || !link.endsWith("]")) throw new IOException("not a socket: " + link);
        return Long.parseLong(link.substring(8, link.length() - 1));
    }
}
