package dev.ffsock;

import dev.ffsock.netlink.route.EventLines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Address texts against glibc's inet_ntop (Python's socket.inet_ntop calls it): InetText, and the
 * two that print through it, SockAddrIn6.toString and EventLines.address.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class InetTextTest {
    @Test
    void mappedAndCompatibleAddressesEndInDottedIpv4() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        assertEquals("::ffff:127.0.0.1", InetText.format(mapped));
        assertEquals("[::ffff:127.0.0.1]:80", SockAddrIn6.of("::ffff:127.0.0.1", 80).toString());
        assertEquals(SockAddrIn6.of("::ffff:127.0.0.1", 80), SockAddr.parse(SockAddrIn6.of("::ffff:127.0.0.1", 80).toString()));
        assertEquals("::ffff:127.0.0.1", EventLines.address(Inet6Address.getByAddress(null, mapped, -1)));
        assertEquals("::1.2.3.4", InetText.format(InetAddress.getByName("::1.2.3.4")));
        assertEquals("::1", InetText.format(InetAddress.getByName("::1")));
        assertEquals("192.0.2.1", InetText.format(InetAddress.getByName("192.0.2.1")));
        assertThrows(IllegalArgumentException.class, () -> InetText.format(new byte[5]));
    }

    /** Random addresses shaped to hit every rule (zero runs of each length and place, mapped, compatible). */
    @Test
    void likeInetNtopForThousandsOfAddresses() throws Exception {
        Random random = new Random(20261203);
        List<byte[]> addresses = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            byte[] b = new byte[16];
            for (int g = 0; g < 8; g++) {
                int v = switch (random.nextInt(4)) {
                    case 0, 1 -> 0;
                    case 2 -> random.nextInt(16);
                    default -> random.nextInt(0x10000);
                };
                b[2 * g] = (byte) (v >> 8);
                b[2 * g + 1] = (byte) v;
            }
            if (n % 5 == 0) { // IPv4-mapped, IPv4-compatible, or nearly so
                java.util.Arrays.fill(b, 0, 10, (byte) 0);
                int kind = random.nextInt(3);
                b[10] = b[11] = (byte) (kind == 0 ? 0xff : kind == 1 ? 0 : random.nextInt(256));
            }
            addresses.add(b);
        }
        List<String> expected = inetNtop(addresses);
        for (int i = 0; i < addresses.size(); i++) {
            byte[] b = addresses.get(i);
            String hex = HexFormat.of().formatHex(b);
            assertEquals(expected.get(i), InetText.format(b), hex);
            assertEquals("[" + expected.get(i) + "]:1", new SockAddrIn6(Inet6Address.getByAddress(null, b, -1), 1, 0, 0).toString(), hex);
            assertEquals(expected.get(i), EventLines.address(Inet6Address.getByAddress(null, b, -1)), hex);
        }
    }

    /** {@return Python's socket.inet_ntop(AF_INET6, ...) of each address, from one python3 process} */
    private static List<String> inetNtop(List<byte[]> addresses) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("python3", "-c",
                "import socket,sys\n"
                        + "for l in sys.stdin: print(socket.inet_ntop(socket.AF_INET6, bytes.fromhex(l.strip())))");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not available: " + e.getMessage());
            throw e;
        }
        StringBuilder in = new StringBuilder();
        for (byte[] b : addresses) in.append(HexFormat.of().formatHex(b)).append('\n');
        try (var out = p.getOutputStream()) {
            out.write(in.toString().getBytes(StandardCharsets.US_ASCII));
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        assertEquals(0, p.exitValue(), () -> "python3 failed: " + new String(readAll(p), StandardCharsets.UTF_8));
        List<String> lines = text.lines().toList();
        assertEquals(addresses.size(), lines.size());
        return lines;
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
