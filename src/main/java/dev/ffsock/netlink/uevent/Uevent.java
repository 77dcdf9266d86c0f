package dev.ffsock.netlink.uevent;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One kernel uevent: {@code ACTION@DEVPATH\0KEY=VALUE\0KEY=VALUE\0…} as the kernel multicasts it.
 *
 * @param action  {@code add}, {@code remove}, {@code change}, {@code move}, {@code online}, {@code offline}, {@code bind}, {@code unbind}
 * @param devpath the kobject's path under /sys, e.g. {@code /devices/virtual/net/veth0}
 * @param env     the variables in the order sent (ACTION, DEVPATH, SUBSYSTEM, SEQNUM, INTERFACE, IFINDEX, …)
 */
public record Uevent(String action, String devpath, Map<String, String> env) {
    /** The prefix of messages in udev's own format (sent by udevd to its listeners, never by the kernel). */
    static final byte[] LIBUDEV = "libudev".getBytes(StandardCharsets.US_ASCII);

    /** Copies {@code env}, keeping its order. */
    public Uevent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(devpath, "devpath");
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** {@return the value of {@code SUBSYSTEM}, or null} */
    public String subsystem() {
        return env.get("SUBSYSTEM");
    }

    /** {@return the value of {@code SEQNUM} as a number, or -1} */
    public long seqnum() {
        String s = env.get("SEQNUM");
        if (s == null) return -1;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Parses the first {@code length} bytes of {@code buf} as a kernel uevent. Every read is within
     * {@code length}; strings are UTF-8 (bad bytes replaced). Variables without {@code =} are
     * skipped; the value is everything after the first {@code =}; the last one may lack its NUL.
     *
     * @param buf the message as received
     * @param length its length in bytes
     * @return the event, or null for a message in udev's format ({@code libudev…}) or without an
     *         {@code ACTION@DEVPATH} header
     */
    public static Uevent parse(MemorySegment buf, long length) {
        if (length < 0 || length > buf.byteSize()) throw new IndexOutOfBoundsException("length " + length + " of " + buf.byteSize());
        if (startsWith(buf, length, LIBUDEV)) return null;
        long end = nul(buf, 0, length);
        String header = utf8(buf, 0, end);
        int at = header.indexOf('@');
        if (at <= 0 || at == header.length() - 1) return null;
        Map<String, String> env = new LinkedHashMap<>();
        long pos = end + 1;
        while (pos < length) {
            long e = nul(buf, pos, length);
            String kv = utf8(buf, pos, e);
            int eq = kv.indexOf('=');
            if (eq > 0) env.put(kv.substring(0, eq), kv.substring(eq + 1));
            pos = e + 1;
        }
        return new Uevent(header.substring(0, at), header.substring(at + 1), env);
    }

    /**
     * {@link #parse(MemorySegment, long)} over a whole array.
     *
     * @param message the message as received
     * @return the event
     */
    public static Uevent parse(byte[] message) {
        return parse(MemorySegment.ofArray(message), message.length);
    }

    private static boolean startsWith(MemorySegment buf, long length, byte[] prefix) {
        if (length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if (buf.get(ValueLayout.JAVA_BYTE, i) != prefix[i]) return false;
        return true;
    }

    /** {@return the offset of the first NUL at or after {@code from}, or {@code limit}} */
    private static long nul(MemorySegment buf, long from, long limit) {
        long i = from;
        while (i < limit && buf.get(ValueLayout.JAVA_BYTE, i) != 0) i++;
        return i;
    }

    private static String utf8(MemorySegment buf, long from, long to) {
        return new String(buf.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
    }
}
