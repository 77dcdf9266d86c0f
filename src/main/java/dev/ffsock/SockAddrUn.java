package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An AF_UNIX socket address ({@code struct sockaddr_un}) of one of three kinds: a filesystem path
 * (at most 107 bytes, printed as is), an abstract name (Linux only; at most 107 bytes after the
 * leading NUL, printed as {@code @name}), or unnamed (an unbound socket, printed as {@code (unnamed)}).
 */
public final class SockAddrUn extends SockAddr {
    /** The three kinds of AF_UNIX address. */
    public enum Kind {
        /** A filesystem path. */
        PATH,
        /** A name in the abstract namespace (sun_path starts with NUL). */
        ABSTRACT,
        /** No name: an unbound or autobind-less socket. */
        UNNAMED
    }

    /** The largest path or abstract name in bytes: sun_path's 108 bytes less the NUL. */
    public static final int MAX_NAME_BYTES = (int) Structs.SockaddrUn.PATH_SIZE - 1;

    static final SockAddrUn UNNAMED = new SockAddrUn(Kind.UNNAMED, new byte[0]);

    private final Kind kind;
    private final byte[] name;

    private SockAddrUn(Kind kind, byte[] name) {
        this.kind = kind;
        this.name = name;
    }

    /**
     * {@return the address of a filesystem path}
     *
     * @param path the file system path, at most 107 bytes in UTF-8
     * @throws IllegalArgumentException if the path is empty, contains NUL, or is over 107 bytes in UTF-8
     */
    public static SockAddrUn path(String path) {
        if (path == null) throw new NullPointerException("path");
        byte[] b = path.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) throw new IllegalArgumentException("empty AF_UNIX path");
        for (byte x : b) if (x == 0) throw new IllegalArgumentException("AF_UNIX path contains NUL: " + path);
        if (b.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("AF_UNIX path is " + b.length + " bytes, the limit is "
                    + MAX_NAME_BYTES + ": " + path);
        }
        return new SockAddrUn(Kind.PATH, b);
    }

    /**
     * {@return the address of a filesystem path} @see #path(String)
     *
     * @param path the file system path, at most 107 bytes in UTF-8
     */
    public static SockAddrUn path(Path path) {
        if (path == null) throw new NullPointerException("path");
        return path(path.toString());
    }

    /**
     * {@return the address of a name in the abstract namespace (given without the leading NUL or @)}
     *
     * @param name the name without its leading NUL (or {@code @}), at most 107 bytes in UTF-8
     * @throws IllegalArgumentException if the name is over 107 bytes in UTF-8
     */
    public static SockAddrUn abstractName(String name) {
        if (name == null) throw new NullPointerException("name");
        return abstractName(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@return the address of an abstract name given as raw bytes (any bytes, NUL included)}
     *
     * @param name the name's bytes without the leading NUL, at most 107
     */
    public static SockAddrUn abstractName(byte[] name) {
        if (name == null) throw new NullPointerException("name");
        if (name.length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("AF_UNIX abstract name is " + name.length + " bytes, the limit is "
                    + MAX_NAME_BYTES);
        }
        return new SockAddrUn(Kind.ABSTRACT, name.clone());
    }

    /** {@return the unnamed address} */
    public static SockAddrUn unnamed() {
        return UNNAMED;
    }

    /** {@return which kind of address this is} */
    public Kind kind() {
        return kind;
    }

    /** {@return the path or abstract name as bytes (without the abstract name's leading NUL)} */
    public byte[] nameBytes() {
        return name.clone();
    }

    /** {@return the path or abstract name decoded as UTF-8; empty for unnamed} */
    public String name() {
        return new String(name, StandardCharsets.UTF_8);
    }

    @Override
    public Domain domain() {
        return Domain.AF_UNIX;
    }

    @Override
    public int length() {
        return switch (kind) {
            case PATH -> (int) Structs.SockaddrUn.PATH + name.length + 1;
            case ABSTRACT -> (int) Structs.SockaddrUn.PATH + 1 + name.length;
            case UNNAMED -> (int) Structs.SockaddrUn.PATH;
        };
    }

    @Override
    int encode(MemorySegment dst) {
        dst.asSlice(0, Structs.SockaddrUn.SIZE).fill((byte) 0);
        dst.set(U16, Structs.SockaddrUn.FAMILY, (short) 1);
        long at = kind == Kind.ABSTRACT ? Structs.SockaddrUn.PATH + 1 : Structs.SockaddrUn.PATH;
        MemorySegment.copy(name, 0, dst, ValueLayout.JAVA_BYTE, at, name.length);
        return length();
    }

    static SockAddrUn decode(MemorySegment src, int len) {
        int pathLen = (int) Math.min(len - Structs.SockaddrUn.PATH, Structs.SockaddrUn.PATH_SIZE);
        if (pathLen <= 0) return UNNAMED;
        if (src.get(ValueLayout.JAVA_BYTE, Structs.SockaddrUn.PATH) == 0) {
            byte[] n = new byte[pathLen - 1];
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, Structs.SockaddrUn.PATH + 1, n, 0, n.length);
            return new SockAddrUn(Kind.ABSTRACT, n);
        }
        int n = 0;
        while (n < pathLen && src.get(ValueLayout.JAVA_BYTE, Structs.SockaddrUn.PATH + n) != 0) n++;
        byte[] p = new byte[n];
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, Structs.SockaddrUn.PATH, p, 0, n);
        return new SockAddrUn(Kind.PATH, p);
    }

    /**
     * {@return the path as a {@link UnixDomainSocketAddress}}
     *
     * @throws UnsupportedOperationException for abstract and unnamed addresses
     */
    @Override
    public SocketAddress toSocketAddress() {
        if (kind != Kind.PATH) throw new UnsupportedOperationException("java.net cannot represent " + this);
        return UnixDomainSocketAddress.of(name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrUn s && s.kind == kind && Arrays.equals(s.name, name);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(name);
    }

    /** Paths print as they are, abstract names as {@code @name} (inner NULs as '@', like ss), unnamed as {@code (unnamed)}. */
    @Override
    public String toString() {
        return switch (kind) {
            case PATH -> name();
            case ABSTRACT -> "@" + name().replace('\0', '@');
            case UNNAMED -> "(unnamed)";
        };
    }
}
