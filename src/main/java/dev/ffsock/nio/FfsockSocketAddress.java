package dev.ffsock.nio;

import dev.ffsock.SockAddr;

import java.net.SocketAddress;
import java.util.Objects;

/**
 * A {@link SocketAddress} carrying an ffsock {@link SockAddr} that {@code java.net} has no type for —
 * in practice an AF_UNIX <em>abstract</em> name ({@code @name}). Channels of
 * {@link FfsockSelectorProvider} take it wherever they take a {@code SocketAddress} (bind, connect,
 * send) and return it from {@code getLocalAddress}, {@code getRemoteAddress} and {@code receive} for
 * such addresses; addresses {@code java.net} can express come back as {@link java.net.InetSocketAddress}
 * or {@link java.net.UnixDomainSocketAddress} instead.
 */
public final class FfsockSocketAddress extends SocketAddress {
    private static final long serialVersionUID = 1L;

    /** The ffsock address (SockAddr is not serializable; neither, in practice, is this). */
    private final transient SockAddr address;

    private FfsockSocketAddress(SockAddr address) {
        this.address = address;
    }

    /**
     * {@return a SocketAddress for {@code address}}
     *
     * @param address any ffsock address (an abstract AF_UNIX name is the usual one)
     */
    public static FfsockSocketAddress of(SockAddr address) {
        return new FfsockSocketAddress(Objects.requireNonNull(address, "address"));
    }

    /** {@return the ffsock address} */
    public SockAddr sockAddr() {
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FfsockSocketAddress f && f.address.equals(address);
    }

    @Override
    public int hashCode() {
        return address.hashCode();
    }

    /** {@return the address as ffsock prints it ({@code @name} for an abstract name)} */
    @Override
    public String toString() {
        return address.toString();
    }
}
