package dev.ffsock.netlink;

import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * A subscription to a netlink family's multicast notifications, delivered as typed events: one at
 * a time with {@link #next} or to a {@link Listener} with {@link #listen}. The families' event
 * APIs (conntrack's, process events') are this class with their decoder; the connection has
 * already joined its groups.
 *
 * <p>Events come in the kernel's order. If the socket's receive buffer overflows, the kernel drops
 * notifications and says so once (ENOBUFS): {@link #next} then throws {@link EventsLostException}
 * at that point of the stream (after every event received before it), and {@link #listen} hands it
 * to {@link Listener#onEventsLost}.
 *
 * <p>The subscription owns its connection. One thread consumes; {@link #close()} from any thread
 * ends a blocked {@code next} or {@code listen}.
 *
 * @param <E> the event type
 */
public final class NetlinkEvents<E> implements AutoCloseable {
    /**
     * Receives events from {@link #listen}.
     *
     * @param <E> the event type
     */
    public interface Listener<E> {
        /**
         * Handles one event.
         *
         * @param event the event
         * @return true to go on, false to make {@code listen} return
         * @throws IOException to end {@code listen} with it
         */
        boolean onEvent(E event) throws IOException;

        /**
         * The kernel dropped events (receive buffer overrun). By default rethrows, ending {@code
         * listen}; return true to go on receiving, false to return.
         *
         * @param e the loss
         * @return true to go on receiving, false to make {@code listen} return
         * @throws IOException to end {@code listen} (by default {@code e} itself)
         */
        default boolean onEventsLost(EventsLostException e) throws IOException {
            throw e;
        }
    }

    private final NetlinkConnection conn;
    private final ArrayDeque<E> pending = new ArrayDeque<>();
    private final NetlinkConnection.Handler handler;
    private final Runnable beforeClose;
    private volatile boolean closed;

    private NetlinkEvents(NetlinkConnection conn, NetlinkConnection.Decoder<E> decoder, Runnable beforeClose) {
        this.conn = conn;
        this.beforeClose = beforeClose;
        this.handler = m -> {
            E e = decoder.decode(m);
            if (e != null) pending.add(e);
        };
    }

    /**
     * Delivers the notifications {@code conn} receives (it has joined its groups), decoded by
     * {@code decoder}; the subscription owns the connection from now on.
     *
     * @param <E>     the event type
     * @param conn    the subscribed connection
     * @param decoder turns a notification into an event, or null to skip it
     * @return the subscription
     */
    public static <E> NetlinkEvents<E> over(NetlinkConnection conn, NetlinkConnection.Decoder<E> decoder) {
        return over(conn, decoder, () -> { });
    }

    /**
     * As {@link #over(NetlinkConnection, NetlinkConnection.Decoder)}, with something to do before
     * the connection closes (a family's unsubscribe request).
     *
     * @param <E>         the event type
     * @param conn        the subscribed connection
     * @param decoder     turns a notification into an event, or null to skip it
     * @param beforeClose run once by the first {@link #close()}, before the socket closes; must not throw
     * @return the subscription
     */
    public static <E> NetlinkEvents<E> over(NetlinkConnection conn, NetlinkConnection.Decoder<E> decoder,
                                            Runnable beforeClose) {
        return new NetlinkEvents<>(Objects.requireNonNull(conn, "conn"), Objects.requireNonNull(decoder, "decoder"),
                Objects.requireNonNull(beforeClose, "beforeClose"));
    }

    /** {@return the connection, for socket options such as SO_RCVBUF} */
    public NetlinkConnection connection() {
        return conn;
    }

    /**
     * Waits for the next event (recvfrom(2) on the subscribed socket, as the family's monitor tool does).
     *
     * @param timeout how long to wait at most; null to wait without limit, zero to look once without waiting
     * @return the event, or null if none came in time (or the subscription was closed meanwhile)
     * @throws EventsLostException where the kernel dropped events; calling again goes on after the gap
     * @throws IOException if receiving fails, a notification is malformed, or the decoder throws
     */
    public E next(Duration timeout) throws IOException {
        if (!pending.isEmpty()) return pending.poll();
        long deadline = timeout == null ? 0 : System.nanoTime() + Math.max(0, timeout.toNanos());
        while (true) {
            int wait = -1;
            if (timeout != null) {
                long left = deadline - System.nanoTime();
                wait = left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
            }
            if (closed) return null;
            try {
                conn.receiveEvents(handler, wait); // close() wakes this wait at once
            } catch (SocketClosedException | IllegalStateException e) {
                if (closed) return null;
                throw e;
            }
            if (!pending.isEmpty()) return pending.poll();
            if (closed) return null;
            if (timeout != null && System.nanoTime() - deadline >= 0) return null;
        }
    }

    /**
     * Hands events to {@code listener} until it returns false or the subscription is closed.
     *
     * @param listener receives the events
     * @throws EventsLostException when events are lost and the listener rethrows it (the default)
     * @throws IOException as {@link #next}, or what the listener throws
     */
    public void listen(Listener<? super E> listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        while (!closed) {
            E e;
            try {
                e = next(null);
            } catch (EventsLostException lost) {
                if (!listener.onEventsLost(lost)) return;
                continue;
            }
            if (e == null || !listener.onEvent(e)) return;
        }
    }

    /** Closes the connection; a {@code next}/{@code listen} blocked in another thread returns at once. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            beforeClose.run();
        }
        conn.close();
    }
}
