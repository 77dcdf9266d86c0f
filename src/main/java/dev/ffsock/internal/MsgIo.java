package dev.ffsock.internal;

import dev.ffsock.ErrnoException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.SocketTimeoutException;

/**
 * The message calls — sendmsg, recvmsg, sendmmsg, recvmmsg — on prepared native headers, through
 * the one loop ({@link Blocking#call}). The API types lay out the headers ({@link MsgHdr}); these
 * make the calls. Results are the kernel's, {@link Sys#WOULD_BLOCK} when a non-blocking call would
 * block.
 */
public final class MsgIo {
    private MsgIo() {
    }

    private static final int POLLIN = dev.ffsock.internal.bindings.LinuxC.POLLIN();
    private static final int POLLOUT = dev.ffsock.internal.bindings.LinuxC.POLLOUT();

    private static final Blocking.Call SENDMSG = (st, fd, h, at, n, f, x) -> Sys.sendmsg(st, fd, h, f);
    private static final Blocking.Call RECVMSG = (st, fd, h, at, n, f, x) -> Sys.recvmsg(st, fd, h, f);
    private static final Blocking.Call SENDMMSG = (st, fd, v, at, n, f, x) -> Sys.sendmmsg(st, fd, v, (int) n, f);
    private static final Blocking.Call RECVMMSG = (st, fd, v, at, n, f, x) -> Sys.recvmmsg(st, fd, v, (int) n, f, MemorySegment.NULL);

    /**
     * sendmsg(2) of a prepared msghdr; {@code first} is {@link Blocking#TRY} for a socket that takes
     * a message whole or not at all, {@link Blocking#WAIT} for a stream (which may take part of it).
     */
    public static long sendmsg(FdGuard guard, boolean block, int first, MemorySegment hdr, int flags) throws IOException {
        return Blocking.call(guard, block, first, flags, POLLOUT, Blocking.UNSET, Sys.SO_SNDTIMEO, "sendmsg", SENDMSG, hdr, 0, 0, null);
    }

    /** recvmsg(2) into a prepared msghdr. */
    public static long recvmsg(FdGuard guard, boolean block, MemorySegment hdr, int flags) throws IOException {
        return Blocking.call(guard, block, Blocking.TRY, flags, POLLIN, Blocking.UNSET, Sys.SO_RCVTIMEO, "recvmsg", RECVMSG, hdr, 0, 0, null);
    }

    /** sendmmsg(2) of {@code count} prepared mmsghdrs at {@code vec}. */
    public static int sendmmsg(FdGuard guard, boolean block, MemorySegment vec, int count, int flags) throws IOException {
        return (int) Blocking.call(guard, block, Blocking.WAIT, flags, POLLOUT, Blocking.UNSET, Sys.SO_SNDTIMEO, "sendmmsg",
                SENDMMSG, vec, 0, count, null);
    }

    /** recvmmsg(2) into {@code count} prepared mmsghdrs at {@code vec}, without a time limit of its own. */
    public static int recvmmsg(FdGuard guard, boolean block, MemorySegment vec, int count, int flags) throws IOException {
        return (int) Blocking.call(guard, block, Blocking.WAIT, flags, POLLIN, Blocking.UNSET, Sys.SO_RCVTIMEO, "recvmmsg",
                RECVMMSG, vec, 0, count, null);
    }

    /**
     * The rest of a blocking-mode recvmmsg(2) without MSG_WAITFORONE on a virtual thread: its
     * attempts carry MSG_DONTWAIT and so return with what is there, but recvmmsg(2)'s rule is to wait
     * for every slot; this goes on waiting and receiving until all {@code size} slots are filled.
     * As in the kernel, SO_RCVTIMEO running out (or an error) after the first datagram ends the call
     * with what arrived (an error stays pending for the next call).
     *
     * @param got the slots already filled
     * @return the slots filled in all
     */
    public static int recvmmsgFill(FdGuard guard, Slots slots, int got, int size, int flags) throws IOException {
        // Each call is bounded by SO_RCVTIMEO afresh (UNSET), as each recvmsg inside recvmmsg(2) is.
        return receiveSlots(guard, slots, got, size, flags, true, Blocking.UNSET, Sys.SO_RCVTIMEO, false);
    }

    /** Where a timed recvmmsg puts what arrived: {@code slot} is the first slot of this batch of datagrams. */
    public interface Slots {
        /** {@return the mmsghdr vector from slot {@code from} on} */
        MemorySegment vectorFrom(int from);

        /** Records {@code n} datagrams received into slots {@code from}.. */
        void received(int from, int n);
    }

    /**
     * recvmmsg(2) with a real time limit: takes datagrams with non-blocking recvmmsg calls, waiting
     * ({@link Blocking#await}) while none is there, until all {@code size} slots are filled, the
     * deadline passes, or — {@code waitForOne} — at least one arrived. The kernel's own recvmmsg
     * timeout is not used: it is only checked after a datagram arrives, so it cannot bound a wait on
     * a quiet socket. {@code deadline} 0: take what is there now, do not wait.
     *
     * @return the number of slots filled
     */
    public static int recvmmsgUntil(FdGuard guard, Slots slots, int size, int flags, long deadline, boolean waitForOne)
            throws IOException {
        return receiveSlots(guard, slots, 0, size, flags | Sys.MSG_DONTWAIT, deadline != 0, deadline,
                Blocking.NO_OPTION, waitForOne);
    }

    /**
     * The slot-filling loop of both: recvmmsg(2) into the slots from {@code got} on, again and again,
     * until every slot is filled, a call would block (not {@code wait}), the time limit runs out,
     * the peer shut down, or — {@code waitForOne} — one call received something. An error after the
     * first datagram ends the loop with what arrived (the error stays pending for the next call).
     */
    private static int receiveSlots(FdGuard guard, Slots slots, int got, int size, int flags, boolean wait,
                                    long deadline, int option, boolean waitForOne) throws IOException {
        while (got < size) {
            int r;
            try {
                r = (int) Blocking.call(guard, wait, Blocking.WAIT, flags, POLLIN, deadline, option, "recvmmsg", RECVMMSG,
                        slots.vectorFrom(got), 0, size - got, null);
            } catch (SocketTimeoutException e) {
                break;
            } catch (ErrnoException e) {
                if (got > 0) break;
                throw e;
            }
            if (r == Sys.WOULD_BLOCK || r == 0) break; // nothing now (no wait), or orderly shutdown
            slots.received(got, r);
            got += r;
            if (waitForOne) break;
        }
        return got;
    }
}
