package dev.ffsock.cli;

import dev.ffsock.Msg;
import dev.ffsock.Poll;
import dev.ffsock.SockAddrUn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client behind {@code ffsock ping}: one socket, messages of random bytes sent one at a time,
 * each echo read in full and compared before the next is sent.
 */
final class Pinger {
    private final Endpoint to;
    private final int size;
    private final Duration timeout;
    private final int timeoutMillis;

    /**
     * @param to      the echo server
     * @param size    bytes per message
     * @param timeout for connecting and for each echo
     */
    Pinger(Endpoint to, int size, Duration timeout) {
        this.to = to;
        this.size = size;
        this.timeout = timeout;
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Sends {@code count} messages; {@return their round-trip times} @throws IOException on any failure or wrong echo */
    RoundTrips run(int count) throws IOException {
        RoundTrips times = new RoundTrips(count);
        try (Socket s = Socket.open(to.domain(), to.type()); Arena arena = Arena.ofConfined()) {
            s.setsockopt(SockOpt.SO_RCVTIMEO, timeout);
            s.setsockopt(SockOpt.SO_SNDTIMEO, timeout);
            // An AF_UNIX datagram server replies to the sender's address: autobind one (bind with
            // only the family gives the socket a unique abstract name).
            if (to.unix() && to.dgram()) s.bind(SockAddrUn.unnamed());
            if (to.unix()) {
                s.connect(to.address()); // bounded by SO_SNDTIMEO
            } else {
                s.connect(to.address(), timeout);
            }
            byte[] payload = new byte[size];
            MemorySegment out = arena.allocate(Math.max(1, size));
            // One spare byte shows a datagram echo that is longer than what was sent.
            MemorySegment in = arena.allocate(size + 1L);
            boolean stream = to.type().equals(Type.STREAM);
            for (int i = 1; i <= count; i++) {
                ThreadLocalRandom.current().nextBytes(payload);
                MemorySegment.copy(payload, 0, out, ValueLayout.JAVA_BYTE, 0, size);
                long t0 = System.nanoTime();
                long got = stream ? streamExchange(s, out, in) : messageExchange(s, out, in, i);
                long t1 = System.nanoTime();
                check(i, count, out, in, got);
                times.add(t1 - t0);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("no answer within " + seconds() + " (" + e.getMessage() + ")", e);
        }
        return times;
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /**
     * Sends and receives at the same time until the whole echo is in: the echo of a large message
     * starts before all of it is sent, and the socket buffers may not hold all of it.
     */
    private long streamExchange(Socket s, MemorySegment out, MemorySegment in) throws IOException {
        long sent = 0;
        long got = 0;
        while (sent < size) {
            long n = s.send(out.asSlice(sent, size - sent), Msg.MSG_DONTWAIT);
            if (n > 0) {
                sent += n;
                if (sent == size) break;
            }
            long r = s.recv(in.asSlice(got, size - got), Msg.MSG_DONTWAIT);
            if (r == 0) return got;
            if (r > 0) got += r;
            if (n == Socket.WOULD_BLOCK && r == Socket.WOULD_BLOCK
                    && s.poll(Poll.POLLIN | Poll.POLLOUT, timeoutMillis) == 0) {
                throw new SocketTimeoutException("send and recv timed out");
            }
        }
        while (got < size) {
            long r = s.recv(in.asSlice(got, size - got), 0); // bounded by SO_RCVTIMEO
            if (r == 0) return got;
            got += r;
        }
        return got;
    }

    private long messageExchange(Socket s, MemorySegment out, MemorySegment in, int i) throws IOException {
        long n = s.send(out.asSlice(0, size), 0);
        if (n != size) throw new IOException("message " + i + ": sent only " + n + " of " + size + " bytes");
        // MSG_TRUNC: the real length of a longer datagram.
        return s.recv(in, Msg.MSG_TRUNC);
    }

    private void check(int i, int count, MemorySegment out, MemorySegment in, long got) throws IOException {
        String which = "message " + i + " of " + count;
        if (got != size) {
            if (to.type().equals(Type.STREAM)) {
                throw new IOException(which + ": the server closed the connection after echoing " + got + " of " + size + " bytes");
            }
            throw new IOException(which + ": the echo has " + got + " bytes, " + size + " were sent");
        }
        long at = MemorySegment.mismatch(out, 0, size, in, 0, size);
        if (at >= 0) {
            throw new IOException(String.format("%s: the echo differs at byte %d: sent 0x%02x, got 0x%02x", which, at,
                    out.get(ValueLayout.JAVA_BYTE, at) & 0xff, in.get(ValueLayout.JAVA_BYTE, at) & 0xff));
        }
    }
}
