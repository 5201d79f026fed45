package dev.archway.integration;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicInteger;

/** A real Vert.x HTTP backend that counts the connections it accepts and the most it held open at once. */
final class CountingServer {
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();
  private HttpServer server;

  static CountingServer start(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> handler) {
    CountingServer counting = new CountingServer();
    counting.server = BackendCalls.await(vertx.createHttpServer(options)
        .connectionHandler(connection -> {
          counting.accepted.incrementAndGet();
          counting.peak.accumulateAndGet(counting.open.incrementAndGet(), Math::max);
          connection.closeHandler(v -> counting.open.decrementAndGet());
        })
        .requestHandler(handler)
        .listen(0, "127.0.0.1"));
    return counting;
  }

  static CountingServer start(Vertx vertx, Handler<HttpServerRequest> handler) {
    return start(vertx, new HttpServerOptions(), handler);
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  int accepted() {
    return accepted.get();
  }

  int peakOpen() {
    return peak.get();
  }

  void close() {
    BackendCalls.await(server.close());
  }
}
