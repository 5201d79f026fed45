package dev.archway.e2e;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.mock;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.response;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.LiveStages;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.model.Json;
import dev.archway.runtime.ExecuteServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** REST traffic through the execute listener: MOCK and HTTP_PROXY integrations, routing errors, limits. */
class RestTrafficE2eTest {
  static Vertx vertx;
  static EchoBackend backend;
  static HttpProxyIntegration http;
  static ExecuteServer server;
  static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = EchoBackend.start(vertx);
    http = HttpProxyIntegration.create(vertx);
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    var api = deployed("api1", "d1",
        resource("/mock/ok", "GET", method(mock("{\"statusCode\": 200}",
            response("200", null, Map.of("method.response.header.X-Static", "'static value'"), "{\"ok\":true}"),
            response("400", "4\\d\\d", null, "{\"error\":\"bad\"}")), "200", "400")),
        resource("/mock/missing", "GET", method(mock("{\"statusCode\": 404}",
            response("200", null, null, "{\"ok\":true}"),
            response("400", "4\\d\\d", null, "{\"error\":\"bad\"}")), "200", "400")),
        resource("/mock/undeclared", "GET", method(mock("{\"statusCode\": 503}",
            response("200", null, null, null), response("500", "5\\d\\d", null, null)), "200")),
        resource("/mock/notjson", "POST", method(mock("not json", response("200", null, null, "{\"x\":1}")), "200")),
        resource("/proxy/{proxy+}", "ANY", method(httpProxy("ANY", backend.url() + "/echo/{proxy}?fixed=1",
            Map.of("integration.request.path.proxy", "method.request.path.proxy",
                "integration.request.header.X-Mapped", "'static'",
                "integration.request.querystring.fromHeader", "method.request.header.X-Client"), null))),
        resource("/items/{id}", "GET", method(httpProxy("GET", "${stageVariables.backend}/items/{id}", null, null))),
        resource("/slow", "GET", method(httpProxy("GET", backend.url() + "/slow", null, 200))),
        resource("/down", "GET", method(httpProxy("GET", "http://127.0.0.1:" + closedPort + "/x", null, null))));
    LiveStages live = new LiveStages();
    var dev = new DeploymentCompiler(http).compile("api1", stage("dev", "d1", Map.of("backend", backend.url())), api);
    live.publish("api1", Map.of("dev", dev));
    server = await(ExecuteServer.start(vertx, "127.0.0.1", 0, live));
  }

  @AfterAll
  static void stop() throws Exception {
    await(server.close());
    await(http.close());
    backend.close();
    await(vertx.close());
  }

  @Test
  void mockSelectsTheDefaultResponseAndMapsStaticHeaders() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/mock/ok");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"ok\":true}");
    assertThat(r.headers().firstValue("X-Static")).hasValue("static value");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.headers().firstValue("x-amzn-RequestId")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
  }

  @Test
  void mockSelectionPatternPicksTheErrorResponse() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/mock/missing");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("{\"error\":\"bad\"}");
  }

  @Test
  void mockStatusWithoutMethodResponseIs500() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/mock/undeclared");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).get("message").asText()).isEqualTo("Internal server error");
  }

  @Test
  void mockTemplateThatIsNotJsonGives200WithEmptyBody() throws Exception {
    HttpResponse<String> r = client.send(request("/restapis/api1/dev/_user_request_/mock/notjson")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void httpProxyPassesMethodPathQueryHeadersAndBody() throws Exception {
    HttpResponse<String> r = client.send(request("/restapis/api1/dev/_user_request_/proxy/a/b%20c?x=1&x=2")
        .header("X-Client", "c1").header("X-Other", "o")
        .method("PUT", HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode echo = json(r);
    assertThat(echo.get("method").asText()).isEqualTo("PUT");
    assertThat(echo.get("path").asText()).isEqualTo("/echo/a/b%20c");
    assertThat(echo.get("query").asText()).isEqualTo("fixed=1&x=1&x=2&fromHeader=c1");
    assertThat(echo.get("headers").get("x-other").asText()).isEqualTo("o");
    assertThat(echo.get("headers").get("x-mapped").asText()).isEqualTo("static");
    assertThat(echo.get("headers").get("host").asText()).isEqualTo("127.0.0.1:" + backend.port());
    assertThat(echo.get("body").asText()).isEqualTo("hello");
  }

  @Test
  void theBackendGetsTheTraceIdAndTheApiIdAndTheClientAnIdAndAConnectionHeader() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/proxy/traced");
    JsonNode headers = json(r).get("headers");
    assertThat(headers.get("x-amzn-trace-id").asText()).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
    assertThat(headers.get("x-amzn-apigateway-api-id").asText()).isEqualTo("api1");
    assertThat(r.headers().firstValue("x-amz-apigw-id")).hasValueSatisfying(id -> assertThat(id).hasSize(16));
    assertThat(r.headers().firstValue("Connection")).hasValue("keep-alive");
    HttpResponse<String> refused = get("/restapis/api1/dev/_user_request_/nowhere");
    assertThat(refused.headers().firstValue("x-amz-apigw-id")).isPresent();
    assertThat(refused.headers().firstValue("Connection")).hasValue("keep-alive");
  }

  @Test
  void httpProxyReturnsBackendStatusAndRemapsReservedHeaders() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/proxy/x?status=418");
    assertThat(r.statusCode()).isEqualTo(418);
    assertThat(r.headers().firstValue("X-Backend")).hasValue("yes");
    assertThat(r.headers().firstValue("x-amzn-Remapped-Server")).hasValue("echo");
    assertThat(r.headers().firstValue("x-amzn-Remapped-x-amzn-RequestId")).hasValue("backend-request-id");
    assertThat(r.headers().firstValue("x-amzn-Remapped-Content-Length")).isPresent();
    assertThat(r.headers().firstValue("x-amzn-RequestId")).isNotEqualTo(java.util.Optional.of("backend-request-id"));
  }

  @Test
  void stageVariableAndMethodPathParameterFillTheUri() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/items/a%40b");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("path").asText()).isEqualTo("/items/a%40b");
  }

  @Test
  void slowBackendTimesOutWith504() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/slow");
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(json(r).get("message").asText()).isEqualTo("Endpoint request timed out");
  }

  @Test
  void unreachableBackendIsAnIntegrationFailure() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/down");
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(json(r).get("message").asText()).isEqualTo("Internal server error");
  }

  @Test
  void hostStyleUrlServesTheSameApi() throws Exception {
    String raw = rawRequest("GET /dev/mock/ok HTTP/1.1\r\nHost: api1.execute-api.localhost:" + server.port()
        + "\r\nConnection: close\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 200").contains("{\"ok\":true}");
    String unknown = rawRequest("GET /prod/mock/ok HTTP/1.1\r\nHost: api1.execute-api.localhost\r\nConnection: close\r\n\r\n");
    assertThat(unknown).startsWith("HTTP/1.1 403");
  }

  @Test
  void unknownApiStagePathOrMethodIs403MissingAuthenticationToken() throws Exception {
    for (String path : new String[] {"/restapis/nope/dev/_user_request_/mock/ok", "/restapis/api1/prod/_user_request_/mock/ok",
        "/restapis/api1/dev/_user_request_/mock/unknown", "/restapis/api1/dev/_user_request_/mock/notjson", "/anything"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(r.body()).as(path).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    }
  }

  @Test
  void encodedSlashInPathIs400() throws Exception {
    HttpResponse<String> r = get("/restapis/api1/dev/_user_request_/proxy/a%2Fb");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("message").asText()).isNotBlank();
  }

  @Test
  void bodyOverTenMegabytesIs413() throws Exception {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    HttpResponse<String> r = client.send(request("/restapis/api1/dev/_user_request_/proxy/upload")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).isPresent();
  }

  @Test
  void chunkedBodyOverTenMegabytesIs413() throws Exception {
    byte[] body = new byte[10 * 1024 * 1024 + 1];
    HttpResponse<String> r = client.send(request("/restapis/api1/dev/_user_request_/proxy/upload")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void headersOverTheAwsLimitAreRefused() throws Exception {
    String raw = rawRequest("GET /restapis/api1/dev/_user_request_/mock/ok HTTP/1.1\r\nHost: x\r\nX-Big: "
        + "a".repeat(11_000) + "\r\nConnection: close\r\n\r\n");
    assertThat(raw).startsWith("HTTP/1.1 431");
  }

  @Test
  void bodyOfExactlyTenMegabytesIsForwarded() throws Exception {
    byte[] body = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'a');
    HttpResponse<String> r = client.send(request("/restapis/api1/dev/_user_request_/proxy/upload")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("body").asText()).hasSize(body.length);
  }

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(20));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body());
  }

  /** A raw HTTP/1.1 exchange, for a Host header the JDK client will not send. */
  static String rawRequest(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
