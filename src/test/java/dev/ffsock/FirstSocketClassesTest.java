package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fresh JVM's first socket (open, bind to 127.0.0.1:0, close; benchmarks' startup.first_socket) loads
 * only what it needs: the layouts of the structs it uses (Structs' per-struct holders), no array-field
 * VarHandle of the generated struct classes (jextract.sh's rewrite 4), and no InetAddress for a
 * dotted-quad literal (SockAddrIn.of). Each of these cost the first socket milliseconds to tens of
 * milliseconds; this test keeps them from coming back unnoticed.
 */
class FirstSocketClassesTest {
    /** The child: the same three calls as benchmarks' StartupFfsock. */
    public static final class FirstSocket {
        public static void main(String[] args) throws Exception {
            Socket s = Socket.open(Domain.AF_INET, Type.STREAM);
            s.bind(SockAddrIn.of("127.0.0.1", 0));
            s.close();
            System.out.println("first socket done");
        }
    }

    private static final String BINDINGS = "dev.ffsock.internal.bindings.";

    @Test
    void firstSocketLoadsOnlyWhatItUses() throws Exception {
        String[] lazyHandles = {BINDINGS + "sockaddr_storage$__ss_padding$ELEM_HANDLE",
                BINDINGS + "sockaddr_in$sin_zero$ELEM_HANDLE"};
        for (String c : lazyHandles) {
            // The holder classes exist (else "not loaded" below would pass vacuously).
            assertDoesNotThrow(() -> Class.forName(c, false, getClass().getClassLoader()), c);
        }

        // The class-load log goes to a file of its own: ChildJvm prints the child's output.
        Path classLog = ChildJvm.target().resolve("first-socket-class-load.log");
        Files.deleteIfExists(classLog);
        ChildJvm.Result r = ChildJvm.run(FirstSocket.class, List.of("-Xlog:class+load=info:file=" + classLog),
                List.of(), "first-socket.log", 60);
        assertTrue(r.finished(), "child timed out");
        assertEquals(0, r.status(), "child failed");
        assertTrue(r.output().contains("first socket done"));
        Matcher m = Pattern.compile("\\[class,load\\] (\\S+) source:").matcher(Files.readString(classLog));
        Set<String> loaded = m.results().map(x -> x.group(1)).collect(Collectors.toSet());

        // The log is read right: what the first socket needs is there.
        assertTrue(loaded.contains("dev.ffsock.internal.Structs$SockaddrIn"), "no class+load log?");
        assertTrue(loaded.contains(BINDINGS + "sockaddr_storage"));

        for (String struct : List.of("msghdr", "iovec", "mmsghdr", "cmsghdr", "tcp_info", "sockaddr_in6",
                "sockaddr_un", "sockaddr_nl", "linger", "timeval", "ucred", "ip_mreqn", "ipv6_mreq", "in_pktinfo",
                "in6_pktinfo", "timespec")) {
            assertFalse(loaded.contains(BINDINGS + struct),
                    "the first socket initialised struct " + struct + "'s layout (Structs holders are per struct)");
        }
        for (String c : lazyHandles) {
            assertFalse(loaded.contains(c), c + " loaded: an array field's VarHandle was built for the first socket");
        }
        assertFalse(loaded.contains("java.net.InetAddress$InetAddressHolder"),
                "SockAddrIn.of(\"127.0.0.1\", 0) made an InetAddress");
    }
}
