package dev.ffsock.netlink.diag;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrUn;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The inet and unix diag decoders (tcp_info, meminfo, skmeminfo, BBR info, cong, shutdown, …) on real
 * dumps with every extension asked for, then on mutated and cut copies: a record or
 * {@link dev.ffsock.netlink.NetlinkFormatException}, nothing else. The attribute parsers on random bytes.
 */
class DiagFuzzTest {
    @Test
    void mutatedDumpsDecodeOrThrowFormatErrors() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            Socket l = Socket.open(Domain.AF_INET, Type.STREAM);
            open.add(l);
            l.bind(SockAddrIn.loopback(0));
            l.listen(2);
            Socket c = Socket.open(Domain.AF_INET, Type.STREAM);
            open.add(c);
            c.connect(l.getsockname());
            open.add(l.accept());
            c.send(new byte[300], 0, 300, 0);
            Socket ul = Socket.open(Domain.AF_UNIX, Type.STREAM);
            open.add(ul);
            ul.bind(SockAddrUn.abstractName("ffsock-fuzz-" + System.nanoTime()));
            ul.listen(1);

            List<byte[]> inet = new ArrayList<>(), unix = new ArrayList<>();
            try (NetlinkConnection conn = NetlinkConnection.open(Netlink.NETLINK_SOCK_DIAG)) {
                InetRequest r = InetRequest.tcp(Domain.AF_INET).withExtensions(1, 2, 3, 4, 5, 6, 7, 8)
                        .filter(InetFilter.src(java.net.InetAddress.getLoopbackAddress(), 8));
                conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> InetDiagCodec.encode(w, r), m -> inet.add(bytes(m)));
                UnixRequest u = UnixRequest.all().show(0x7f);
                conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> UnixDiagCodec.encode(w, u), m -> unix.add(bytes(m)));
            }
            assertTrue(inet.size() >= 3 && !unix.isEmpty(), inet.size() + " inet, " + unix.size() + " unix");
            assertNotNull(InetDiagCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(inet.getFirst())), Protocol.TCP).tcpInfo());
            CodecFuzz.run(inet, List.of(m -> InetDiagCodec.decode(m, Protocol.TCP)));
            CodecFuzz.run(unix, List.of(m -> UnixDiagCodec.decode(m, UnixRequest.DEFAULT_SHOW)));
        } finally {
            open.forEach(Socket::close);
        }
    }

    @Test
    void packetAndNetlinkDecodersOnMutatedMessages() throws Exception {
        List<byte[]> packet = new ArrayList<>();
        try (Socket p = Socket.open(Domain.AF_PACKET, Type.RAW, new Protocol(0x0300));
             NetlinkConnection conn = NetlinkConnection.open(Netlink.NETLINK_SOCK_DIAG)) {
            conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> PacketDiagCodec.encode(w, 0x3f), m -> packet.add(bytes(m)));
        }
        packet.add(handBuiltPacket());
        CodecFuzz.run(packet, List.of(PacketDiagCodec::decode));
        CodecFuzz.run(List.of(handBuiltNetlink()), List.of(NetlinkDiagCodec::decode));
    }

    /** A packet_diag_msg with every attribute, as linux/packet_diag.h lays them out. */
    private static byte[] handBuiltPacket() {
        try (var b = new dev.ffsock.netlink.MessageBuilder(512, false)) {
            b.begin(SockDiag.SOCK_DIAG_BY_FAMILY, 0);
            b.putU8(17).putU8(3).putU16(0x0800).putU32(1234).putU32(5).putU32(6);
            b.attrBytes(SockDiag.PACKET_DIAG_INFO, new byte[24]);
            byte[] mc = new byte[44];
            mc[10] = 6;
            b.attrBytes(SockDiag.PACKET_DIAG_MCLIST, mc);
            b.attrBytes(SockDiag.PACKET_DIAG_RX_RING, new byte[28]);
            b.attrBytes(SockDiag.PACKET_DIAG_TX_RING, new byte[28]);
            b.attrU32(SockDiag.PACKET_DIAG_FANOUT, 0x10007);
            b.attrU32(SockDiag.PACKET_DIAG_UID, 1000);
            b.attrBytes(SockDiag.PACKET_DIAG_MEMINFO, new byte[36]);
            b.attrBytes(SockDiag.PACKET_DIAG_FILTER, new byte[8]);
            b.end();
            byte[] out = b.segment().toArray(ValueLayout.JAVA_BYTE);
            PacketSocket s = PacketDiagCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(out)));
            assertTrue(s.type() == 3 && s.protocol() == 0x0800 && s.inode() == 1234 && s.uid() == 1000
                    && s.fanout() == 0x10007 && s.memberships().getFirst().address().length == 6 && s.rxRing() != null
                    && s.txRing() != null && s.info() != null && s.memInfo() != null, s::toString);
            return out;
        }
    }

    /** A netlink_diag_msg with groups, meminfo and flags, as linux/netlink_diag.h lays them out. */
    private static byte[] handBuiltNetlink() {
        try (var b = new dev.ffsock.netlink.MessageBuilder(512, false)) {
            b.begin(SockDiag.SOCK_DIAG_BY_FAMILY, 0);
            b.putU8(16).putU8(3).putU8(0).putU8(7).putU32(4242).putU32(0).putU32(0).putU32(999).putU32(1).putU32(0);
            b.attrBytes(SockDiag.NETLINK_DIAG_GROUPS, new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) 0x80});
            b.attrBytes(SockDiag.NETLINK_DIAG_MEMINFO, new byte[36]);
            b.attrU32(SockDiag.NETLINK_DIAG_FLAGS, SockDiag.NDIAG_FLAG_CAP_ACK);
            b.end();
            byte[] out = b.segment().toArray(ValueLayout.JAVA_BYTE);
            NetlinkSocket s = NetlinkDiagCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(out)));
            assertTrue(s.portId() == 4242 && s.inode() == 999 && s.groups().length == 2 && s.groups()[1] == 0x80000000L
                    && s.flags() == SockDiag.NDIAG_FLAG_CAP_ACK && s.state() == 7 && s.memInfo() != null, s::toString);
            return out;
        }
    }

    @Test
    void attributeParsersTakeAnyBytes() {
        Random r = new Random(Long.getLong("ffsock.fuzz.seed", System.nanoTime()));
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(48)];
            r.nextBytes(b);
            MemorySegment s = MemorySegment.ofArray(b);
            SkMemInfo m = SkMemInfo.parse(s);
            assertTrue(m == null ? b.length < 28 : m.count() == b.length / 4);
            BbrInfo bbr = BbrInfo.parse(s);
            assertTrue(bbr == null ? b.length < BbrInfo.SIZE : bbr.minRtt() >= 0);
            if (m != null) assertTrue(m.ssText().startsWith("skmem:(r"));
        }
    }

    private static byte[] bytes(NetlinkMessage m) {
        return m.segment().toArray(ValueLayout.JAVA_BYTE);
    }
}
