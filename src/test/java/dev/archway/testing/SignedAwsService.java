package dev.archway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server standing in for AWS services: every call must be SigV4-signed with
 * {@code test}/{@code test} (checked with the SDK's signer); it answers with what it received as
 * JSON (service and region of the signature, method, path, query, X-Amz-Target, body). A query
 * or path containing {@code fail} gets a 400 the AWS way.
 */
public final class SignedAwsService implements BeforeAllCallback, AfterAllCallback {
  /** One call as the service saw it. */
  public record Call(String method, String path, String query, Map<String, String> headers, String body) {}

  private final SigV4Check signatures = new SigV4Check(Map.of("test", "test"), null);
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<String> rejectedSignatures = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  public List<Call> calls() {
    return calls;
  }

  public List<String> rejectedSignatures() {
    return rejectedSignatures;
  }

  private void handle(HttpServerRequest request, Buffer body) {
    String problem = signatures.problem(request, body);
    if (problem != null) {
      rejectedSignatures.add(problem);
      request.response().setStatusCode(403).putHeader("x-amzn-ErrorType", "InvalidSignatureException")
          .end(new JsonObject().put("message", problem).encode());
      return;
    }
    JsonObject headers = new JsonObject();
    request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    calls.add(new Call(request.method().name(), request.path(), request.query(), Map.copyOf(headers.getMap().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())))), body.toString()));
    String authorization = request.getHeader("Authorization");
    JsonObject answer = new JsonObject()
        .put("scope", authorization.substring(authorization.indexOf('/') + 1, authorization.indexOf("/aws4_request")))
        .put("method", request.method().name())
        .put("path", request.path())
        .put("query", request.query())
        .put("target", request.getHeader("X-Amz-Target"))
        .put("contentType", request.getHeader("Content-Type"))
        .put("body", body.toString());
    boolean fail = request.uri().contains("fail");
    request.response().setStatusCode(fail ? 400 : 200).putHeader("Content-Type", "application/json")
        .putHeader("x-amzn-RequestId", "service-request-id")
        .end(fail ? "{\"__type\":\"InvalidParameterValue\",\"message\":\"failed\"}" : answer.encode());
  }
}
