package dev.archway.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that records every request it receives (method, URI, headers, body) and answers 200
 * {@code ok}; {@code /slow/N} answers after N ms. What a gateway lets through is what lands here.
 */
public final class RecordingBackend implements AutoCloseable {
  /** One request as the backend received it. */
  public record Received(String method, String uri, MultiMap headers, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger answered = new AtomicInteger();

  private RecordingBackend(Vertx vertx) throws Exception {
    this.server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> {
          received.add(new Received(request.method().name(), request.uri(), MultiMap.caseInsensitiveMultiMap()
              .addAll(request.headers()), body.toString()));
          String path = request.path();
          if (path.startsWith("/slow/")) {
            vertx.setTimer(Long.parseLong(path.substring(6)),
                id -> request.response().end("late").onComplete(done -> answered.incrementAndGet()));
          } else {
            request.response().end("ok").onComplete(done -> answered.incrementAndGet());
          }
        }))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public static RecordingBackend start(Vertx vertx) throws Exception {
    return new RecordingBackend(vertx);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Every request received so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** How many answers have been sent. */
  public int answered() {
    return answered.get();
  }

  public void clear() {
    received.clear();
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
