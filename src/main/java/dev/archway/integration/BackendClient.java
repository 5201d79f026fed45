package dev.archway.integration;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.resolver.NameResolver;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * The HTTP/1.1 keep-alive client behind every integration that calls out (HTTP, HTTP_PROXY,
 * Lambda, AWS services), written on Netty directly. A backend call is the gateway's hottest path,
 * and the layers of Vert.x's general-purpose client (endpoint resolution, a shared pool with its
 * combiner, request streams, several futures) cost as much CPU as everything else a proxied
 * request does. Here every event loop keeps its own connections per origin: no locks, no
 * hand-offs, one deadline per call. TLS verifies the certificate chain (the JDK's trust store)
 * and the host name, as Vert.x's client did; DNS goes through Vert.x's non-blocking resolver, and
 * the {@link EgressPolicy} checks each address before a connection is made to it.
 */
final class BackendClient {
  /** Initial line and header limits: the client must accept what backends send through AWS. */
  static final int MAX_INITIAL_LINE = 16 * 1024;
  static final int MAX_HEADER_BYTES = 64 * 1024;

  private final VertxInternal vertx;
  /** How HTTPS backends are verified; made on the first HTTPS call (the JDK's TLS set-up takes a few hundred ms). */
  private final Supplier<SslContext> tlsFactory;
  private final AtomicReference<CompletableFuture<SslContext>> tls = new AtomicReference<>();
  private volatile boolean closed;
  private final NameResolver resolver;
  private final Supplier<EgressPolicy> egress;
  /** Every connection ever opened and not yet closed, so {@link #close()} can close them all. */
  private final ChannelGroup channels = new DefaultChannelGroup("archway-backends", GlobalEventExecutor.INSTANCE);
  /** Each event loop's own pools and calls in flight; only ever touched on that loop's thread. */
  private final FastThreadLocal<LoopState> loops = new FastThreadLocal<>();

  private record LoopState(Map<Origin, OriginPool> pools, Deadlines deadlines) {}

  /** @param egress the policy in force, read on every new connection */
  BackendClient(VertxInternal vertx, Supplier<SslContext> tlsFactory, Supplier<EgressPolicy> egress) {
    this.vertx = vertx;
    this.tlsFactory = tlsFactory;
    this.egress = egress;
    this.resolver = vertx.nameResolver();
  }

  /** The JDK's trust store, host names checked (RFC 2818), as a browser or the AWS SDK would. */
  static SslContext jdkTls() {
    try {
      return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
    } catch (SSLException e) {
      throw new IllegalStateException("no TLS client context", e);
    }
  }

  /**
   * Sends the call on an event loop of the caller's context and completes on that context.
   * The call's deadline covers connecting, sending and the whole answer.
   */
  Future<BackendResponse> send(Origin origin, WireRequest request, String absoluteUri, long timeoutMillis) {
    if (closed) {
      request.bytes().release();
      return Future.failedFuture(new IllegalStateException("the backend client is closed"));
    }
    ContextInternal context = vertx.getOrCreateContext();
    EventLoop loop = context.nettyEventLoop();
    BackendCall call = new BackendCall(context.promise(), origin, request, absoluteUri);
    if (loop.inEventLoop()) {
      start(loop, call, timeoutMillis);
    } else {
      loop.execute(() -> start(loop, call, timeoutMillis));
    }
    return call.future();
  }

  private void start(EventLoop loop, BackendCall call, long timeoutMillis) {
    call.deadline(state(loop).deadlines(), timeoutMillis);
    acquire(loop, call);
  }

  private LoopState state(EventLoop loop) {
    LoopState state = loops.get();
    if (state == null) {
      state = new LoopState(new HashMap<>(), new Deadlines(loop));
      loops.set(state);
    }
    return state;
  }

  private void acquire(EventLoop loop, BackendCall call) {
    CompletableFuture<SslContext> context = call.origin().tls() ? tls() : null;
    if (context != null && !context.isDone()) {
      // The TLS context is being made (once, off the loop): the call goes on when it is ready.
      context.whenComplete((ready, failed) -> loop.execute(() -> {
        if (!call.done()) {
          acquire(loop, call);
        }
      }));
      return;
    }
    state(loop).pools().computeIfAbsent(call.origin(), origin -> new OriginPool(origin, loop, this)).acquire(call);
  }

  private CompletableFuture<SslContext> tls() {
    CompletableFuture<SslContext> current = tls.get();
    if (current == null) {
      CompletableFuture<SslContext> making = new CompletableFuture<>();
      if (tls.compareAndSet(null, making)) {
        ForkJoinPool.commonPool().execute(() -> {
          try {
            making.complete(tlsFactory.get());
          } catch (RuntimeException e) {
            making.completeExceptionally(e);
          }
        });
      }
      current = tls.get();
    }
    return current;
  }

  /** How many origins the calling event loop keeps a pool for. */
  int originsOnThisLoop() {
    LoopState state = loops.get();
    return state == null ? 0 : state.pools().size();
  }

  /** A pool without connections or waiting calls leaves its loop's map: origins come and go with stage variables. */
  void forget(OriginPool pool) {
    state(pool.loop()).pools().remove(pool.origin(), pool);
  }

  /**
   * Opens {@code connection} for {@code pool} on its loop; the future fails when it cannot be made.
   * The name is resolved once and the egress policy checks the very address the socket then
   * connects to. The pool hears of its end, whatever ends it (refused by the policy or the peer,
   * reset, closed by either side), exactly once.
   */
  io.netty.util.concurrent.Future<Void> connect(OriginPool pool, BackendConnection connection, long connectTimeoutMillis) {
    Origin origin = pool.origin();
    io.netty.util.concurrent.Promise<Void> connected = pool.loop().newPromise();
    String refused = egress.get().refusal(origin.host());
    if (refused != null) {
      pool.closed(connection);
      return connected.setFailure(new EgressRefusedException(origin.toString(), refused));
    }
    resolver.resolve(pool.loop(), origin.host()).addListener(resolved -> {
      if (!resolved.isSuccess()) {
        pool.closed(connection);
        connected.setFailure(resolved.cause());
        return;
      }
      InetSocketAddress address = new InetSocketAddress(((InetSocketAddress) resolved.getNow()).getAddress(), origin.port());
      String reason = egress.get().refusal(address);
      if (reason != null) {
        pool.closed(connection);
        connected.setFailure(new EgressRefusedException(origin.toString(), reason));
        return;
      }
      ChannelFuture connecting = bootstrap(origin, pool.loop(), connection, connectTimeoutMillis).connect(address);
      channels.add(connecting.channel());
      connecting.channel().closeFuture().addListener(closed -> pool.closed(connection));
      connecting.addListener(done -> {
        if (done.isSuccess()) {
          connected.setSuccess(null);
        } else {
          connected.setFailure(done.cause());
        }
      });
    });
    return connected;
  }

  private Bootstrap bootstrap(Origin origin, EventLoop loop, BackendConnection connection, long connectTimeoutMillis) {
    return new Bootstrap()
        .group(loop)
        .channelFactory(vertx.transport().channelFactory(false))
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeoutMillis)))
        .handler(new ChannelInitializer<>() {
          @Override
          protected void initChannel(Channel channel) {
            if (origin.tls()) {
              channel.pipeline().addLast("tls", tls().join().newHandler(channel.alloc(), origin.host(), origin.port()));
            }
            channel.pipeline().addLast("decoder", new AnswerDecoder(connection));
            channel.pipeline().addLast("archway", connection);
          }
        });
  }

  Future<Void> close() {
    closed = true;
    Promise<Void> closed = Promise.promise();
    channels.close().addListener(done -> closed.complete());
    return closed.future();
  }
}
