package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.IpMreq;
import dev.ffsock.Ipv6Mreq;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.channels.MembershipKey;
import java.nio.channels.MulticastChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The multicast groups a datagram channel has joined: IP_ADD_MEMBERSHIP/IP_DROP_MEMBERSHIP (an
 * IPv4 group, on an AF_INET or dual-stack AF_INET6 socket) or IPV6_JOIN_GROUP/IPV6_LEAVE_GROUP.
 * Any-source membership only: source-specific joins and {@code block} throw
 * {@link UnsupportedOperationException}. Closing the channel ends every membership (the kernel drops
 * them with the socket) and invalidates the keys.
 */
final class Memberships {
    private final MulticastChannel channel;
    private final Socket socket;
    private final List<Key> keys = new ArrayList<>();

    Memberships(MulticastChannel channel, Socket socket) {
        this.channel = channel;
        this.socket = socket;
    }

    /** {@return the key of the membership of {@code group} on {@code interf}: an existing one, or a new join} */
    synchronized MembershipKey join(InetAddress group, NetworkInterface interf) throws IOException {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(interf, "interf");
        if (!group.isMulticastAddress()) throw new IllegalArgumentException("Group not a multicast address");
        if (group instanceof Inet6Address && socket.domain().equals(Domain.AF_INET)) {
            throw new IllegalArgumentException("IPv6 group on an IPv4 socket");
        }
        for (Key k : keys) {
            if (k.isValid() && k.group().equals(group) && k.networkInterface().equals(interf)) return k;
        }
        Key k = new Key(group, interf);
        set(k, true);
        keys.add(k);
        return k;
    }

    private void set(Key k, boolean join) throws IOException {
        if (k.group() instanceof Inet4Address g4) {
            IpMreq m = new IpMreq(g4, null, k.networkInterface().getIndex());
            socket.setsockopt(join ? SockOpt.IP_ADD_MEMBERSHIP : SockOpt.IP_DROP_MEMBERSHIP, m);
        } else {
            Ipv6Mreq m = new Ipv6Mreq((Inet6Address) k.group(), k.networkInterface().getIndex());
            socket.setsockopt(join ? SockOpt.IPV6_JOIN_GROUP : SockOpt.IPV6_LEAVE_GROUP, m);
        }
    }

    /** Invalidates every key (the channel is closing; the kernel ends the memberships). */
    synchronized void closed() {
        for (Key k : keys) k.valid = false;
        keys.clear();
    }

    private synchronized void drop(Key k) {
        if (!k.valid) return;
        k.valid = false;
        keys.remove(k);
        try {
            set(k, false);
        } catch (IOException e) {
            // the channel is closing, or the membership is already gone: it ends either way
        }
    }

    /** One any-source membership. */
    private final class Key extends MembershipKey {
        private final InetAddress group;
        private final NetworkInterface interf;
        volatile boolean valid = true;

        Key(InetAddress group, NetworkInterface interf) {
            this.group = group;
            this.interf = interf;
        }

        @Override
        public boolean isValid() {
            return valid;
        }

        @Override
        public void drop() {
            Memberships.this.drop(this);
        }

        /** Not supported (no source filtering): throws {@link UnsupportedOperationException}. */
        @Override
        public MembershipKey block(InetAddress source) {
            throw new UnsupportedOperationException("source filtering is not supported by ffsock channels");
        }

        /** Not supported (no source filtering): throws {@link UnsupportedOperationException}. */
        @Override
        public MembershipKey unblock(InetAddress source) {
            throw new UnsupportedOperationException("source filtering is not supported by ffsock channels");
        }

        @Override
        public MulticastChannel channel() {
            return channel;
        }

        @Override
        public InetAddress group() {
            return group;
        }

        @Override
        public NetworkInterface networkInterface() {
            return interf;
        }

        @Override
        public InetAddress sourceAddress() {
            return null;
        }

        @Override
        public String toString() {
            return "<" + group.getHostAddress() + "," + interf.getName() + ">";
        }
    }
}
