package dev.ffsock;

import dev.ffsock.nio.FfsockSelectorProvider;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link NioChildJvmTest} in a JVM whose virtual-thread scheduler has one carrier that
 * cannot be replaced, with the ffsock provider as the JVM's: for each blocking channel call and for
 * select, one virtual thread blocks in it while a second virtual thread must still get to run (it
 * could not if the first held the only carrier). Then the call is released and must complete.
 * Prints {@code held the carrier: CALL} for a failure, {@code OK} when all pass.
 */
public final class NioCarrierMain {
    private NioCarrierMain() {
    }

    private interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (!(java.nio.channels.spi.SelectorProvider.provider() instanceof FfsockSelectorProvider)) {
            throw new AssertionError("the JVM's provider is not ffsock's");
        }
        List<String> failed = new ArrayList<>();
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        SocketChannel[] p = pair(any);
        check(failed, "SocketChannel.read", () -> p[1].read(ByteBuffer.allocate(4)), () -> p[0].write(ByteBuffer.wrap(new byte[] {1})));

        ByteBuffer big = ByteBuffer.allocateDirect(1 << 20);
        p[0].configureBlocking(false);
        while (p[0].write(big.clear()) > 0) {
            // fill the send buffer
        }
        p[0].configureBlocking(true);
        check(failed, "SocketChannel.write", () -> p[0].write(big.clear().limit(1 << 16)), () -> {
            // drain on a platform thread for as long as the writer has something to send
            Thread.ofPlatform().daemon().start(() -> {
                ByteBuffer sink = ByteBuffer.allocateDirect(1 << 20);
                try {
                    while (p[1].read(sink.clear()) >= 0) {
                        // discard
                    }
                } catch (Exception e) {
                    // closed at exit
                }
            });
        });

        ServerSocketChannel srv = ServerSocketChannel.open().bind(any);
        check(failed, "ServerSocketChannel.accept", srv::accept, () -> SocketChannel.open(srv.getLocalAddress()));

        DatagramChannel d = DatagramChannel.open(StandardProtocolFamily.INET).bind(any);
        check(failed, "DatagramChannel.receive", () -> d.receive(ByteBuffer.allocate(8)),
                () -> DatagramChannel.open(StandardProtocolFamily.INET).send(ByteBuffer.wrap(new byte[] {1}), d.getLocalAddress()));

        Pipe pipe = Pipe.open();
        check(failed, "Pipe.source.read", () -> pipe.source().read(ByteBuffer.allocate(4)),
                () -> pipe.sink().write(ByteBuffer.wrap(new byte[] {1})));

        Selector sel = Selector.open();
        Pipe sp = Pipe.open();
        sp.source().configureBlocking(false).register(sel, SelectionKey.OP_READ);
        check(failed, "Selector.select", sel::select, () -> sp.sink().write(ByteBuffer.wrap(new byte[] {1})));
        check(failed, "Selector.select(wakeup)", () -> sel.select(60_000), sel::wakeup);

        System.out.println(failed.isEmpty() ? "OK" : "FAILED " + failed);
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static SocketChannel[] pair(InetSocketAddress any) throws Exception {
        try (ServerSocketChannel srv = ServerSocketChannel.open().bind(any)) {
            SocketChannel c = SocketChannel.open(srv.getLocalAddress());
            return new SocketChannel[] {c, srv.accept()};
        }
    }

    private static void check(List<String> failed, String name, Step block, Step release) throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread a = Thread.ofVirtual().start(() -> {
            blocked.countDown();
            try {
                block.run();
            } catch (Exception e) {
                System.out.println(name + ": " + e);
            }
            done.countDown();
        });
        blocked.await();
        Thread.sleep(200); // a is now inside the call (or has pinned the only carrier)
        CountDownLatch other = new CountDownLatch(1);
        Thread.ofVirtual().start(other::countDown);
        if (!other.await(10, TimeUnit.SECONDS)) {
            failed.add(name);
            System.out.println("held the carrier: " + name);
            System.out.println("FAILED " + failed);
            System.exit(1); // the scheduler is stuck: nothing else can run
        }
        release.run();
        if (!done.await(20, TimeUnit.SECONDS)) {
            failed.add(name + " (never completed)");
            System.out.println("never completed: " + name);
            return;
        }
        if (!a.isAlive() || a.join(java.time.Duration.ofSeconds(5))) System.out.println("ok: " + name);
    }
}
