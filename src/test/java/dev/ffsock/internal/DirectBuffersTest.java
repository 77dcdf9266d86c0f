package dev.ffsock.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectBuffersTest {
    @Test
    void buffersThatOwnTheirMemoryArePassedByAddress() {
        ByteBuffer d = ByteBuffer.allocateDirect(64);
        DirectBuffers.View v = DirectBuffers.view(d);
        assertSame(d, v.buffer());
        assertTrue(v.byAddress());
        assertEquals(MemorySegment.ofBuffer(d).address(), v.base());

        // element 0 of a slice, whatever the position when it is looked at
        ByteBuffer s = d.position(8).slice().position(5);
        DirectBuffers.View sv = DirectBuffers.view(s);
        assertTrue(sv.byAddress());
        assertEquals(v.base() + 8, sv.base());
        assertTrue(DirectBuffers.view(d.asReadOnlyBuffer()).byAddress(), "read-only: fine to send from");
    }

    @Test
    void mappedBuffersArePassedByAddress(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("m"), new byte[4096]);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_WRITE, 0, 4096);
            assertTrue(DirectBuffers.view(m).byAddress());
        }
    }

    @Test
    void arenaAndHeapBuffersTakeTheSegmentPath() {
        // An arena can be closed during a call: only a segment handed to the downcall keeps it open.
        try (Arena confined = Arena.ofConfined(); Arena shared = Arena.ofShared()) {
            for (Arena a : new Arena[] {confined, shared, Arena.ofAuto(), Arena.global()}) {
                assertFalse(DirectBuffers.view(a.allocate(16).asByteBuffer()).byAddress(), a.toString());
            }
        }
        assertFalse(DirectBuffers.view(ByteBuffer.allocate(16)).byAddress());
        assertFalse(DirectBuffers.view(ByteBuffer.wrap(new byte[16], 4, 8)).byAddress());
    }
}
