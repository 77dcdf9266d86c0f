package dev.ffsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.internal.bindings.tcp_info;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * {@link TcpInfo#parse}: each field read at the offset the C headers give it (glibc's struct through the
 * generated bindings; linux/tcp.h through gcc's offsetof), the whole struct as long as this kernel's,
 * and any bytes at all parsed without an exception.
 */
class TcpInfoTest {
    /** Record components whose names are not the C field's in camel case. */
    private static final Map<String, String> RENAMED = Map.of("last_data_sent", "lastDataSentMillis",
            "last_ack_sent", "lastAckSentMillis", "last_data_recv", "lastDataRecvMillis",
            "last_ack_recv", "lastAckRecvMillis");

    private static String accessor(String cField) {
        String f = cField.substring("tcpi_".length());
        if (RENAMED.containsKey(f)) return RENAMED.get(f);
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : f.toCharArray()) {
            if (c == '_') up = true;
            else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Puts a distinct value in the field at {@code offset} and checks that the named component reads it. */
    private static void checkField(String cField, long offset, long size) throws Exception {
        byte[] b = new byte[TcpInfo.SIZE];
        MemorySegment s = MemorySegment.ofArray(b);
        long v = switch ((int) size) {
            case 1 -> 0xa5;
            case 2 -> 0xbeef;
            case 4 -> 0x89abcdefL;
            default -> 0x0123456789abcdefL;
        };
        switch ((int) size) {
            case 1 -> s.set(ValueLayout.JAVA_BYTE, offset, (byte) v);
            case 2 -> s.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) v);
            case 4 -> s.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) v);
            default -> s.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, v);
        }
        Method m = TcpInfo.class.getMethod(accessor(cField));
        Object got = m.invoke(TcpInfo.parse(b));
        long read = got instanceof Integer i ? (size == 4 ? Integer.toUnsignedLong(i) : i) : (Long) got;
        assertEquals(v, read, cField + " at " + offset);
    }

    @Test
    void glibcFieldsAreWhereTheBindingsSay() throws Exception {
        int n = 0;
        for (MemoryLayout l : tcp_info.layout().memberLayouts()) {
            if (l.name().isEmpty() || !l.name().get().startsWith("tcpi_")) continue;
            long off = tcp_info.layout().byteOffset(MemoryLayout.PathElement.groupElement(l.name().get()));
            checkField(l.name().get(), off, l.byteSize());
            n++;
        }
        assertTrue(n >= 28, "glibc's struct tcp_info has at least 28 named fields: " + n);
    }

    @Test
    void linuxHeaderFieldsAreWhereGccSays(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // Every non-bit-field member of linux/tcp.h's struct tcp_info this machine's headers declare.
        String header = Files.readString(Path.of("/usr/include/linux/tcp.h"), StandardCharsets.UTF_8);
        String body = header.substring(header.indexOf("struct tcp_info {"));
        body = body.substring(0, body.indexOf("};"));
        List<String> fields = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("__u(8|16|32|64)\\s+(tcpi_\\w+)\\s*;").matcher(body);
        while (m.find()) fields.add(m.group(2));
        assertTrue(fields.size() > 50, fields::toString);
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n#include <linux/tcp.h>\nint main(void){\n");
        c.append("printf(\"size %zu 0\\n\", sizeof(struct tcp_info));\n");
        for (String f : fields) {
            c.append("printf(\"").append(f).append(" %zu %zu\\n\", offsetof(struct tcp_info, ").append(f)
                    .append("), sizeof(((struct tcp_info *)0)->").append(f).append("));\n");
        }
        c.append("return 0;}\n");
        Path src = dir.resolve("ti.c"), exe = dir.resolve("ti");
        Files.writeString(src, c);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-o", exe.toString(), src.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("no gcc: " + e.getMessage());
            return;
        }
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, gcc.exitValue(), new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        Process run = new ProcessBuilder(exe.toString()).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(10, TimeUnit.SECONDS));
        for (String line : out.split("\n")) {
            String[] w = line.split(" ");
            if (w[0].equals("size")) {
                assertTrue(Long.parseLong(w[1]) <= TcpInfo.SIZE, "the installed header's struct is not longer than 6.18's");
                continue;
            }
            checkField(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]));
        }
    }

    @Test
    void bitFieldsAndTheLinux618Tail() throws Exception {
        byte[] b = new byte[TcpInfo.SIZE];
        b[6] = (byte) 0x7a; // snd_wscale 10 (low nibble), rcv_wscale 7
        b[7] = (byte) 0b101; // delivery_rate_app_limited 1, fastopen_client_fail 2
        MemorySegment s = MemorySegment.ofArray(b);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 276, 2 | 1 << 2 | 5 << 4 | 0xabcdef << 8);
        TcpInfo i = TcpInfo.parse(b);
        assertEquals(List.of(10, 7, 1, 2), List.of(i.sndWscale(), i.rcvWscale(), i.deliveryRateAppLimited(), i.fastopenClientFail()));
        assertEquals(List.of(2, 1, 5, 0xabcdef), List.of(i.ecnMode(), i.accecnOptSeen(), i.accecnFailMode(), i.options2()));
        for (String f : List.of("tcpi_rcv_wnd 232 4", "tcpi_rehash 236 4", "tcpi_total_rto 240 2",
                "tcpi_total_rto_recoveries 242 2", "tcpi_total_rto_time 244 4", "tcpi_received_ce 248 4",
                "tcpi_delivered_e1_bytes 252 4", "tcpi_delivered_e0_bytes 256 4", "tcpi_delivered_ce_bytes 260 4",
                "tcpi_received_e1_bytes 264 4", "tcpi_received_e0_bytes 268 4", "tcpi_received_ce_bytes 272 4")) {
            String[] w = f.split(" ");
            checkField(w[0], Long.parseLong(w[1]), Long.parseLong(w[2]));
        }
    }

    @Test
    void aConnectionsInfoIsThisKernelsWholeStruct() throws Exception {
        Socket[] p = TestNet.tcpPair(Domain.AF_INET);
        try {
            TcpInfo i = p[0].getsockopt(SockOpt.TCP_INFO);
            Assumptions.assumeTrue(i.length() >= TcpInfo.SIZE, () -> "an older kernel: struct tcp_info of " + i.length() + " bytes");
            assertEquals(TcpInfo.SIZE, i.length(), "Linux 6.18's struct tcp_info; a newer kernel's grows at the end");
            assertEquals(1, i.state());
            assertTrue(i.sndMss() > 0 && i.rto() > 0 && i.sndCwnd() > 0, i::toString);
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void anyBytesParse() {
        Random r = new Random(Long.getLong("ffsock.fuzz.seed", System.nanoTime()));
        for (int k = 0; k < 20_000; k++) {
            byte[] b = new byte[r.nextInt(TcpInfo.SIZE + 64)];
            r.nextBytes(b);
            TcpInfo i = TcpInfo.parse(b);
            assertEquals(b.length, i.length());
            if (b.length > 0) assertEquals(b[0] & 0xff, i.state());
        }
        assertEquals(0, TcpInfo.parse(new byte[0]).rto());
        assertEquals(0, TcpInfo.parse(new byte[3]).sndWnd());
    }
}
