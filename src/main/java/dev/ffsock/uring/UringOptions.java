package dev.ffsock.uring;

import dev.ffsock.internal.UringConstants;

/**
 * How {@link IoUring#open(UringOptions)} sets a ring up: the queue sizes and the IORING_SETUP_*
 * flags. Immutable; made with {@link #builder()}.
 *
 * <pre>{@code
 * UringOptions o = UringOptions.builder().entries(256).cqEntries(4096)
 *         .singleIssuer(true).deferTaskrun(true).coopTaskrun(true).fallback(true).build();
 * }</pre>
 *
 * @param entries      submission queue entries (1 to 32768; the kernel rounds up to a power of two)
 * @param cqEntries    completion queue entries (IORING_SETUP_CQSIZE), or 0 for the kernel's
 *                     default (twice the submission queue)
 * @param setupFlags   the IORING_SETUP_* flags asked for
 * @param fallback     whether a kernel that refuses a flag (EINVAL) gets the ring without it:
 *                     DEFER_TASKRUN is dropped first, then SINGLE_ISSUER, COOP_TASKRUN and SUBMIT_ALL
 *                     ({@link IoUring#setupFlags()} says what was granted)
 */
public record UringOptions(int entries, int cqEntries, int setupFlags, boolean fallback) {
    /** IORING_SETUP_SUBMIT_ALL: keep submitting a batch after an entry fails. */
    public static final int SUBMIT_ALL = UringConstants.IORING_SETUP_SUBMIT_ALL;
    /** IORING_SETUP_COOP_TASKRUN: no interrupting task work; completions run when the thread enters. */
    public static final int COOP_TASKRUN = UringConstants.IORING_SETUP_COOP_TASKRUN;
    /** IORING_SETUP_SINGLE_ISSUER: only the thread that opened the ring submits (a platform thread). */
    public static final int SINGLE_ISSUER = UringConstants.IORING_SETUP_SINGLE_ISSUER;
    /** IORING_SETUP_DEFER_TASKRUN: completion work runs only inside io_uring_enter (needs SINGLE_ISSUER). */
    public static final int DEFER_TASKRUN = UringConstants.IORING_SETUP_DEFER_TASKRUN;
    private static final int KNOWN = SUBMIT_ALL | COOP_TASKRUN | SINGLE_ISSUER | DEFER_TASKRUN;

    /** Validates the values (see the class comment). */
    public UringOptions {
        if (entries < 1 || entries > 32768) throw new IllegalArgumentException("entries must be 1-32768: " + entries);
        if (cqEntries != 0 && (cqEntries < entries || cqEntries > 65536)) {
            throw new IllegalArgumentException("cqEntries must be 0 or entries-65536: " + cqEntries);
        }
        if ((setupFlags & ~KNOWN) != 0) {
            throw new IllegalArgumentException("unsupported setup flags: 0x" + Integer.toHexString(setupFlags & ~KNOWN));
        }
        if ((setupFlags & DEFER_TASKRUN) != 0 && (setupFlags & SINGLE_ISSUER) == 0) {
            throw new IllegalArgumentException("DEFER_TASKRUN needs SINGLE_ISSUER");
        }
    }

    /** {@return a builder: 128 entries, the default CQ size, no flags, no fallback} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return options of {@code entries} entries and nothing else}
     *
     * @param entries submission queue entries (1 to 32768; the kernel rounds up to a power of two)
     */
    public static UringOptions of(int entries) {
        return new UringOptions(entries, 0, 0, false);
    }

    /** A mutable builder of {@link UringOptions}. */
    public static final class Builder {
        private int entries = 128;
        private int cqEntries;
        private int flags;
        private boolean fallback;

        private Builder() {
        }

        /**
         * Submission queue entries.
         *
         * @param n how many entries
         * @return this
         */
        public Builder entries(int n) {
            entries = n;
            return this;
        }

        /**
         * Completion queue entries (IORING_SETUP_CQSIZE; 0: the default).
         *
         * @param n how many entries
         * @return this
         */
        public Builder cqEntries(int n) {
            cqEntries = n;
            return this;
        }

        private Builder flag(int f, boolean on) {
            flags = on ? flags | f : flags & ~f;
            return this;
        }

        /**
         * IORING_SETUP_SINGLE_ISSUER.
         *
         * @param on whether to ask for the flag
         * @return this
         */
        public Builder singleIssuer(boolean on) {
            return flag(SINGLE_ISSUER, on);
        }

        /**
         * IORING_SETUP_DEFER_TASKRUN (with SINGLE_ISSUER).
         *
         * @param on whether to ask for the flag
         * @return this
         */
        public Builder deferTaskrun(boolean on) {
            return flag(DEFER_TASKRUN, on);
        }

        /**
         * IORING_SETUP_COOP_TASKRUN.
         *
         * @param on whether to ask for the flag
         * @return this
         */
        public Builder coopTaskrun(boolean on) {
            return flag(COOP_TASKRUN, on);
        }

        /**
         * IORING_SETUP_SUBMIT_ALL.
         *
         * @param on whether to ask for the flag
         * @return this
         */
        public Builder submitAll(boolean on) {
            return flag(SUBMIT_ALL, on);
        }

        /**
         * Whether flags the kernel refuses are dropped instead of failing.
         *
         * @param on whether to ask for the flag
         * @return this
         */
        public Builder fallback(boolean on) {
            fallback = on;
            return this;
        }

        /** {@return the options} @throws IllegalArgumentException for invalid values */
        public UringOptions build() {
            return new UringOptions(entries, cqEntries, flags, fallback);
        }
    }
}
