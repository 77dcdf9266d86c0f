package dev.ffsock.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The native address behind a direct {@link ByteBuffer}, for calls that pass it as a number so that
 * they allocate nothing. {@link MemorySegment#ofBuffer} allocates a segment (and, for a buffer not
 * made from an arena, a session) on every call; the JIT removes that only when it inlines every
 * method the segment reaches, which a socket call's path does not reliably allow (measured: 72 B
 * per call). A caller keeps the {@link View} of the last buffer it used and looks it up again only
 * for another buffer.
 *
 * <p>Only a buffer whose memory lives exactly as long as the buffer object — {@link
 * ByteBuffer#allocateDirect}, a mapped buffer of {@code FileChannel.map(mode, position, size)}, or
 * a slice or duplicate of one — is passed by number: the caller keeps the buffer reachable across
 * the call ({@link java.lang.ref.Reference#reachabilityFence}), and nothing else can free it. A
 * buffer over an arena's segment ({@link MemorySegment#asByteBuffer}) could be freed by a close of
 * that arena during the call, which only a segment passed to the downcall (acquiring the arena's
 * session) prevents, so such buffers, and heap buffers, get no address here.
 *
 * <p>Which buffers are of the first kind is told by the class of the scope FFM gives their segment
 * (the JDK gives each such buffer a scope of its own, of a class no arena uses). That the classes
 * differ is checked once, against a confined, a shared and an automatic arena's buffers; where
 * they do not, no buffer gets an address and every call takes the segment path.
 */
public final class DirectBuffers {
    private DirectBuffers() {
    }

    /**
     * A buffer and the address of its element 0; {@code base == 0} when the buffer cannot be passed
     * by number (the answer is kept too, so it is not asked again for every call).
     */
    public record View(ByteBuffer buffer, long base) {
        /** {@return whether calls on this buffer may pass its memory by number} */
        public boolean byAddress() {
            return base != 0;
        }
    }

    private static final class Kind {
        /** The scope class of a buffer that owns its memory, or null where arenas' buffers share it. */
        static final Class<?> OWN_MEMORY = ownMemoryScopeClass();

        private static Class<?> ownMemoryScopeClass() {
            Class<?> own = MemorySegment.ofBuffer(ByteBuffer.allocateDirect(1)).scope().getClass();
            try (Arena confined = Arena.ofConfined(); Arena shared = Arena.ofShared()) {
                for (Arena a : new Arena[] {confined, shared, Arena.ofAuto(), Arena.global()}) {
                    ByteBuffer b = a.allocate(1).asByteBuffer();
                    if (MemorySegment.ofBuffer(b).scope().getClass() == own) return null;
                }
            }
            return own;
        }
    }

    /** {@return the view of {@code b}: its element 0's address, or 0 if it must take the segment path} */
    public static View view(ByteBuffer b) {
        if (!b.isDirect() || Kind.OWN_MEMORY == null) return new View(b, 0);
        MemorySegment s = MemorySegment.ofBuffer(b);
        if (s.scope().getClass() != Kind.OWN_MEMORY) return new View(b, 0);
        return new View(b, s.address() - b.position());
    }
}
