package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * Tracing as a self-hoster sets it up: {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector (here
 * an OTLP/HTTP receiver the test runs), a REST stage turns {@code tracingEnabled} on, and each
 * request becomes a server span with an integration child in the trace its backend was told of
 * ({@code X-Amzn-Trace-Id} and W3C {@code traceparent}); a client's {@code traceparent} is joined.
 * The export is OTLP protobuf: the receiver finds the span names and the ids' bytes in it.
 */
class TracingE2eTest {
  static final Vertx vertx = Vertx.vertx();
  static final List<byte[]> exports = new CopyOnWriteArrayList<>();
  static final HttpServer collector = collector();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer(s -> s.withObservability(s.observability()
      .withOtel(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.actualPort(),
          "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf", "OTEL_BSP_SCHEDULE_DELAY", "50"))));
  @RegisterExtension static final EchoBackend backend = new EchoBackend();
  static NonProxyApi api;

  static HttpServer collector() {
    try {
      return vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
        if (request.path().equals("/v1/traces")) {
          exports.add(body.getBytes());
        }
        request.response().putHeader("Content-Type", "application/x-protobuf").end(Buffer.buffer());
      })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void api() {
    api = new NonProxyApi(server.client(), "traced");
    String resource = api.resource(api.root, "traced");
    api.method(resource, "GET");
    api.integration(resource, "GET", r -> r.type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET")
        .uri(backend.url() + "/traced"));
    api.deploy("prod", Map.of(), server.pathStyle(api.id, "prod", "/traced"), "GET");
    server.client().updateStage(r -> r.restApiId(api.id).stageName("prod")
        .patchOperations(p -> p.op(Op.REPLACE).path("/tracingEnabled").value("true")));
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static JsonObject backendSaw(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = NonProxyApi.send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonObject("headers");
  }

  static boolean exported(String hexId, String name) {
    byte[] id = HexFormat.of().parseHex(hexId);
    return exports.stream().anyMatch(e -> contains(e, id) && contains(e, name.getBytes()));
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Test
  void aTracedRequestIsAServerSpanWithAnIntegrationChildInTheTraceItsBackendWasTold() throws Exception {
    JsonObject headers = backendSaw(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", "/traced")));

    String traceparent = headers.getString("traceparent");
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    String traceId = traceparent.substring(3, 35);
    String spanId = traceparent.substring(36, 52);
    assertThat(headers.getString("x-amzn-trace-id")).startsWith("Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8));
    await().until(() -> exported(traceId, "GET /traced") && exported(spanId, "GET /traced") && exported(traceId, "integration"));
  }

  @Test
  void aClientsTraceparentIsJoined() throws Exception {
    String clientTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String clientSpan = "00f067aa0ba902b7";
    JsonObject headers = backendSaw(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", "/traced"))
        .header("traceparent", "00-" + clientTrace + "-" + clientSpan + "-01"));

    assertThat(headers.getString("x-amzn-trace-id")).isEqualTo("Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent="
        + clientSpan + ";Sampled=1");
    assertThat(headers.getString("traceparent")).startsWith("00-" + clientTrace + "-").doesNotContain(clientSpan);
    await().until(() -> exported(clientTrace, "GET /traced") && exported(clientSpan, "GET /traced"));
  }
}
