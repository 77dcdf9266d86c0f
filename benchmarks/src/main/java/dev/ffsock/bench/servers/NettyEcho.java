package dev.ffsock.bench.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringIoHandlerConfig;
import io.netty.channel.uring.IoUringServerSocketChannel;

import java.net.InetSocketAddress;

/**
 * A Netty 4.2 echo server on one event-loop thread (the same {@link MultiThreadIoEventLoopGroup} of
 * one thread accepts and serves), transport {@code epoll}, {@code iouring} or {@code nio}: pooled
 * direct buffers, {@code TCP_NODELAY}, a handler writing back every buffer it reads and flushing on
 * {@code channelReadComplete}. io_uring is set up with {@code setSingleIssuer(true)}, which asks the
 * kernel for IORING_SETUP_SINGLE_ISSUER and IORING_SETUP_DEFER_TASKRUN where it supports them (the
 * flags netty PR 14699 measured).
 */
final class NettyEcho {
    private NettyEcho() {
    }

    /** Binds, starts the event loop and {@return HOST:PORT} */
    static String start(String transport, String host, int port) throws Exception {
        IoHandlerFactory factory;
        Class<? extends ServerChannel> channel;
        switch (transport) {
            case "epoll" -> {
                if (!Epoll.isAvailable()) throw new EchoServers.Unavailable("Netty epoll: " + Epoll.unavailabilityCause());
                factory = EpollIoHandler.newFactory();
                channel = EpollServerSocketChannel.class;
            }
            case "iouring" -> {
                if (!IoUring.isAvailable()) {
                    throw new EchoServers.Unavailable("Netty io_uring: " + IoUring.unavailabilityCause());
                }
                factory = IoUringIoHandler.newFactory(new IoUringIoHandlerConfig().setSingleIssuer(true));
                channel = IoUringServerSocketChannel.class;
            }
            case "nio" -> {
                factory = NioIoHandler.newFactory();
                channel = NioServerSocketChannel.class;
            }
            default -> throw new EchoServers.Unavailable("no Netty transport " + transport);
        }
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, factory);
        PooledByteBufAllocator pooledDirect = new PooledByteBufAllocator(true);
        Channel ch = new ServerBootstrap()
                .group(group)
                .channel(channel)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, pooledDirect)
                .childHandler(Echo.INSTANCE)
                .bind(host, port).sync().channel();
        return host + ":" + ((InetSocketAddress) ch.localAddress()).getPort();
    }

    /** Writes back what it reads; flushes once per read burst. */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        static final Echo INSTANCE = new Echo();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
