package dev.ffsock.netlink.route;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The struct sizes and the veth constant {@link RtnetlinkChanges} hard-codes, against gcc and the kernel headers. */
class ChangeStructSizesTest {
    @Test
    void sizesMatchTheHeaders() throws Exception {
        Path dir = Path.of(System.getProperty("ffsock.basedir", "."), "target", "probe-rtnl-changes");
        Files.createDirectories(dir);
        Path c = dir.resolve("sizes.c");
        Files.writeString(c, """
                #include <stdio.h>
                #include <linux/rtnetlink.h>
                #include <linux/if_link.h>
                #include <linux/if_addr.h>
                #include <linux/neighbour.h>
                #include <linux/veth.h>
                int main(void) {
                    printf("ifinfomsg %zu\\n", sizeof(struct ifinfomsg));
                    printf("ifaddrmsg %zu\\n", sizeof(struct ifaddrmsg));
                    printf("rtmsg %zu\\n", sizeof(struct rtmsg));
                    printf("ndmsg %zu\\n", sizeof(struct ndmsg));
                    printf("rtnexthop %zu\\n", sizeof(struct rtnexthop));
                    printf("ifa_cacheinfo %zu\\n", sizeof(struct ifa_cacheinfo));
                    printf("VETH_INFO_PEER %d\\n", VETH_INFO_PEER);
                    return 0;
                }
                """);
        Path exe = dir.resolve("sizes");
        Process gcc = new ProcessBuilder("gcc", "-o", exe.toString(), c.toString()).redirectErrorStream(true).start();
        String gccOut = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0, "gcc: " + gccOut);
        Process run = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(10, TimeUnit.SECONDS) && run.exitValue() == 0, out);
        Map<String, Integer> c2 = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] kv = line.trim().split(" ");
            if (kv.length == 2) c2.put(kv[0], Integer.parseInt(kv[1]));
        }
        for (var e : List.of(
                Map.entry("ifinfomsg", RtnetlinkChanges.IFINFOMSG_SIZE),
                Map.entry("ifaddrmsg", RtnetlinkChanges.IFADDRMSG_SIZE),
                Map.entry("rtmsg", RtnetlinkChanges.RTMSG_SIZE),
                Map.entry("ndmsg", RtnetlinkChanges.NDMSG_SIZE),
                Map.entry("rtnexthop", RtnetlinkChanges.RTNEXTHOP_SIZE),
                Map.entry("ifa_cacheinfo", RtnetlinkChanges.IFA_CACHEINFO_SIZE),
                Map.entry("VETH_INFO_PEER", RtnetlinkChanges.VETH_INFO_PEER))) {
            assertEquals(c2.get(e.getKey()), e.getValue(), e.getKey());
        }
    }
}
