package dev.ffsock.netlink.connector;

import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proc connector codec: every event type written and read back equal, the subscription
 * request's bytes, other callbacks not decoded, and mutated or truncated messages decode or throw
 * {@link NetlinkFormatException}, nothing else.
 */
class ProcEventCodecTest {
    static final List<ProcEvent> SAMPLES = List.of(
            new ProcEvent.Ack(0, 1L, 0),
            new ProcEvent.Fork(1, 2L, 100, 100, 101, 101),
            new ProcEvent.Exec(2, 3L, 101, 101),
            new ProcEvent.Uid(3, 4L, 101, 101, 65534, 0xfffffffeL),
            new ProcEvent.Gid(0, 5L, 101, 101, 65534, 65534),
            new ProcEvent.Sid(0, 6L, 101, 101),
            new ProcEvent.Ptrace(0, 7L, 101, 101, 200, 200),
            new ProcEvent.Comm(0, 8L, 102, 101, "worker-1"),
            new ProcEvent.Coredump(0, 9L, 101, 101, 100, 100),
            new ProcEvent.Exit(1, Long.MAX_VALUE, 101, 101, 3 << 8, 17, 100, 100),
            new ProcEvent.Other(0, 10L, 0x400, new byte[24]));

    static byte[] message(int idx, byte[] data) {
        try (MessageBuilder b = new MessageBuilder(128, false)) {
            b.begin(Netlink.NLMSG_DONE, 0);
            if (idx == ProcConnector.CN_IDX_PROC) {
                ProcEventCodec.writeMessage(b, 7, data);
            } else {
                b.putU32(idx).putU32(1).putU32(0).putU32(0).putU16(data.length).putU16(0).putBytes(data);
            }
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    @Test
    void everyEventRoundTrips() {
        for (ProcEvent e : SAMPLES) {
            byte[] bytes = ProcEventCodec.eventBytes(e);
            assertEquals(ProcConnector.PROC_EVENT_SIZE, bytes.length);
            assertEquals(e, ProcEventCodec.decode(parse(message(ProcConnector.CN_IDX_PROC, bytes))), e.toString());
        }
    }

    @Test
    void subscriptionRequestIsACnMsgWithTheOp() {
        try (MessageBuilder b = new MessageBuilder(64, false)) {
            b.begin(Netlink.NLMSG_DONE, 0);
            ProcEventCodec.writeSubscription(b, true);
            b.end();
            byte[] p = Arrays.copyOfRange(b.segment().toArray(ValueLayout.JAVA_BYTE), 16, 16 + 24);
            MemorySegment s = MemorySegment.ofArray(p);
            assertEquals(ProcConnector.CN_IDX_PROC, s.get(ValueLayout.JAVA_INT_UNALIGNED, ProcConnector.CN_MSG_IDX));
            assertEquals(ProcConnector.CN_VAL_PROC, s.get(ValueLayout.JAVA_INT_UNALIGNED, ProcConnector.CN_MSG_VAL));
            assertEquals(4, s.get(ValueLayout.JAVA_SHORT_UNALIGNED, ProcConnector.CN_MSG_LEN));
            assertEquals(ProcConnector.PROC_CN_MCAST_LISTEN, s.get(ValueLayout.JAVA_INT_UNALIGNED, ProcConnector.CN_MSG_SIZE));
        }
    }

    @Test
    void otherCallbacksAreNotDecodedAndShortEventsAreFormatErrors() {
        assertNull(ProcEventCodec.decode(parse(message(ProcConnector.CN_IDX_PROC + 1, new byte[40]))));
        byte[] fork = ProcEventCodec.eventBytes(SAMPLES.get(1));
        assertThrows(NetlinkFormatException.class,
                () -> ProcEventCodec.decode(parse(message(ProcConnector.CN_IDX_PROC, Arrays.copyOf(fork, 24)))));
        assertThrows(NetlinkFormatException.class,
                () -> ProcEventCodec.decode(parse(message(ProcConnector.CN_IDX_PROC, Arrays.copyOf(fork, 12)))));
        byte[] comm = ProcEventCodec.eventBytes(SAMPLES.get(7));
        assertArrayEquals("worker-1".getBytes(), Arrays.copyOfRange(comm, 24, 32));
    }

    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() {
        List<byte[]> corpus = new java.util.ArrayList<>();
        for (ProcEvent e : SAMPLES) corpus.add(message(ProcConnector.CN_IDX_PROC, ProcEventCodec.eventBytes(e)));
        dev.ffsock.netlink.CodecFuzz.Counts c = dev.ffsock.netlink.CodecFuzz.run(corpus, List.of(ProcEventCodec::decode));
        assertTrue(c.formatErrors() > 0 && c.decoded() > 0, "the fuzzing reached both outcomes: " + c);
    }
}
