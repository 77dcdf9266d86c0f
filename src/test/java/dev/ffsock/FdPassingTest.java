package dev.ffsock;

import dev.ffsock.internal.Sys;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SCM_RIGHTS: passing descriptors, ownership, MSG_CTRUNC, and never leaking what arrived. */
class FdPassingTest {

    static long openFds() {
        return FdCount.open();
    }

    private static MemorySegment one(Arena a) {
        MemorySegment m = a.allocate(1);
        m.set(ValueLayout.JAVA_BYTE, 0, (byte) 'x');
        return m;
    }

    @Test
    void passedSocketTalksToItsPeer() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        Socket[] payload = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, Message.space(4));
             Message in = new Message(1, Message.space(4))) {
            out.addBuffer(one(a)).addFds(payload[0].fd());
            assertEquals(1, carrier[0].sendmsg(out, 0));
            in.addBuffer(a.allocate(4));
            assertEquals(1, carrier[1].recvmsg(in, 0));
            ReceivedControl c = in.control();
            assertEquals(1, c.fdCount(), c.toString());
            assertFalse(c.truncated());
            try (Socket got = c.takeSocket(0)) {
                assertThrows(IllegalStateException.class, () -> c.takeFd(0));
                assertTrue(got.fd() != payload[0].fd());
                int fdFlags = Sys.fcntl(got.fd(), 1 /* F_GETFD */, 0);
                assertEquals(1 /* FD_CLOEXEC */, fdFlags & 1, "received descriptors are close-on-exec");
                assertEquals(Domain.AF_UNIX, got.domain());
                payload[0].close(); // the passed copy keeps the connection open
                got.sendAll(MemorySegment.ofArray("hi there".getBytes(StandardCharsets.US_ASCII)), 0);
                byte[] r = new byte[16];
                assertEquals(8, payload[1].recv(r, 0, r.length, 0));
                assertEquals("hi there", new String(r, 0, 8, StandardCharsets.US_ASCII));
            }
        } finally {
            carrier[0].close();
            carrier[1].close();
            payload[0].close();
            payload[1].close();
        }
    }

    @Test
    void takeFdsGivesOwnership() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        Socket[] x = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, 64); Message in = new Message(1, 64)) {
            out.addBuffer(one(a)).addFds(x[0].fd(), x[1].fd(), x[0].fd());
            carrier[0].sendmsg(out, 0);
            in.addBuffer(a.allocate(1));
            carrier[1].recvmsg(in, 0);
            long before = openFds();
            int[] fds = in.control().takeFds();
            assertEquals(3, fds.length);
            in.reset(); // taken descriptors are the caller's: reset must not close them
            assertEquals(before, openFds());
            for (int fd : fds) Sys.close(fd);
            assertEquals(before - 3, openFds());
        } finally {
            carrier[0].close();
            carrier[1].close();
            x[0].close();
            x[1].close();
        }
    }

    @Test
    void untakenDescriptorsAreClosedOnReuseResetAndClose() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        Socket[] x = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, 64)) {
            out.addBuffer(one(a)).addFds(x[0].fd(), x[1].fd(), x[0].fd());
            long base = openFds();
            // 1. the next receive into the same message closes them
            Message in = new Message(1, 64);
            in.addBuffer(a.allocate(1));
            carrier[0].sendmsg(out, 0);
            carrier[1].recvmsg(in, 0);
            assertEquals(3, in.control().fdCount());
            assertEquals(base + 3, openFds());
            out.clearControl();
            carrier[0].sendmsg(out, 0);
            carrier[1].recvmsg(in, 0);
            assertEquals(0, in.control().fdCount());
            assertEquals(base, openFds());
            // 2. reset
            out.addFds(x[0].fd(), x[1].fd(), x[0].fd());
            carrier[0].sendmsg(out, 0);
            carrier[1].recvmsg(in, 0);
            assertEquals(base + 3, openFds());
            in.reset();
            assertEquals(base, openFds());
            // 3. close
            in.addBuffer(a.allocate(1));
            carrier[0].sendmsg(out, 0);
            carrier[1].recvmsg(in, 0);
            assertEquals(base + 3, openFds());
            in.close();
            assertEquals(base, openFds());
            in.close();
            assertEquals(base, openFds());
        } finally {
            carrier[0].close();
            carrier[1].close();
            x[0].close();
            x[1].close();
        }
    }

    @Test
    void controlTruncationClosesTheDescriptorsThatArrived() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        Socket[] x = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, Message.space(32));
             Message in = new Message(1, Message.space(8))) {
            int[] eight = new int[8];
            for (int i = 0; i < 8; i++) eight[i] = x[i % 2].fd();
            out.addBuffer(one(a)).addFds(eight);
            carrier[0].sendmsg(out, 0);
            in.addBuffer(a.allocate(1));
            long before = openFds();
            assertEquals(1, carrier[1].recvmsg(in, 0));
            assertTrue(in.controlTruncated(), "flags 0x" + Integer.toHexString(in.flags()));
            ReceivedControl c = in.control();
            assertTrue(c.truncated());
            assertEquals(0, c.fdCount());
            assertEquals(2, c.discardedFds(), c.toString());
            assertEquals(before, openFds(), "the two descriptors that fit were closed");
        } finally {
            carrier[0].close();
            carrier[1].close();
            x[0].close();
            x[1].close();
        }
    }

    @Test
    void noControlAreaAtAll() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, 64); Message in = new Message(1, 0)) {
            out.addBuffer(one(a)).addFds(carrier[0].fd(), carrier[0].fd());
            carrier[0].sendmsg(out, 0);
            in.addBuffer(a.allocate(1));
            long before = openFds();
            carrier[1].recvmsg(in, 0);
            assertTrue(in.controlTruncated());
            assertEquals(0, in.control().fdCount());
            assertEquals(before, openFds());
        } finally {
            carrier[0].close();
            carrier[1].close();
        }
    }

    @Test
    void batchReceiveClosesDescriptors() throws Exception {
        Socket[] carrier = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        DatagramBatch b = new DatagramBatch(4, 16, Message.space(16));
        try (Arena a = Arena.ofConfined(); Message out = new Message(1, 64)) {
            out.addBuffer(one(a)).addFds(carrier[0].fd(), carrier[1].fd());
            carrier[0].sendmsg(out, 0);
            carrier[0].sendmsg(out, 0);
            long before = openFds();
            assertEquals(2, carrier[1].recvmmsg(b, Msg.MSG_DONTWAIT));
            assertEquals(before, openFds());
            assertEquals(2, b.control(0).discardedFds());
            assertEquals(0, b.control(1).fdCount());
            assertEquals(2, b.control(1).discardedFds());
            assertEquals(1, b.length(1));
        } finally {
            carrier[0].close();
            carrier[1].close();
        }
    }
}
