package dev.ffsock.internal.nio;

import dev.ffsock.Epoll;
import dev.ffsock.EpollEvents;
import dev.ffsock.ErrnoException;
import dev.ffsock.EventFd;
import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A {@link Selector} over an ffsock {@link Epoll} instance, woken by an {@link EventFd}.
 *
 * <p>As in the JDK's EPollSelectorImpl: registration and interest-set changes are queued and applied
 * to epoll (level-triggered) at the start of the next selection operation, after the cancelled keys
 * have been deregistered; the wait itself is {@link Epoll#wait}, ffsock's one readiness loop (a
 * virtual thread parks on the poller, its carrier free; close and {@link #wakeup()} end it). Each
 * registration's epoll data word is a slot in a table plus a generation, so an event of a
 * registration already gone is recognised and dropped. A steady-state selection allocates nothing
 * but what the selected-key set (a {@link HashSet}) allocates for keys it adds; the {@code Consumer}
 * variants use no set.
 */
public final class EpollSelector extends AbstractSelector {
    /** The wake-up eventfd's data word (never a slot's: those have a positive generation). */
    private static final long WAKEUP = -1L;
    private static final int INITIAL_EVENTS = 64;

    private final Epoll epoll;
    private final EventFd wakeupFd;
    private EpollEvents events = new EpollEvents(INITIAL_EVENTS);

    private final Set<SelectionKey> keys = ConcurrentHashMap.newKeySet();
    private final Set<SelectionKey> publicKeys = Collections.unmodifiableSet(keys);
    private final Set<SelectionKey> selectedKeys = new HashSet<>();
    private final Set<SelectionKey> publicSelectedKeys = new UngrowableSet<>(selectedKeys);

    /** Guards the update queue, the slot table and every key's epoll registration. */
    private final Object updateLock = new Object();
    private final ArrayDeque<EpollSelectionKey> updates = new ArrayDeque<>();
    /** Written under the update lock; volatile because the selecting thread reads it without the lock. */
    private volatile EpollSelectionKey[] slots = new EpollSelectionKey[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int nextSlot;
    private int generation;
    /** Set by close (under the update lock): no key is added after close has listed the keys to cancel. */
    private boolean closing;

    private final Object interruptLock = new Object();
    private boolean interruptTriggered;

    /**
     * Opens the epoll instance and the wake-up eventfd.
     *
     * @param provider the provider that made this selector
     */
    public EpollSelector(SelectorProvider provider) throws IOException {
        super(provider);
        Epoll ep = Epoll.open();
        try {
            wakeupFd = EventFd.open(0, EventFd.EFD_NONBLOCK | EventFd.EFD_CLOEXEC);
            try {
                ep.add(wakeupFd, Epoll.EPOLLIN, WAKEUP);
            } catch (IOException | RuntimeException e) {
                wakeupFd.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            ep.close();
            throw e;
        }
        epoll = ep;
    }

    private void ensureOpen() {
        if (!isOpen()) throw new ClosedSelectorException();
    }

    @Override
    public Set<SelectionKey> keys() {
        ensureOpen();
        return publicKeys;
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        ensureOpen();
        return publicSelectedKeys;
    }

    // ---- registration ----------------------------------------------------------------------------

    @Override
    protected SelectionKey register(AbstractSelectableChannel ch, int ops, Object att) {
        if (!(ch instanceof FfsockChannel fc)) throw new IllegalSelectorException();
        EpollSelectionKey k = new EpollSelectionKey(this, fc);
        k.attach(att);
        synchronized (updateLock) {
            if (closing) throw new ClosedSelectorException();
            assignSlot(k);
            keys.add(k);
        }
        fc.core().keys.add(k);
        k.interestOps(ops);
        return k;
    }

    private void assignSlot(EpollSelectionKey k) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            slot = nextSlot++;
            if (slot == slots.length) slots = Arrays.copyOf(slots, slots.length * 2);
        }
        if (++generation <= 0) generation = 1;
        k.slot = slot;
        k.data = ((long) generation << 32) | slot;
        slots[slot] = k;
    }

    private void freeSlot(EpollSelectionKey k) {
        if (slots[k.slot] != k) return;
        slots[k.slot] = null;
        if (freeCount == freeSlots.length) freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        freeSlots[freeCount++] = k.slot;
    }

    /** Queues {@code k}'s new interest set for the next selection operation. */
    void queueUpdate(EpollSelectionKey k) {
        synchronized (updateLock) {
            updates.addLast(k);
        }
    }

    /** Applies the queued interest sets to epoll (in the selecting thread, before it waits). */
    private void processUpdateQueue() throws IOException {
        synchronized (updateLock) {
            EpollSelectionKey k;
            while ((k = updates.pollFirst()) != null) {
                if (!k.isValid() || k.channelClosed) continue;
                int ev = k.ffsockChannel.translateInterestOps(k.interest());
                if (ev == k.registeredEvents) continue;
                try {
                    if (k.registeredEvents == 0) {
                        epoll.add(k.ffsockChannel.core().socket, ev, k.data);
                    } else if (ev == 0) {
                        epoll.delete(k.ffsockChannel.core().socket);
                    } else {
                        epoll.modify(k.ffsockChannel.core().socket, ev, k.data);
                    }
                    k.registeredEvents = ev;
                } catch (SocketClosedException e) {
                    // the channel closed meanwhile: its key is cancelled and goes at the next selection
                }
            }
        }
    }

    /** Takes {@code k}'s socket out of epoll, if it is in; the caller holds the update lock. */
    private void removeFromEpoll(EpollSelectionKey k) {
        if (k.registeredEvents == 0) return;
        k.registeredEvents = 0;
        try {
            epoll.delete(k.ffsockChannel.core().socket);
        } catch (SocketClosedException | ErrnoException e) {
            // socket or epoll already closed: the kernel dropped the registration with the file
        } catch (IOException e) {
            // nothing else is thrown by epoll_ctl; nothing to undo
        }
    }

    /**
     * Called by a closing channel before its socket closes: takes the socket out of this epoll set
     * while the descriptor still names it, and keeps it out. The key itself is cancelled by the
     * channel's close and goes at the next selection operation.
     */
    void channelClosing(EpollSelectionKey k) {
        synchronized (updateLock) {
            k.channelClosed = true;
            removeFromEpoll(k);
        }
    }

    /** Deregisters the cancelled keys: out of epoll, the key sets, the slot table and the channel. */
    private void processDeregisterQueue() {
        Set<SelectionKey> cancelled = cancelledKeys();
        synchronized (cancelled) {
            if (cancelled.isEmpty()) return;
            for (SelectionKey sk : cancelled) {
                EpollSelectionKey k = (EpollSelectionKey) sk;
                synchronized (updateLock) {
                    removeFromEpoll(k);
                    freeSlot(k);
                }
                keys.remove(k);
                selectedKeys.remove(k);
                k.ffsockChannel.core().keys.remove(k);
                deregister(k);
            }
            cancelled.clear();
        }
    }

    // ---- selection -------------------------------------------------------------------------------

    @Override
    public int selectNow() throws IOException {
        return doSelect(null, 0);
    }

    @Override
    public int select(long timeout) throws IOException {
        if (timeout < 0) throw new IllegalArgumentException("Negative timeout");
        return doSelect(null, timeout == 0 ? -1 : timeout);
    }

    @Override
    public int select() throws IOException {
        return doSelect(null, -1);
    }

    @Override
    public int select(Consumer<SelectionKey> action, long timeout) throws IOException {
        Objects.requireNonNull(action, "action");
        if (timeout < 0) throw new IllegalArgumentException("Negative timeout");
        return doSelect(action, timeout == 0 ? -1 : timeout);
    }

    @Override
    public int select(Consumer<SelectionKey> action) throws IOException {
        Objects.requireNonNull(action, "action");
        return doSelect(action, -1);
    }

    @Override
    public int selectNow(Consumer<SelectionKey> action) throws IOException {
        Objects.requireNonNull(action, "action");
        return doSelect(action, 0);
    }

    /** One selection operation; {@code timeout}: -1 none, 0 look only, else milliseconds. */
    private int doSelect(Consumer<SelectionKey> action, long timeout) throws IOException {
        synchronized (this) {
            ensureOpen();
            synchronized (publicSelectedKeys) {
                processDeregisterQueue();
                processUpdateQueue();
                int millis = (int) Math.min(timeout, Integer.MAX_VALUE);
                int n;
                if (timeout != 0) begin(); // an interrupt of this thread calls wakeup()
                try {
                    n = epoll.wait(events, millis);
                } finally {
                    if (timeout != 0) end();
                }
                processDeregisterQueue();
                int updated = processEvents(n, action);
                clearWakeup();
                if (n == events.capacity() && n < EpollEvents.MAX_CAPACITY) events = new EpollEvents(n * 2);
                return updated;
            }
        }
    }

    /** Applies the ready events to the keys (or hands them to {@code action}): the number of keys updated. */
    private int processEvents(int n, Consumer<SelectionKey> action) {
        int updated = 0;
        for (int i = 0; i < n; i++) {
            long data = events.data(i);
            if (data == WAKEUP) continue;
            EpollSelectionKey k = lookup(data);
            if (k == null || !k.isValid()) continue;
            int interest = k.interest();
            int ops = k.ffsockChannel.translateReadyOps(events.events(i), interest);
            if (ops == 0) continue;
            if (action != null) {
                k.ready(ops);
                action.accept(k);
                updated++;
            } else if (selectedKeys.contains(k)) {
                int old = k.ready();
                if ((ops & ~old) != 0) {
                    k.ready(old | ops);
                    updated++;
                }
            } else {
                k.ready(ops);
                selectedKeys.add(k);
                updated++;
            }
        }
        return updated;
    }

    private EpollSelectionKey lookup(long data) {
        int slot = (int) data;
        EpollSelectionKey[] table = slots;
        if (slot < 0 || slot >= table.length) return null;
        EpollSelectionKey k = table[slot];
        return k != null && k.data == data ? k : null;
    }

    // ---- wake-up and close -----------------------------------------------------------------------

    @Override
    public Selector wakeup() {
        synchronized (interruptLock) {
            if (!interruptTriggered) {
                try {
                    wakeupFd.signal();
                } catch (IOException e) {
                    // closed: there is no selection left to wake
                }
                interruptTriggered = true;
            }
        }
        return this;
    }

    /** Resets the wake-up after a selection, so that only the first selection after wakeup() returns early. */
    private void clearWakeup() throws IOException {
        synchronized (interruptLock) {
            if (!interruptTriggered) return;
            wakeupFd.read();
            interruptTriggered = false;
        }
    }

    @Override
    protected void implCloseSelector() throws IOException {
        wakeup();
        synchronized (this) {
            synchronized (publicSelectedKeys) {
                synchronized (updateLock) {
                    closing = true;
                }
                for (SelectionKey k : keys) k.cancel();
                processDeregisterQueue();
                selectedKeys.clear();
                synchronized (updateLock) {
                    updates.clear();
                }
                epoll.close();
                wakeupFd.close();
            }
        }
    }

    @Override
    public String toString() {
        return "EpollSelector[" + epoll + "]";
    }
}
