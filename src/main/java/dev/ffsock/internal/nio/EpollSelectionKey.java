package dev.ffsock.internal.nio;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectionKey;

/**
 * A registration of a channel with an {@link EpollSelector}. A change of the interest set is queued
 * and reaches epoll at the selector's next selection operation (as in the JDK's selectors).
 */
final class EpollSelectionKey extends AbstractSelectionKey {
    final EpollSelector selector;
    final FfsockChannel ffsockChannel;
    private final SelectableChannel channel;
    private volatile int interestOps;
    private volatile int readyOps;
    /** The epoll data word: generation (high 32 bits) and slot in the selector's table (low 32). */
    long data;
    int slot;
    /** The events registered in epoll now, 0 when not in the set (guarded by the selector's update lock). */
    int registeredEvents;
    /** The channel is closing: its socket is out of the epoll set and must not go back (update lock). */
    boolean channelClosed;

    EpollSelectionKey(EpollSelector selector, FfsockChannel channel) {
        this.selector = selector;
        this.ffsockChannel = channel;
        this.channel = (SelectableChannel) channel;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    public Selector selector() {
        return selector;
    }

    private void ensureValid() {
        if (!isValid()) throw new CancelledKeyException();
    }

    @Override
    public int interestOps() {
        ensureValid();
        return interestOps;
    }

    @Override
    public java.nio.channels.SelectionKey interestOps(int ops) {
        ensureValid();
        if ((ops & ~channel.validOps()) != 0) throw new IllegalArgumentException("Invalid interest ops: " + ops);
        interestOps = ops;
        selector.queueUpdate(this);
        return this;
    }

    @Override
    public int readyOps() {
        ensureValid();
        return readyOps;
    }

    /** The interest set without the validity check (for the selector). */
    int interest() {
        return interestOps;
    }

    /** The ready set without the validity check (for the selector). */
    int ready() {
        return readyOps;
    }

    void ready(int ops) {
        readyOps = ops;
    }
}
