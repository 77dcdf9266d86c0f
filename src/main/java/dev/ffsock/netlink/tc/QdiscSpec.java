package dev.ffsock.netlink.tc;

import java.util.Objects;

/**
 * What {@code tc qdisc add|replace ... KIND [options]} asks for: the kind and its options. Checked when
 * made ({@link IllegalArgumentException}), before anything is sent.
 */
public sealed interface QdiscSpec {
    /** {@return the kind ({@code TCA_KIND})} */
    String kind();

    /**
     * {@code htb [default MINOR] [r2q N] [direct_qlen N]}.
     *
     * @param defaultClass the minor id unclassified traffic goes to ({@code default}, hex in tc; 0: sent directly)
     * @param r2q          rate to quantum divisor ({@code r2q}, tc's default 10), positive
     * @param directQlen   {@code direct_qlen}, -1 to leave it to the kernel
     */
    record Htb(long defaultClass, long r2q, long directQlen) implements QdiscSpec {
        /** Checks the ranges. */
        public Htb {
            TcChecks.u32(defaultClass, "htb default");
            if (r2q < 1 || r2q > 0xffffffffL) throw new IllegalArgumentException("htb r2q must be 1..2^32-1: " + r2q);
            if (directQlen != -1) TcChecks.u32(directQlen, "htb direct_qlen");
        }

        /**
         * {@return an htb with {@code default MINOR} and tc's other defaults}
         *
         * @param defaultClass the minor
         */
        public static Htb withDefault(long defaultClass) {
            return new Htb(defaultClass, 10, -1);
        }

        @Override
        public String kind() {
            return "htb";
        }
    }

    /**
     * {@code tbf rate RATE burst BYTES (latency TIME | limit BYTES) [peakrate RATE mtu BYTES]}.
     *
     * @param rate      bytes per second, positive
     * @param burst     bytes, positive
     * @param limit     bytes that may wait, or 0 to derive it from {@code latency}
     * @param latencyUs microseconds, or 0 when {@code limit} is given
     * @param peakrate  bytes per second, or 0 for none
     * @param mtu       the peak burst in bytes (required with a peak rate), or 0
     */
    record Tbf(long rate, long burst, long limit, long latencyUs, long peakrate, long mtu) implements QdiscSpec {
        /** Checks the ranges and that exactly one of limit and latency is given. */
        public Tbf {
            if (rate <= 0) throw new IllegalArgumentException("tbf rate must be positive: " + rate);
            if (burst <= 0) throw new IllegalArgumentException("tbf burst must be positive: " + burst);
            TcChecks.u32(burst, "tbf burst");
            TcChecks.u32(limit, "tbf limit");
            TcChecks.u32(latencyUs, "tbf latency");
            if ((limit == 0) == (latencyUs == 0)) {
                throw new IllegalArgumentException("tbf needs exactly one of limit and latency");
            }
            if (peakrate < 0) throw new IllegalArgumentException("tbf peakrate must not be negative: " + peakrate);
            if (peakrate > 0 && mtu <= 0) throw new IllegalArgumentException("tbf peakrate needs an mtu");
            TcChecks.u32(mtu, "tbf mtu");
            if (limit == 0 && limitFor(rate, burst, latencyUs, peakrate, mtu) > 0xffffffffL) {
                throw new IllegalArgumentException("tbf: the limit latency " + latencyUs + "us gives exceeds 2^32-1 bytes");
            }
        }

        /**
         * {@return the limit in bytes as tc derives it from a latency: what arrives in that time at the rate,
         * plus the burst (the smaller of that and the same at the peak rate plus mtu)}
         *
         * @param rate      bytes per second
         * @param burst     bytes
         * @param latencyUs microseconds
         * @param peakrate  bytes per second, or 0
         * @param mtu       bytes
         */
        public static double limitFor(long rate, long burst, long latencyUs, long peakrate, long mtu) {
            double lim = rate * (double) latencyUs / TcUnits.USEC_PER_SEC + burst;
            if (peakrate > 0) {
                double lim2 = peakrate * (double) latencyUs / TcUnits.USEC_PER_SEC + mtu;
                if (lim2 < lim) lim = lim2;
            }
            return lim;
        }

        @Override
        public String kind() {
            return "tbf";
        }
    }

    /**
     * {@code pfifo [limit PACKETS]}.
     *
     * @param limit packets, or -1 for the kernel's default (the link's txqueuelen)
     */
    record Pfifo(long limit) implements QdiscSpec {
        /** Checks the range. */
        public Pfifo {
            if (limit != -1) TcChecks.u32(limit, "pfifo limit");
        }

        @Override
        public String kind() {
            return "pfifo";
        }
    }

    /**
     * {@code bfifo [limit BYTES]}.
     *
     * @param limit bytes, or -1 for the kernel's default (txqueuelen × mtu)
     */
    record Bfifo(long limit) implements QdiscSpec {
        /** Checks the range. */
        public Bfifo {
            if (limit != -1) TcChecks.u32(limit, "bfifo limit");
        }

        @Override
        public String kind() {
            return "bfifo";
        }
    }

    /** {@code ingress}: attached at {@link Tca#TC_H_INGRESS} with handle {@code ffff:}. */
    record Ingress() implements QdiscSpec {
        @Override
        public String kind() {
            return "ingress";
        }
    }

    /** {@code clsact}: attached at {@link Tca#TC_H_CLSACT} with handle {@code ffff:}. */
    record Clsact() implements QdiscSpec {
        @Override
        public String kind() {
            return "clsact";
        }
    }

    /**
     * Any kind, with no options ({@code tc qdisc add ... KIND}): for kinds that need none, or to see the
     * kernel refuse a kind it lacks ({@code Specified qdisc kind is unknown.}).
     *
     * @param kind the kind, 1..15 bytes of printable ASCII
     */
    record OfKind(String kind) implements QdiscSpec {
        /** Checks the name. */
        public OfKind {
            TcChecks.kind(Objects.requireNonNull(kind, "kind"));
        }
    }
}
