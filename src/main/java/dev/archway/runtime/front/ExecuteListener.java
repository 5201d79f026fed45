package dev.archway.runtime.front;

import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.FrontDoor;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The execute listener on Netty, on Vert.x's own event loops (so the backend calls a request makes
 * stay on its loop): with a native transport, one listening socket per loop, all on one port
 * ({@code SO_REUSEPORT}: the kernel spreads connections over the loops, as nginx's workers share
 * theirs); with the JDK's NIO, one socket handing connections to every loop in turn. Each loop has
 * its Vert.x context, in which its requests run, and its {@link LoopConnections}. A connection's
 * pipeline: {@link RequestDecoder}, then {@link ExecuteConnection}.
 */
public final class ExecuteListener {
  private final VertxInternal vertx;
  private final FrontDoor door;
  private final WebSocketUpgrade webSockets;
  private final List<LoopConnections> loops = new ArrayList<>();
  private final List<ContextInternal> contexts = new ArrayList<>();
  private final List<Channel> sockets = new ArrayList<>();
  private final ChannelGroup connections = new DefaultChannelGroup("archway-execute", GlobalEventExecutor.INSTANCE);
  private final AtomicInteger open = new AtomicInteger();
  private final Promise<Void> drained = Promise.promise();
  private final boolean reusePort;

  private ExecuteListener(VertxInternal vertx, FrontDoor door, WebSocketUpgrade webSockets, int eventLoops) {
    this.vertx = vertx;
    this.door = door;
    this.webSockets = webSockets;
    this.reusePort = vertx.isNativeTransportEnabled();
    for (EventExecutor executor : vertx.eventLoopGroup()) {
      if (!reusePort || loops.size() < eventLoops) { // NIO hands connections to every loop of the group
        EventLoop loop = (EventLoop) executor;
        loops.add(new LoopConnections(loop, open, drained::tryComplete));
        contexts.add(vertx.contextBuilder().withEventLoop(loop).withThreadingModel(ThreadingModel.EVENT_LOOP).build());
      }
    }
  }

  public static Future<ExecuteListener> start(Vertx vertx, String host, int port, FrontDoor door, int eventLoops,
      WebSocketUpgrade webSockets) {
    ExecuteListener listener = new ExecuteListener((VertxInternal) vertx, door, webSockets, eventLoops);
    Promise<ExecuteListener> started = Promise.promise();
    if (listener.reusePort && port != 0) {
      try {
        portIsFree(host, port);
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
    }
    listener.bind(host, port, 0, started);
    return started.future();
  }

  /**
   * {@code SO_REUSEPORT} would let a second Archway (or anything else of the same user that sets
   * it) share the port silently, each process taking a part of the traffic. A socket bound without
   * it first fails as any other server would, "Address already in use", when the port is taken.
   */
  private static void portIsFree(String host, int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(host, port));
    }
  }

  /** Binds the socket of loop {@code index} and then the next; the first picks the port when it is 0. */
  private void bind(String host, int port, int index, Promise<ExecuteListener> started) {
    if (index == (reusePort ? loops.size() : 1)) {
      started.complete(this);
      return;
    }
    EventLoop loop = loops.get(index).loop();
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loop, reusePort ? loop : vertx.eventLoopGroup())
        .channelFactory(vertx.transport().serverChannelFactory(false))
        .option(ChannelOption.SO_BACKLOG, 1024)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            accepted(channel);
          }
        });
    if (reusePort) {
      bootstrap.option(UnixChannelOption.SO_REUSEPORT, true);
    }
    bootstrap.bind(host, port).addListener(done -> {
      if (!done.isSuccess()) {
        sockets.forEach(Channel::close);
        started.fail(done.cause());
        return;
      }
      Channel socket = ((io.netty.channel.ChannelFuture) done).channel();
      sockets.add(socket);
      bind(host, ((InetSocketAddress) socket.localAddress()).getPort(), index + 1, started);
    });
  }

  private void accepted(Channel channel) {
    int index = 0;
    while (loops.get(index).loop() != channel.eventLoop()) {
      index++;
    }
    connections.add(channel);
    ExecuteLimits limits = door.limits();
    RequestDecoder decoder = new RequestDecoder(limits.maxInitialLineBytes(), limits.maxHeaderBytes());
    channel.pipeline().addLast("decoder", decoder);
    channel.pipeline().addLast("archway", new ExecuteConnection(door, contexts.get(index), loops.get(index),
        webSockets, decoder));
  }

  public int port() {
    return ((InetSocketAddress) sockets.get(0).localAddress()).getPort();
  }

  /** See {@code ExecuteServer.drain}: the connections still open when {@code timeout} passed. */
  public Future<Integer> drain(Duration timeout) {
    for (Channel socket : sockets) {
      socket.close();
    }
    for (LoopConnections loop : loops) {
      loop.loop().execute(loop::drain);
    }
    if (open.get() == 0) {
      drained.tryComplete();
    }
    Promise<Integer> result = Promise.promise();
    io.netty.util.concurrent.ScheduledFuture<?> deadline = GlobalEventExecutor.INSTANCE.schedule(() -> {
      int left = open.get();
      connections.close().addListener(closed -> result.tryComplete(left));
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    drained.future().onComplete(done -> {
      deadline.cancel(false);
      result.tryComplete(0);
    });
    return result.future();
  }

  /** Closes the sockets and every connection now. */
  public Future<Void> close() {
    Promise<Void> closed = Promise.promise();
    sockets.forEach(Channel::close);
    connections.close().addListener(done -> closed.complete());
    return closed.future();
  }
}
