package dev.ffsock.netlink;

import java.io.IOException;

/**
 * The kernel dropped multicast notifications because the socket's receive buffer was full
 * (ENOBUFS): the subscriber missed events and should re-read the state it tracks (a dump), then
 * keep receiving.
 */
public class EventsLostException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EventsLostException() {
        super("netlink events lost: receive buffer overrun (ENOBUFS); re-read the state and continue");
    }
}
