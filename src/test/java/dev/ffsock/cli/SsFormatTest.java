package dev.ffsock.cli;

import dev.ffsock.InetText;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.Inet6Address;
import java.net.InetAddress;

class SsFormatTest {
    /** Expected texts are what glibc's inet_ntop writes (Python's socket.inet_ntop here, glibc 2.36). */
    @ParameterizedTest
    @CsvSource({
            "0:0:0:0:0:0:0:0, ::",
            "0:0:0:0:0:0:0:1, ::1",
            "2001:db8:0:0:0:0:0:1, 2001:db8::1",
            "fe80:0:0:0:0:0:0:1, fe80::1",
            "1:0:0:1:0:0:0:1, 1:0:0:1::1",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
            "1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8",
            "1:2:3:4:5:6:0:0, 1:2:3:4:5:6::",
            "0:0:2:3:4:5:6:7, ::2:3:4:5:6:7",
            "0:0:0:0:0:ffff:7f00:1, ::ffff:127.0.0.1",
            "0:0:0:0:0:0:102:304, ::1.2.3.4",
            "0:0:0:0:0:0:0:2, ::2",
            "0:0:0:0:0:ffff:0:0, ::ffff:0.0.0.0",
            "abcd:ef01:2345:6789:abcd:ef01:2345:6789, abcd:ef01:2345:6789:abcd:ef01:2345:6789",
    })
    void ipv6LikeInetNtop(String full, String expected) {
        // Eight groups written out: java.net would turn IPv4-mapped addresses into 4 bytes.
        String[] groups = full.split(":");
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            int g = Integer.parseInt(groups[i], 16);
            b[2 * i] = (byte) (g >> 8);
            b[2 * i + 1] = (byte) g;
        }
        assertEquals(expected, InetText.format(b));
    }

    @Test
    void endpointsLikeSs() throws Exception {
        assertEquals("127.0.0.1:8080", SsFormat.endpoint(InetAddress.getByName("127.0.0.1"), 8080, false, null));
        assertEquals("0.0.0.0:*", SsFormat.endpoint(InetAddress.getByName("0.0.0.0"), 0, false, null));
        assertEquals("[::1]:8080", SsFormat.endpoint(InetAddress.getByName("::1"), 8080, false, null));
        assertEquals("*:22", SsFormat.endpoint(InetAddress.getByName("::"), 22, false, null));
        assertEquals("[::]:22", SsFormat.endpoint(InetAddress.getByName("::"), 22, true, null));
        assertEquals("[fe80::1]%eth0:5", SsFormat.endpoint(InetAddress.getByName("fe80::1"), 5, false, "eth0"));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1};
        assertEquals("[::ffff:127.0.0.1]:1", SsFormat.endpoint(Inet6Address.getByAddress(null, mapped, -1), 1, false, null));
    }
}
