package dev.ffsock.internal.nio;

import dev.ffsock.Socket;

/**
 * What {@link EpollSelector} needs of a channel: its socket and how its operations map to epoll
 * events. Every channel of {@code FfsockSelectorProvider} implements it; a channel that does not is
 * another provider's, which the selector refuses.
 */
public interface FfsockChannel {
    /** {@return the channel's state shared with the selectors it is registered with} */
    ChannelCore core();

    /** {@return the epoll events ({@code EPOLLIN}/{@code EPOLLOUT}) that signal the {@link java.nio.channels.SelectionKey} operations {@code ops}} */
    int translateInterestOps(int ops);

    /**
     * {@return the operations of {@code interestOps} that the epoll events {@code events} report
     * ready} An error or hang-up reports every operation of interest, so the next call sees it.
     */
    int translateReadyOps(int events, int interestOps);

    /** The underlying socket (for {@code FfsockSelectorProvider.socketOf}). */
    default Socket socket0() {
        return core().socket;
    }
}
