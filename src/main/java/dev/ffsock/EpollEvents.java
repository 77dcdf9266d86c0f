package dev.ffsock;

import dev.ffsock.internal.ArchLayouts;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The reusable native array of {@code struct epoll_event} that {@link Epoll#wait(EpollEvents, int)}
 * fills: allocate one per waiting thread and reuse it for every wait (a wait allocates nothing).
 * After a wait, entries {@code 0 .. count()-1} hold the ready descriptors' {@link #events(int)} and
 * the {@link #data(int)} word given when they were added. The layout is this machine's (packed
 * 12-byte entries on x86_64, 16-byte entries elsewhere). Not thread-safe.
 */
public final class EpollEvents {
    /** The largest capacity accepted (epoll_wait's maxevents is an int; this keeps the array modest). */
    public static final int MAX_CAPACITY = 1 << 16;

    final MemorySegment segment;
    private final int capacity;
    int count;

    /**
     * An array for up to {@code capacity} events per wait.
     *
     * @param capacity the most events one {@code epoll_wait} returns (its {@code maxevents})
     * @throws IllegalArgumentException if {@code capacity} is not in 1..{@link #MAX_CAPACITY}
     */
    public EpollEvents(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + ": " + capacity);
        }
        this.capacity = capacity;
        this.segment = Arena.ofAuto().allocate(capacity * ArchLayouts.EPOLL_EVENT_SIZE, 8);
    }

    /** {@return the most events one wait can return} */
    public int capacity() {
        return capacity;
    }

    /** {@return the number of entries the last wait filled (0 before any wait or after a timeout)} */
    public int count() {
        return count;
    }

    /**
     * {@return entry {@code i}'s event bits (the {@code Epoll.EPOLL*} constants)}
     *
     * @param i the event's index, below {@link #count()}
     */
    public int events(int i) {
        Objects.checkIndex(i, count);
        return segment.get(ValueLayout.JAVA_INT_UNALIGNED, i * ArchLayouts.EPOLL_EVENT_SIZE + ArchLayouts.EPOLL_EVENT_EVENTS);
    }

    /**
     * {@return entry {@code i}'s data word, as given to {@link Epoll#add(Socket, int, long)}}
     *
     * @param i the event's index, below {@link #count()}
     */
    public long data(int i) {
        Objects.checkIndex(i, count);
        return segment.get(ValueLayout.JAVA_LONG_UNALIGNED, i * ArchLayouts.EPOLL_EVENT_SIZE + ArchLayouts.EPOLL_EVENT_DATA);
    }
}
