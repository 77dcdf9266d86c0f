package dev.ffsock;

import java.util.Objects;

/**
 * A packet fanout group ({@link SockOpt#PACKET_FANOUT}): packet sockets of one process (bound to the
 * same interface and protocol) that join the same group id share its frames, each frame going to
 * one member chosen by the mode.
 *
 * @param id    the group id, 0 to 65535
 * @param mode  how a member is chosen
 * @param flags {@link #FLAG_ROLLOVER}, {@link #FLAG_UNIQUEID}, {@link #FLAG_DEFRAG}, or 0
 */
public record PacketFanout(int id, Mode mode, int flags) {
    /** PACKET_FANOUT_FLAG_ROLLOVER: move to another member when the chosen one's queue is full. */
    public static final int FLAG_ROLLOVER = 0x1000;
    /** PACKET_FANOUT_FLAG_UNIQUEID: the kernel picks an unused id (the group id given must be 0). */
    public static final int FLAG_UNIQUEID = 0x2000;
    /** PACKET_FANOUT_FLAG_DEFRAG: reassemble IP fragments before choosing. */
    public static final int FLAG_DEFRAG = 0x8000;
    private static final int FLAGS = FLAG_ROLLOVER | FLAG_UNIQUEID | FLAG_DEFRAG;

    /** PACKET_FANOUT_* modes. */
    public enum Mode {
        /** PACKET_FANOUT_HASH: by flow hash. */
        HASH(0),
        /** PACKET_FANOUT_LB: round robin. */
        LB(1),
        /** PACKET_FANOUT_CPU: by the receiving CPU. */
        CPU(2),
        /** PACKET_FANOUT_ROLLOVER: fill one member, then the next. */
        ROLLOVER(3),
        /** PACKET_FANOUT_RND: at random. */
        RND(4),
        /** PACKET_FANOUT_QM: by the frame's receive queue. */
        QM(5),
        /** PACKET_FANOUT_CBPF: by a classic BPF program (set with PACKET_FANOUT_DATA; member 0 until then). */
        CBPF(6),
        /** PACKET_FANOUT_EBPF: by an eBPF program (set with PACKET_FANOUT_DATA; member 0 until then). */
        EBPF(7);

        private final int value;

        Mode(int value) {
            this.value = value;
        }

        /** {@return the C value} */
        public int value() {
            return value;
        }
    }

    /** Validates the group. */
    public PacketFanout {
        Objects.requireNonNull(mode, "mode");
        if (id < 0 || id > 0xffff) throw new IllegalArgumentException("fanout id out of range (0-65535): " + id);
        if ((flags & ~FLAGS) != 0) throw new IllegalArgumentException("unknown fanout flags 0x" + Integer.toHexString(flags & ~FLAGS));
    }

    /** {@return the option's int: id in the low 16 bits, mode and flags above} */
    int encode() {
        return id | mode.value << 16 | flags << 16;
    }

    /**
     * {@return the group an option value names, or null for 0 (no group — or group 0 in HASH mode
     * without flags, which getsockopt reports the same way)}
     *
     * @throws IllegalArgumentException for a mode or flag this type does not know
     */
    static PacketFanout decode(int v) {
        if (v == 0) return null;
        int type = v >>> 16 & 0xff;
        int flags = (v >>> 24 & 0xff) << 8;
        for (Mode m : Mode.values()) if (m.value == type) return new PacketFanout(v & 0xffff, m, flags);
        throw new IllegalArgumentException("unknown fanout mode " + type);
    }
}
