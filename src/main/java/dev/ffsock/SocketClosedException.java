package dev.ffsock;

import java.io.IOException;

/**
 * The socket was closed: either before the call ("socket closed"), or by another thread while this
 * call was blocked in it ("socket closed while blocked in recv").
 */
public class SocketClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A call on a socket that is, or became, closed.
     *
     * @param message what was closed and where
     */
    public SocketClosedException(String message) {
        super(message);
    }
}
