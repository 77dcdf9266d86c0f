package dev.ffsock.internal.nio;

import dev.ffsock.Socket;

import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;

/**
 * What {@link EpollSelector} and {@link ChannelCore} need of a channel: its socket, how its
 * operations map to epoll events, and the interrupt bracket around its blocking calls. Every channel
 * of {@code FfsockSelectorProvider} implements it; a channel that does not is another provider's,
 * which the selector refuses.
 */
public interface FfsockChannel {
    /** {@return the channel's state shared with the selectors it is registered with} */
    ChannelCore core();

    /** {@return whether the channel is open} (the channel's own {@code isOpen}) */
    boolean isOpen();

    /** {@return whether the channel is in blocking mode} (the channel's own {@code isBlocking}) */
    boolean isBlocking();

    /** Marks the start of a blocking call: the channel's {@code AbstractInterruptibleChannel.begin()}. */
    void enter();

    /**
     * Marks the end of a blocking call: the channel's {@code AbstractInterruptibleChannel.end(completed)}.
     *
     * @throws AsynchronousCloseException when the channel was closed (or the thread interrupted) during the call
     */
    void leave(boolean completed) throws AsynchronousCloseException;

    /**
     * Checks, under the call's lock, that a data call of {@code kind} ({@link DataCalls#READ} etc.)
     * may run; by default that the channel is open.
     *
     * @return false when a read is at end of stream without a call (input shut down)
     */
    default boolean admit(int kind) throws IOException {
        if (!isOpen()) throw new ClosedChannelException();
        return true;
    }

    /** {@return the epoll events ({@code EPOLLIN}/{@code EPOLLOUT}) that signal the {@link java.nio.channels.SelectionKey} operations {@code ops}} */
    default int translateInterestOps(int ops) {
        return ReadyOps.interest(ops);
    }

    /**
     * {@return the operations of {@code interestOps} that the epoll events {@code events} report
     * ready} An error or hang-up reports every operation of interest, so the next call sees it. By
     * default the channel counts as connected (no OP_CONNECT).
     */
    default int translateReadyOps(int events, int interestOps) {
        return ReadyOps.ready(events, interestOps, true, false);
    }

    /** The underlying socket (for {@code FfsockSelectorProvider.socketOf}). */
    default Socket socket0() {
        return core().socket;
    }
}
