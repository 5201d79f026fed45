package dev.archway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend for integration tests. Any path echoes method, path, query, headers and
 * body as JSON; {@code /slow} answers after five seconds (a timer, the event loop stays free).
 */
public final class EchoBackend implements AutoCloseable {
  private final HttpServer server;

  private EchoBackend(HttpServer server) {
    this.server = server;
  }

  public static EchoBackend start(Vertx vertx) throws Exception {
    HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      if (request.path().startsWith("/slow")) {
        vertx.setTimer(5_000, id -> request.response().end("late"));
        return;
      }
      JsonObject headers = new JsonObject();
      for (Map.Entry<String, String> h : request.headers()) {
        headers.put(h.getKey().toLowerCase(java.util.Locale.ROOT), h.getValue());
      }
      JsonObject echo = new JsonObject()
          .put("method", request.method().name())
          .put("path", request.path())
          .put("query", request.query())
          .put("headers", headers)
          .put("body", body.toString());
      String status = request.getParam("status");
      request.response()
          .setStatusCode(status == null ? 200 : Integer.parseInt(status))
          .putHeader("Content-Type", "application/json")
          .putHeader("Server", "echo")
          .putHeader("x-amzn-RequestId", "backend-request-id")
          .putHeader("X-Backend", "yes")
          .end(echo.encode());
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new EchoBackend(server);
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
