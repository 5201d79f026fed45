package dev.archway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP backend for traffic tests, on a free port. Every path echoes the request as JSON
 * (method, path, query, headers, body); {@code /status/{code}} answers that status;
 * {@code /slow/{millis}} answers after a delay (a timer, nothing blocks).
 */
public final class EchoBackend implements BeforeAllCallback, AfterAllCallback {
  private Vertx vertx;
  private HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      JsonObject headers = new JsonObject();
      req.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
      JsonObject echo = new JsonObject()
          .put("method", req.method().name())
          .put("path", req.path())
          .put("query", req.query())
          .put("headers", headers)
          .put("body", body.toString());
      String path = req.path();
      int status = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200;
      long delay = path.startsWith("/slow/") ? Long.parseLong(path.substring(6)) : 0;
      Runnable answer = () -> req.response().setStatusCode(status)
          .putHeader("Content-Type", "application/json")
          .putHeader("X-Backend", "echo")
          .putHeader("Server", "echo-server")
          .end(echo.encode());
      if (delay > 0) {
        vertx.setTimer(delay, t -> answer.run());
      } else {
        answer.run();
      }
    })).listen(0, "127.0.0.1").await();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    vertx.close().await();
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

}
