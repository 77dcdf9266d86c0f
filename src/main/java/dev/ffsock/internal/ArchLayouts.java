package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.epoll_data;
import dev.ffsock.internal.bindings.epoll_event;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/**
 * Layouts that differ between CPU architectures, chosen at run time from {@code os.arch}.
 *
 * <p>The generated bindings are produced on Linux x86_64 and carry its layouts. The one struct ffsock
 * uses whose layout depends on the architecture is {@code struct epoll_event}: the kernel and glibc
 * declare it {@code __attribute__((packed))} on x86_64 only (12 bytes, {@code data} at offset 4); on
 * every other 64-bit architecture it is naturally aligned (16 bytes, 4 bytes of padding, {@code data}
 * at offset 8). Code that reads or writes epoll events must use {@link #EPOLL_EVENT} and its offsets,
 * never {@link epoll_event#layout()} directly.
 *
 * <p>Only 64-bit architectures are supported; on others the class fails to initialize with an
 * {@link UnsupportedOperationException}.
 */
public final class ArchLayouts {
    private ArchLayouts() {
    }

    /** {@code struct epoll_event} as this machine's kernel and C library define it. */
    public static final StructLayout EPOLL_EVENT = epollEvent(System.getProperty("os.arch"));
    /** Byte offset of {@code epoll_event.events} (a {@code uint32_t}). */
    public static final long EPOLL_EVENT_EVENTS = EPOLL_EVENT.byteOffset(groupElement("events"));
    /** Byte offset of {@code epoll_event.data} (an {@code epoll_data_t}, 8 bytes). */
    public static final long EPOLL_EVENT_DATA = EPOLL_EVENT.byteOffset(groupElement("data"));
    /** {@code sizeof(struct epoll_event)}: the stride of an array of events. */
    public static final long EPOLL_EVENT_SIZE = EPOLL_EVENT.byteSize();

    /**
     * {@return {@code struct epoll_event} for the architecture named {@code arch}, as {@code os.arch}
     * spells it}
     *
     * @throws UnsupportedOperationException if {@code arch} is not a known 64-bit architecture
     */
    static StructLayout epollEvent(String arch) {
        if (arch == null) {
            throw new UnsupportedOperationException("ffsock: os.arch is not set; cannot choose struct epoll_event's layout");
        }
        String a = arch.toLowerCase(java.util.Locale.ROOT);
        if (a.equals("amd64") || a.equals("x86_64")) {
            // Packed on x86_64: exactly what jextract generated on this architecture.
            return (StructLayout) epoll_event.layout();
        }
        if (is64Bit(a)) {
            return MemoryLayout.structLayout(
                    LinuxC.C_INT.withName("events"),
                    MemoryLayout.paddingLayout(4),
                    epoll_data.layout().withName("data")
            ).withName("epoll_event");
        }
        throw new UnsupportedOperationException("ffsock supports 64-bit Linux only; os.arch is \"" + arch
                + "\", for which struct epoll_event's layout is not known");
    }

    private static boolean is64Bit(String a) {
        // aarch64, riscv64, ppc64, ppc64le, loongarch64, mips64, mips64el, sparcv9, s390x
        return a.contains("64") || a.equals("s390x") || a.equals("sparcv9");
    }
}
