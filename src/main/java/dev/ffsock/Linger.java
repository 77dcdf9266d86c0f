package dev.ffsock;

/**
 * The SO_LINGER value ({@code struct linger}).
 *
 * @param on      whether close lingers (l_onoff)
 * @param seconds how long close waits for unsent data (l_linger); 0 with {@code on} resets the connection
 */
public record Linger(boolean on, int seconds) {
    /** Validates the seconds. */
    public Linger {
        if (seconds < 0) throw new IllegalArgumentException("negative linger seconds: " + seconds);
    }

    /** Lingering off: close returns at once and the kernel sends what is left in the background. */
    public static final Linger OFF = new Linger(false, 0);
}
