package dev.ffsock.netlink.diag;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrUn;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.function.Consumer;

/** Hand-built sock_diag messages: field placement, odd attributes, truncation. */
class DiagCodecTest {
    /** Struct sizes as read in linux/inet_diag.h and linux/unix_diag.h. */
    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(48, DiagLayout.INET_DIAG_SOCKID_SIZE);
        assertEquals(56, DiagLayout.INET_DIAG_REQ_V2_SIZE);
        assertEquals(72, DiagLayout.INET_DIAG_MSG_SIZE);
        assertEquals(16, DiagLayout.INET_DIAG_MEMINFO_SIZE);
        assertEquals(24, DiagLayout.UNIX_DIAG_REQ_SIZE);
        assertEquals(16, DiagLayout.UNIX_DIAG_MSG_SIZE);
        assertEquals(8, DiagLayout.UNIX_DIAG_PAIR_SIZE);
    }

    private static byte[] build(Consumer<MessageBuilder> payload) {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(SockDiag.SOCK_DIAG_BY_FAMILY, 0);
            payload.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage msg(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    @Test
    void requestsHaveTheirStructSizes() {
        byte[] inet = build(w -> InetDiagCodec.encode(w, InetRequest.tcp(Domain.AF_INET6)
                .states(SocketState.LISTEN).withExtensions(SockDiag.INET_DIAG_INFO)));
        assertEquals(16 + 56, inet.length);
        assertEquals(10, inet[16]);
        assertEquals(6, inet[17]);
        assertEquals(2, inet[18], "1 << (INET_DIAG_INFO - 1)");
        assertEquals(1 << 10, MemorySegment.ofArray(inet).get(ValueLayout.JAVA_INT_UNALIGNED, 20));
        byte[] unix = build(w -> UnixDiagCodec.encode(w, UnixRequest.all()));
        assertEquals(16 + 24, unix.length);
        assertEquals(1, unix[16]);
        assertEquals(UnixRequest.DEFAULT_SHOW, MemorySegment.ofArray(unix).get(ValueLayout.JAVA_INT_UNALIGNED, 28));
    }

    private static void inetHeader(MessageBuilder w, int family) {
        w.putU8(family).putU8(SockDiag.TCP_ESTABLISHED).putU8(1).putU8(3);
        w.putBE16(8080).putBE16(40000);
        w.putBytes(new byte[] {127, 0, 0, 1}).putZeros(12);
        w.putBytes(new byte[] {10, 1, 2, 3}).putZeros(12);
        w.putU32(2).putU32(0x89abcdef).putU32(0x01234567);
        w.putU32(200).putU32(11).putU32(22).putU32(1000).putU32(0xfffffffe);
    }

    @Test
    void inetFieldsAndAttributes() throws Exception {
        byte[] b = build(w -> {
            inetHeader(w, 2);
            w.attrBytes(SockDiag.INET_DIAG_MEMINFO, new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0});
            w.attrString(SockDiag.INET_DIAG_CONG, "cubic");
            w.attrU8(SockDiag.INET_DIAG_SHUTDOWN, 2);
            w.attrU32(SockDiag.INET_DIAG_TOS, 7); // wrong length: kept raw, not an error
            w.attrBytes(99, new byte[] {9, 9});
        });
        InetSocket s = InetDiagCodec.decode(msg(b), Protocol.TCP);
        assertEquals(Domain.AF_INET, s.family());
        assertEquals(SocketState.ESTABLISHED, s.state());
        assertEquals(InetTimer.Kind.ON, s.timer().kind());
        assertEquals(200, s.timer().expiresMillis());
        assertEquals(3, s.timer().retransmits());
        assertEquals(InetAddress.getByName("127.0.0.1"), s.localAddress());
        assertEquals(8080, s.localPort());
        assertEquals(InetAddress.getByName("10.1.2.3"), s.remoteAddress());
        assertEquals(40000, s.remotePort());
        assertEquals(2, s.interfaceIndex());
        assertEquals(0x0123456789abcdefL, s.cookie());
        assertEquals(11, s.rqueue());
        assertEquals(22, s.wqueue());
        assertEquals(1000, s.uid());
        assertEquals(0xfffffffeL, s.inode(), "unsigned");
        assertEquals(new InetMemInfo(1, 2, 3, 4), s.memInfo());
        assertEquals("cubic", s.congestion());
        assertEquals(2, s.shutdown());
        assertEquals(-1, s.tos());
        assertEquals(4, s.otherAttributes().get(SockDiag.INET_DIAG_TOS).length);
        assertArrayEquals(new byte[] {9, 9}, s.otherAttributes().get(99));
        assertNull(s.tcpInfo());
    }

    @Test
    void inetV6AddressesStaySixteenBytes() throws Exception {
        byte[] b = build(w -> {
            w.putU8(10).putU8(SockDiag.TCP_LISTEN).putU8(0).putU8(0).putBE16(22).putBE16(0);
            w.putBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1});
            w.putZeros(16).putZeros(12).putZeros(20);
        });
        InetSocket s = InetDiagCodec.decode(msg(b), Protocol.TCP);
        assertEquals(16, s.localAddress().getAddress().length, "an IPv4-mapped address is not converted");
        assertEquals(InetTimer.NONE, s.timer());
        assertEquals(SocketState.LISTEN, s.state());
    }

    @Test
    void malformedInetMessagesAreFormatErrors() {
        byte[] shortHeader = build(w -> w.putZeros(71));
        assertThrows(NetlinkFormatException.class, () -> InetDiagCodec.decode(msg(shortHeader), Protocol.TCP));
        byte[] badFamily = build(w -> inetHeader(w, 1));
        assertThrows(NetlinkFormatException.class, () -> InetDiagCodec.decode(msg(badFamily), Protocol.TCP));
        byte[] ok = build(w -> {
            inetHeader(w, 2);
            w.attrU32(SockDiag.INET_DIAG_MARK, 5);
        });
        // nla_len pointing past the end of the message.
        ok[16 + 72] = 40;
        assertThrows(NetlinkFormatException.class, () -> InetDiagCodec.decode(msg(ok), Protocol.TCP));
    }

    private static void unixHeader(MessageBuilder w, int type, int state) {
        w.putU8(1).putU8(type).putU8(state).putU8(0).putU32(4242).putU32(1).putU32(0);
    }

    @Test
    void unixNamesAndAttributes() {
        byte[] path = build(w -> {
            unixHeader(w, 1, SockDiag.TCP_LISTEN);
            w.attrBytes(SockDiag.UNIX_DIAG_NAME, "/tmp/x.sock\0".getBytes());
            w.attrBytes(SockDiag.UNIX_DIAG_VFS, new byte[] {5, 0, 0, 0, 6, 0, 0, 0});
            w.attrBytes(SockDiag.UNIX_DIAG_RQLEN, new byte[] {1, 0, 0, 0, 9, 0, 0, 0});
            w.attrBytes(SockDiag.UNIX_DIAG_ICONS, new byte[] {7, 0, 0, 0});
            w.attrU8(SockDiag.UNIX_DIAG_SHUTDOWN, 3);
            w.attrU32(SockDiag.UNIX_DIAG_UID, 1000);
        });
        UnixSocket s = UnixDiagCodec.decode(msg(path), UnixRequest.DEFAULT_SHOW);
        assertEquals(UnixType.STREAM, s.type());
        assertEquals(SocketState.LISTEN, s.state());
        assertEquals(4242, s.inode());
        assertEquals(1, s.cookie());
        assertEquals(SockAddrUn.Kind.PATH, s.nameKind());
        assertEquals("/tmp/x.sock", s.displayName());
        assertEquals(new UnixVfs(5, 6), s.vfs());
        assertEquals(1, s.rqueue());
        assertEquals(9, s.wqueue());
        assertArrayEquals(new long[] {7}, s.pendingInodes());
        assertEquals(3, s.shutdown());
        assertEquals(1000, s.uid());
        assertEquals(0, s.peerInode(), "asked for and not sent: no peer");

        byte[] abs = build(w -> {
            unixHeader(w, 2, SockDiag.TCP_CLOSE);
            w.attrBytes(SockDiag.UNIX_DIAG_NAME, "\0a\0b".getBytes());
            w.attrBytes(SockDiag.UNIX_DIAG_VFS, new byte[] {1, 2, 3}); // wrong length: raw
        });
        UnixSocket a = UnixDiagCodec.decode(msg(abs), 0);
        assertEquals(SockAddrUn.Kind.ABSTRACT, a.nameKind());
        assertEquals("@a@b", a.displayName());
        assertArrayEquals(new byte[] {'a', 0, 'b'}, a.name());
        assertNull(a.vfs());
        assertArrayEquals(new byte[] {1, 2, 3}, a.otherAttributes().get(SockDiag.UNIX_DIAG_VFS));
        assertEquals(-1, a.peerInode(), "not asked");
        assertEquals(UnixType.DGRAM, a.type());

        UnixSocket odd = UnixDiagCodec.decode(msg(build(w -> unixHeader(w, 9, 77))), 0);
        assertEquals(UnixType.UNKNOWN, odd.type());
        assertEquals(SocketState.UNKNOWN, odd.state());
        assertEquals("*", odd.displayName());
    }

    @Test
    void malformedUnixMessagesAreFormatErrors() {
        assertThrows(NetlinkFormatException.class,
                () -> UnixDiagCodec.decode(msg(build(w -> w.putZeros(15))), 0));
        assertThrows(NetlinkFormatException.class,
                () -> UnixDiagCodec.decode(msg(build(w -> w.putU8(2).putZeros(15))), 0));
        byte[] b = build(w -> {
            unixHeader(w, 1, 1);
            w.putU16(3).putU16(0); // nla_len 3 < header
        });
        assertThrows(NetlinkFormatException.class, () -> UnixDiagCodec.decode(msg(b), 0));
    }

    @Test
    void statesAndMasks() {
        for (SocketState s : SocketState.values()) assertEquals(s, SocketState.of(s.code()));
        assertEquals(SocketState.UNKNOWN, SocketState.of(200));
        assertEquals(SocketState.UNKNOWN, SocketState.of(-1));
        assertEquals((1 << 10) | (1 << 1), SocketState.mask(SocketState.LISTEN, SocketState.ESTABLISHED));
        assertEquals(false, SocketState.LISTEN.in(SocketState.CONNECTED));
        assertEquals(true, SocketState.ESTABLISHED.in(SocketState.CONNECTED));
        assertEquals(true, SocketState.CLOSE_WAIT.in(SocketState.CONNECTED));
        assertThrows(IllegalArgumentException.class, () -> InetRequest.tcp(Domain.AF_UNIX));
        assertThrows(IllegalArgumentException.class, () -> InetRequest.tcp(Domain.AF_INET).withExtensions(9));
    }
}
