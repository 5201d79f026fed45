package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.RawHttp;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * What HTTP and HTTP_PROXY backends receive besides the client's request: AWS's own headers
 * ({@code Accept}, {@code X-Forwarded-*}, the trace id the answer carries too), never a
 * connection-specific header, and never a header a template may not set.
 */
class BackendRequestHeadersE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  static NonProxyApi api;
  static String httpApiId;

  @BeforeAll
  static void buildApis() {
    api = new NonProxyApi(server.client(), "backend-headers");
    http("plain", Map.of(), Map.of());
    http("accept-mapped", Map.of("integration.request.header.Accept", "method.request.header.Accept"), Map.of());
    http("override-accept", Map.of(), Map.of("application/json", "#set($context.requestOverride.header.Accept = 'text/csv'){}"));
    http("override-length", Map.of(), Map.of("application/json", "#set($context.requestOverride.header.Content-Length = '2'){}"));
    http("override-auth", Map.of(), Map.of("application/json", "#set($context.requestOverride.header.Authorization = 'Bearer t'){}"));
    String proxy = api.resource(api.root, "proxy");
    api.method(proxy, "GET");
    api.integration(proxy, "GET", r -> r.type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri(backend.url() + "/proxy"));
    api.deploy("test", Map.of(), server.pathStyle(api.id, "test", "/proxy"), "GET");

    ApiGatewayV2Client v2 = V2Clients.of(server);
    httpApiId = v2.createApi(r -> r.name("backend-headers-v2").protocolType(ProtocolType.HTTP)).apiId();
    String integration = v2.createIntegration(r -> r.apiId(httpApiId)
        .integrationType(software.amazon.awssdk.services.apigatewayv2.model.IntegrationType.HTTP_PROXY)
        .integrationMethod("GET").integrationUri(backend.url() + "/v2").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(httpApiId).routeKey("GET /v2").target("integrations/" + integration));
    v2.createStage(r -> r.apiId(httpApiId).stageName("$default").autoDeploy(true));
    Awaitility.await().until(() -> v2Proxy("").status() == 200);
  }

  /** A GET with an HTTP (non-proxy) integration whose default response passes the echo through. */
  private static void http(String name, Map<String, String> parameters, Map<String, String> templates) {
    String resource = api.resource(api.root, name);
    api.method(resource, "GET", "200");
    api.integration(resource, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url() + "/" + name).requestParameters(parameters).requestTemplates(templates));
    api.response(resource, "GET", "200", r -> r.selectionPattern(""));
  }

  private static JsonObject backendSaw(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonObject("headers");
  }

  private static HttpResponse<String> get(String path, String accept) throws Exception {
    return NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", path)).header("Accept", accept));
  }

  @Test
  void anHttpIntegrationAsksForJsonWhateverTheClientAcceptsAndSaysWhereTheRequestCameFrom() throws Exception {
    HttpResponse<String> response = get("/plain", "image/png");
    JsonObject headers = backendSaw(response);
    assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).hasValue(headers.getString("x-amzn-trace-id"));
    assertThat(headers.getString("accept")).isEqualTo("application/json");
    assertThat(headers.getString("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(headers.getString("x-forwarded-port")).isEqualTo(String.valueOf(server.port()));
    assertThat(headers.getString("x-forwarded-proto")).isEqualTo("http");
    assertThat(headers.getString("x-amzn-apigateway-api-id")).isEqualTo(api.id);
  }

  @Test
  void aMappedOrOverriddenAcceptIsSentInstead() throws Exception {
    assertThat(backendSaw(get("/accept-mapped", "image/png")).getString("accept")).isEqualTo("image/png");
    assertThat(backendSaw(get("/override-accept", "image/png")).getString("accept")).isEqualTo("text/csv");
  }

  @Test
  void aTemplateThatSetsAHeaderTheGatewayOwnsFailsTheRequestOthersAreSent() throws Exception {
    HttpResponse<String> refused = get("/override-length", "application/json");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    // Authorization is the HTTP backend's to receive (only Lambda and AWS service calls keep it to themselves).
    assertThat(backendSaw(get("/override-auth", "application/json")).getString("authorization")).isEqualTo("Bearer t");
  }

  @Test
  void httpProxyForwardsNoConnectionSpecificHeaderAndAppendsTheClientToXForwardedFor() throws Exception {
    RawHttp.Answer answer = raw("GET /restapis/" + api.id + "/test/_user_request_/proxy HTTP/1.1\r\nHost: 127.0.0.1:"
        + server.port() + "\r\n" + connectionSpecificHeaders());
    JsonObject headers = new JsonObject(answer.body()).getJsonObject("headers");
    assertThat(answer.header("X-Amzn-Trace-Id")).isEqualTo(headers.getString("x-amzn-trace-id"));
    assertConnectionSpecificHeadersDropped(headers);
    assertThat(headers.getString("x-forwarded-for")).isEqualTo("203.0.113.9, 127.0.0.1");
    assertThat(headers.getString("x-forwarded-port")).isEqualTo(String.valueOf(server.port()));
  }

  @Test
  void httpApiProxiesForwardNoConnectionSpecificHeaderEither() throws Exception {
    JsonObject headers = new JsonObject(v2Proxy(connectionSpecificHeaders()).body()).getJsonObject("headers");
    assertConnectionSpecificHeadersDropped(headers);
    assertThat(headers.getString("x-forwarded-for")).isEqualTo("203.0.113.9, 127.0.0.1");
    assertThat(headers.getString("x-forwarded-port")).isEqualTo(String.valueOf(server.port()));
    assertThat(headers.getString("x-forwarded-proto")).isEqualTo("http");
  }

  /** What an h2c-upgrading client (the JDK's, for one) sends, plus a header its Connection header names. */
  private static String connectionSpecificHeaders() {
    return "Connection: Upgrade, HTTP2-Settings, X-Hop\r\nUpgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA\r\n"
        + "X-Hop: for the next hop only\r\nX-Forwarded-For: 203.0.113.9\r\nX-Kept: yes\r\n\r\n";
  }

  private static void assertConnectionSpecificHeadersDropped(JsonObject headers) {
    assertThat(headers.fieldNames()).doesNotContain("http2-settings", "upgrade", "x-hop");
    assertThat(headers.getString("connection")).isNotEqualToIgnoringCase("Upgrade, HTTP2-Settings, X-Hop");
    assertThat(headers.getString("x-kept")).isEqualTo("yes");
  }

  private static RawHttp.Answer v2Proxy(String headers) throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      return client.send("GET /v2 HTTP/1.1\r\nHost: " + httpApiId + ".execute-api.localhost:" + server.port() + "\r\n"
          + (headers.isEmpty() ? "\r\n" : headers)).read();
    }
  }

  private static RawHttp.Answer raw(String request) throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send(request).read();
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      return answer;
    }
  }
}
