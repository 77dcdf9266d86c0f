package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ffsock provider made the JVM's own ({@code -Djava.nio.channels.spi.SelectorProvider}) in child
 * JVMs: the JDK's HTTP server answering HttpClient and Python ({@link NioHttpServerMain}), and
 * blocking channel calls and select on virtual threads not holding the only carrier
 * ({@link NioCarrierMain}).
 */
@Timeout(200)
class NioChildJvmTest {
    private static final String PROVIDER = "-Djava.nio.channels.spi.SelectorProvider=dev.ffsock.nio.FfsockSelectorProvider";

    @Test
    void jdkHttpServerRunsOnFfsockChannels() throws Exception {
        ChildJvm.Result r = ChildJvm.run(NioHttpServerMain.class, List.of(PROVIDER,
                "--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED"), List.of(), "nio-httpserver-main.out", 90);
        assertTrue(r.finished(), "child JVM did not finish:\n" + r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }

    @Test
    void blockingChannelCallsAndSelectDoNotHoldTheCarrier() throws Exception {
        ChildJvm.Result r = ChildJvm.run(NioCarrierMain.class, List.of(PROVIDER,
                "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1"), List.of(), "nio-carrier-main.out", 90);
        assertTrue(r.finished(), "child JVM did not finish:\n" + r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }
}
