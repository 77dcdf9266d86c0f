package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** errno names and texts, and what {@link ErrnoException} carries. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ErrnoTest {
    @Test
    void namesAndDescriptions() {
        assertEquals("ECONNREFUSED", Errno.name(111));
        assertEquals("ECONNREFUSED", Errno.name(Errno.ECONNREFUSED));
        assertEquals("Connection refused", Errno.description(111));
        assertEquals("EPIPE", Errno.name(Errno.EPIPE));
        assertEquals("Broken pipe", Errno.description(Errno.EPIPE));
        assertEquals("EADDRINUSE", Errno.name(98));
        assertEquals("EAGAIN", Errno.name(Errno.EAGAIN));
        assertEquals("EINPROGRESS", Errno.name(115));
        assertEquals("ENOTSOCK", Errno.name(88));
    }

    @Test
    void everyConstantHasItsOwnName() throws IllegalAccessException {
        for (java.lang.reflect.Field f : Errno.class.getFields()) {
            if (f.getType() != int.class) continue;
            int v = f.getInt(null);
            assertEquals(f.getName(), Errno.name(v), "Errno." + f.getName() + " = " + v);
            assertTrue(!Errno.description(v).isEmpty());
        }
    }

    @Test
    void unknownNumbers() {
        assertEquals("errno 9999", Errno.name(9999));
        assertEquals("errno -3", Errno.name(-3));
        assertTrue(Errno.description(9999).contains("9999"), Errno.description(9999));
        assertNotEquals("", Errno.description(-3));
    }

    @Test
    void exceptionAccessors() {
        ErrnoException e = new ErrnoException("connect", 111);
        assertEquals("connect", e.call());
        assertEquals(111, e.errno());
        assertEquals("ECONNREFUSED", e.errnoName());
        assertEquals("Connection refused", e.description());
        assertEquals("connect: ECONNREFUSED (Connection refused)", e.getMessage());
        assertInstanceOf(IOException.class, e);

        ErrnoException d = new ErrnoException("bind", Errno.EADDRINUSE, "127.0.0.1:80");
        assertEquals("bind: EADDRINUSE (Address already in use) [127.0.0.1:80]", d.getMessage());
        assertEquals(Errno.EADDRINUSE, d.errno());

        ErrnoException u = new ErrnoException("ioctl", 9999);
        assertEquals("errno 9999", u.errnoName());
        assertTrue(u.getMessage().startsWith("ioctl: errno 9999 ("), u.getMessage());
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        Thread[] ts = new Thread[8];
        String[] names = new String[ts.length];
        for (int i = 0; i < ts.length; i++) {
            int k = i;
            ts[i] = new Thread(() -> {
                String n = null;
                for (int j = 0; j < 200; j++) n = Errno.name(100 + (j % 30)) + Errno.description(100 + (j % 30));
                names[k] = n;
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join(5000);
        for (String n : names) assertEquals(names[0], n);
    }
}
