package dev.archway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP backend for integration tests, on a free port. Any path echoes method, path, query,
 * headers and body as JSON. The status is {@code ?status=N} or the N of {@code /status/N};
 * {@code /slow/N} answers after N ms and {@code /slow} after five seconds (a timer, the event loop
 * stays free); {@code /big/N} answers N bytes. Use it as a JUnit extension ({@code @RegisterExtension}) or with {@link #start}.
 */
public final class EchoBackend implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  private Vertx ownVertx;
  private HttpServer server;

  public EchoBackend() {}

  private EchoBackend(HttpServer server) {
    this.server = server;
  }

  public static EchoBackend start(Vertx vertx) throws Exception {
    HttpServer server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> answer(vertx, request, body.toString())))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new EchoBackend(server);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ownVertx = Vertx.vertx();
    server = start(ownVertx).server;
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    ownVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void answer(Vertx vertx, HttpServerRequest request, String body) {
    String path = request.path();
    if (path.startsWith("/slow")) {
      long delay = path.startsWith("/slow/") ? Long.parseLong(path.substring(6)) : 5_000;
      vertx.setTimer(delay, id -> request.response().end("late"));
      return;
    }
    if (path.startsWith("/big/")) {
      request.response().end(io.vertx.core.buffer.Buffer.buffer(new byte[Integer.parseInt(path.substring(5))]));
      return;
    }
    JsonObject headers = new JsonObject();
    for (Map.Entry<String, String> h : request.headers()) {
      headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue());
    }
    JsonObject echo = new JsonObject()
        .put("method", request.method().name())
        .put("path", path)
        .put("query", request.query())
        .put("headers", headers)
        .put("body", body);
    String status = path.startsWith("/status/") ? path.substring(8) : request.getParam("status");
    request.response()
        .setStatusCode(status == null ? 200 : Integer.parseInt(status))
        .putHeader("Content-Type", "application/json")
        .putHeader("Server", "echo")
        .putHeader("x-amzn-RequestId", "backend-request-id")
        .putHeader("X-Backend", "yes")
        .end(echo.encode());
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
