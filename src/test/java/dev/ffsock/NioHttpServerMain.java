package dev.ffsock;

import com.sun.net.httpserver.HttpServer;
import dev.ffsock.nio.FfsockSelectorProvider;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link NioChildJvmTest} in a JVM whose SelectorProvider is ffsock's: starts the JDK's
 * {@code com.sun.net.httpserver.HttpServer}, checks (by reflection into sun.net.httpserver, opened
 * for it) that its listening channel and selector are ffsock's, and has {@code java.net.http.HttpClient}
 * (whose channels are then ffsock's too) and Python's urllib (the JDK-independent peer) fetch pages
 * from it, including a POST whose body is echoed. Prints {@code OK} when every answer is right.
 */
public final class NioHttpServerMain {
    private NioHttpServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (!(java.nio.channels.spi.SelectorProvider.provider() instanceof FfsockSelectorProvider)) {
            throw new AssertionError("the JVM's provider is " + java.nio.channels.spi.SelectorProvider.provider());
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            String body = ex.getRequestMethod() + " " + ex.getRequestURI() + " from " + ex.getRemoteAddress().getAddress().getHostAddress()
                    + " len=" + in.length + " " + new String(in, StandardCharsets.UTF_8);
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        try {
            Object impl = field(server, "server");
            String schan = field(impl, "schan").getClass().getName();
            String selector = field(impl, "selector").getClass().getName();
            System.out.println("listening channel: " + schan + ", selector: " + selector);
            if (!schan.equals("dev.ffsock.internal.nio.FfsockServerSocketChannel")) throw new AssertionError(schan);
            if (!selector.equals("dev.ffsock.internal.nio.EpollSelector")) throw new AssertionError(selector);

            int port = server.getAddress().getPort();
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/get/" + i)).build(),
                        HttpResponse.BodyHandlers.ofString());
                expect(200, r.statusCode(), "status");
                expect("GET /get/" + i + " from 127.0.0.1 len=0 ", r.body(), "GET body");
            }
            String payload = "x".repeat(100_000);
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/post"))
                    .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
            expect("POST /post from 127.0.0.1 len=100000 " + payload, post.body(), "POST body");

            Path script = Files.createTempFile("ffsock-urllib", ".py");
            Files.writeString(script, "import sys, urllib.request\n"
                    + "print(urllib.request.urlopen(sys.argv[1], data=b'from python', timeout=20).read().decode())\n");
            Process py = new ProcessBuilder("python3", script.toString(), base.resolve("/py").toString())
                    .redirectErrorStream(true).start();
            String pyOut = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!py.waitFor(30, TimeUnit.SECONDS)) throw new AssertionError("python did not finish");
            Files.delete(script);
            expect("POST /py from 127.0.0.1 len=11 from python", pyOut, "urllib");
        } finally {
            server.stop(0);
        }
        System.out.println("OK");
    }

    private static void expect(Object want, Object got, String what) {
        if (!want.equals(got)) throw new AssertionError(what + ": expected <" + want + "> got <" + got + ">");
    }

    private static Object field(Object o, String name) throws ReflectiveOperationException {
        for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(o);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
