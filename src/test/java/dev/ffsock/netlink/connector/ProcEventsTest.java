package dev.ffsock.netlink.connector;

import dev.ffsock.ErrnoException;
import dev.ffsock.netlink.NetlinkEvents;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ProcEvents} against the kernel: a shell started by the test forks a child that renames
 * itself, drops to uid and gid 65534 with setpriv, execs and exits with status 3; the events whose
 * process is that child are exactly fork, exec, comm, exec, uid, gid (setpriv's setresgid and
 * setresuid, reported in this order by the kernel), exec, exit, with its pids,
 * ids, name and status. Needs root (CAP_NET_ADMIN in the initial namespaces); skips otherwise.
 */
class ProcEventsTest {
    @Test
    void aChildsEventsAreExactlyWhatItDid() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/setpriv").canExecute() || new java.io.File("/bin/setpriv").canExecute(),
                "setpriv (util-linux) is not installed");
        NetlinkEvents<ProcEvent> events;
        try {
            events = ProcEvents.open();
        } catch (ErrnoException e) {
            Assumptions.abort("cannot subscribe to process events (needs root): " + e.getMessage());
            return;
        }
        try (events) {
            ProcEvent first = events.next(Duration.ofSeconds(20));
            assertNotNull(first, "no answer to PROC_CN_MCAST_LISTEN");
            // other processes' events may come before the ack: look for it among the first ones
            while (!(first instanceof ProcEvent.Ack)) {
                first = events.next(Duration.ofSeconds(20));
                assertNotNull(first, "no answer to PROC_CN_MCAST_LISTEN");
            }
            ProcEvent.Ack ack = (ProcEvent.Ack) first;
            Assumptions.assumeTrue(ack.error() == 0, "the kernel refused the subscription: errno " + ack.error());

            Process sh = new ProcessBuilder("sh", "-c",
                    "sh -c 'printf ffsock-child > /proc/self/comm; exec setpriv --regid=65534 --reuid=65534 --clear-groups"
                            + " sh -c \"exit 3\"' & echo $!; wait $!; echo $?").start();
            String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
            String[] lines = out.strip().split("\n");
            assertEquals("3", lines[1], out);
            int child = Integer.parseInt(lines[0]);
            int parent = (int) sh.pid();

            List<ProcEvent> mine = new ArrayList<>();
            while (mine.isEmpty() || !(mine.getLast() instanceof ProcEvent.Exit)) {
                ProcEvent e = events.next(Duration.ofSeconds(20));
                assertNotNull(e, "events so far: " + mine);
                if (e.tgid() == child) mine.add(e);
            }
            List<Class<?>> kinds = mine.stream().<Class<?>>map(Object::getClass).toList();
            assertEquals(List.of(ProcEvent.Fork.class, ProcEvent.Exec.class, ProcEvent.Comm.class, ProcEvent.Exec.class,
                    ProcEvent.Uid.class, ProcEvent.Gid.class, ProcEvent.Exec.class, ProcEvent.Exit.class), kinds, mine.toString());
            ProcEvent.Fork fork = assertInstanceOf(ProcEvent.Fork.class, mine.get(0));
            assertEquals(parent, fork.parentTgid());
            assertEquals(child, fork.childPid());
            assertEquals(child, ((ProcEvent.Exec) mine.get(1)).pid());
            assertEquals("ffsock-child", ((ProcEvent.Comm) mine.get(2)).comm());
            ProcEvent.Gid gid = (ProcEvent.Gid) mine.get(5);
            assertEquals(65534, gid.realGid());
            assertEquals(65534, gid.effectiveGid());
            ProcEvent.Uid uid = (ProcEvent.Uid) mine.get(4);
            assertEquals(65534, uid.realUid());
            assertEquals(65534, uid.effectiveUid());
            ProcEvent.Exit exit = (ProcEvent.Exit) mine.get(7);
            assertEquals(3 << 8, exit.exitCode());
            assertEquals(17, exit.exitSignal());
            assertEquals(parent, exit.parentTgid());
            for (int i = 1; i < mine.size(); i++) {
                assertTrue(mine.get(i).timestampNanos() >= mine.get(i - 1).timestampNanos(), mine.toString());
            }
        }
    }
}
