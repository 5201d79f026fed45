package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.V2Clients;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** HTTP_PROXY integrations of HTTP APIs with request and response parameter mappings, against a real backend. */
class HttpApiProxyE2eTest {
  @RegisterExtension static final EchoBackend echo = new EchoBackend();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static HostStyleClient client;
  static String apiId;

  @BeforeAll
  static void buildApi() {
    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("proxy").protocolType(ProtocolType.HTTP)).apiId();
    String mapped = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("ANY").integrationUri(echo.url() + "/items/{id}?fixed=1").payloadFormatVersion("1.0")
        .requestParameters(Map.of(
            "overwrite:header.x-tenant", "tenant-$request.querystring.tenant",
            "append:header.x-trace", "$context.requestId",
            "remove:header.x-secret", "''",
            "append:querystring.stage", "$context.stage",
            "overwrite:querystring.tenant", "t-${request.header.x-who}",
            "remove:querystring.drop", "''"))
        .responseParameters(Map.of(
            "200", Map.of("append:header.x-mapped", "$response.header.X-Backend", "remove:header.X-Backend", "''",
                "overwrite:header.x-from-body", "$response.body.method"),
            "404", Map.of("overwrite:statuscode", "410", "overwrite:header.x-was", "not found")))).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /items/{id}").target("integrations/" + mapped));
    String rewritten = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("POST").integrationUri(echo.url() + "/ignored").payloadFormatVersion("1.0")
        .requestParameters(Map.of("overwrite:path", "/status/$request.path.code"))).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("PUT /codes/{code}").target("integrations/" + rewritten));
    String dead = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("GET").integrationUri("http://127.0.0.1:1/nothing").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /dead").target("integrations/" + dead));
    String slow = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("GET").integrationUri(echo.url() + "/slow/2000").timeoutInMillis(200).payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /slow").target("integrations/" + slow));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
  }

  @AfterAll
  static void closeClient() throws Exception {
    client.close();
  }

  @Test
  void requestMappingsOverwriteAppendAndRemoveHeadersAndQuery() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("x-who", "alice").add("x-secret", "s3cr3t")
        .add("x-trace", "client");
    Response response = client.send("GET", apiId, "/items/42?tenant=acme&drop=me&keep=yes", headers, null);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonObject echoed = new JsonObject(response.body());
    assertThat(echoed.getString("method")).isEqualTo("GET");
    assertThat(echoed.getString("path")).isEqualTo("/items/42");
    assertThat(echoed.getString("query")).isEqualTo("fixed=1&keep=yes&tenant=t-alice&stage=%24default");
    JsonObject seen = echoed.getJsonObject("headers");
    assertThat(seen.getString("x-tenant")).isEqualTo("tenant-acme");
    // The echo keeps the last value of a repeated header: the request id appended after the client's.
    assertThat(seen.getString("x-trace")).isEqualTo(response.header("apigw-requestid"));
    assertThat(seen.containsKey("x-secret")).isFalse();
    assertThat(seen.getString("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(seen.getString("host")).isEqualTo("127.0.0.1:" + echo.port());
  }

  @Test
  void responseMappingsApplyByTheIntegrationStatus() {
    Response ok = client.get(apiId, "/items/1");
    assertThat(ok.header("x-mapped")).isEqualTo("yes");
    assertThat(ok.header("X-Backend")).isNull();
    assertThat(ok.header("x-from-body")).isEqualTo("GET");
    assertThat(ok.header("x-was")).isNull();

    Response missing = client.get(apiId, "/items/1?status=404");
    assertThat(missing.status()).isEqualTo(410);
    assertThat(missing.header("x-was")).isEqualTo("not found");
    assertThat(missing.header("x-mapped")).isNull();
    assertThat(missing.header("X-Backend")).isEqualTo("yes");
  }

  @Test
  void overwritePathReplacesTheIntegrationPathAndTheStatusPassesThrough() {
    Response response = client.send("PUT", apiId, "/codes/418", Map.of("Content-Type", "text/plain"), "tea");
    assertThat(response.status()).isEqualTo(418);
    JsonObject echoed = new JsonObject(response.body());
    assertThat(echoed.getString("method")).isEqualTo("POST");
    assertThat(echoed.getString("path")).isEqualTo("/status/418");
    assertThat(echoed.getString("body")).isEqualTo("tea");
  }

  @Test
  void backendFailuresAreHttpApiErrors() {
    Response dead = client.get(apiId, "/dead");
    assertThat(dead.status()).isEqualTo(500);
    assertThat(dead.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    Response slow = client.get(apiId, "/slow");
    assertThat(slow.status()).isEqualTo(503);
    assertThat(slow.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
    assertThat(slow.header("apigw-requestid")).isNotBlank();
  }
}
