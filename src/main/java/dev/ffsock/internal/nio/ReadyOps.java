package dev.ffsock.internal.nio;

import dev.ffsock.Epoll;

import java.nio.channels.SelectionKey;

/** The epoll events the channels' operations wait for, and the operations a set of events makes ready. */
final class ReadyOps {
    private ReadyOps() {
    }

    /** Events that make every operation of interest ready: the next call then reports what happened. */
    private static final int FAILED = Epoll.EPOLLERR | Epoll.EPOLLHUP;

    /** {@return EPOLLIN for OP_READ/OP_ACCEPT, EPOLLOUT for OP_WRITE/OP_CONNECT} */
    static int interest(int ops) {
        int ev = 0;
        if ((ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) ev |= Epoll.EPOLLIN;
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) ev |= Epoll.EPOLLOUT;
        return ev;
    }

    /**
     * {@return the operations of {@code interest} that {@code events} make ready} OP_CONNECT only
     * while a connection is pending, OP_READ and OP_WRITE only once connected (as the JDK reports them).
     */
    static int ready(int events, int interest, boolean connected, boolean pending) {
        if ((events & FAILED) != 0) {
            int ops = interest;
            if (!pending) ops &= ~SelectionKey.OP_CONNECT;
            return ops;
        }
        int ops = 0;
        if ((events & Epoll.EPOLLIN) != 0) ops |= interest & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        if ((events & Epoll.EPOLLOUT) != 0) {
            if (pending) ops |= interest & SelectionKey.OP_CONNECT;
            if (connected) ops |= interest & SelectionKey.OP_WRITE;
        }
        if (!connected) ops &= ~SelectionKey.OP_READ;
        return ops;
    }
}
