package dev.ffsock.netlink.diag;

/**
 * The timer pending on an inet socket, from {@code inet_diag_msg}'s {@code idiag_timer},
 * {@code idiag_expires} and {@code idiag_retrans} ({@code ss -o} prints it as
 * {@code timer:(on,200ms,0)}).
 *
 * @param kind          which timer
 * @param expiresMillis milliseconds until it fires (unsigned 32 bits)
 * @param retransmits   retransmissions so far (for {@link Kind#ON}), or keepalive probes sent
 */
public record InetTimer(Kind kind, long expiresMillis, int retransmits) {
    /** No timer. */
    public static final InetTimer NONE = new InetTimer(Kind.OFF, 0, 0);

    /** Timer kinds, with {@code ss}'s names. */
    public enum Kind {
        /** 0: no timer. */
        OFF("off"),
        /** 1: retransmission (or a SYN/ACK, a loss probe). */
        ON("on"),
        /** 2: keepalive. */
        KEEPALIVE("keepalive"),
        /** 3: TIME-WAIT expiry. */
        TIMEWAIT("timewait"),
        /** 4: zero-window probe. */
        PERSIST("persist"),
        /** Any other number. */
        UNKNOWN("unknown");

        private final String ssName;

        Kind(String ssName) {
            this.ssName = ssName;
        }

        /** {@return the name {@code ss -o} prints} */
        public String ssName() {
            return ssName;
        }

        /**
         * {@return the kind for {@code idiag_timer}'s value}
         *
         * @param code the kernel's {@code idiag_timer} value
         */
        public static Kind of(int code) {
            return code >= 0 && code < UNKNOWN.ordinal() ? values()[code] : UNKNOWN;
        }
    }
}
