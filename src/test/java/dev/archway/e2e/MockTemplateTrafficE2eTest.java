package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** MOCK integrations whose request and response templates are VTL, with $context and overrides as AWS records them. */
class MockTemplateTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  static NonProxyApi api;
  static String pets;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "mock-vtl");
    pets = api.resource(api.root, "pets");
    String pet = api.resource(pets, "{id}");
    api.method(pet, "GET", "200", "418");
    api.integration(pet, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json",
        "#if($input.params('kind') == 'teapot'){\"statusCode\": 418}#else{\"statusCode\": 200}#end")));
    api.response(pet, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json",
        "{\"id\":\"$input.params('id')\",\"stage\":\"$context.stage\",\"resourcePath\":\"$context.resourcePath\","
            + "\"resourceId\":\"$context.resourceId\",\"path\":\"$context.path\",\"apiId\":\"$context.apiId\","
            + "\"httpMethod\":\"$context.httpMethod\",\"accountId\":\"$context.accountId\",\"protocol\":\"$context.protocol\","
            + "\"requestId\":\"$context.requestId\",\"extendedRequestId\":\"$context.extendedRequestId\","
            + "\"domainName\":\"$context.domainName\",\"sourceIp\":\"$context.identity.sourceIp\","
            + "\"userAgent\":\"$context.identity.userAgent\",\"epoch\":$context.requestTimeEpoch,"
            + "\"time\":\"$context.requestTime\",\"stageVariable\":\"$stageVariables.color\"}")));
    api.response(pet, "GET", "418", r -> r.selectionPattern("418").responseTemplates(Map.of("application/json", "{\"short\":\"stout\"}")));

    String override = api.resource(api.root, "override");
    api.method(override, "GET", "200");
    api.integration(override, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json",
        "#set($context.responseOverride.status = 444)#set($context.responseOverride.header.X-Over = 'yes')"
            + "#set($context.requestOverride.header.X-Req = 'r1'){\"statusCode\": 200}")));
    api.response(override, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json",
        "{\"requestOverride\":\"$context.requestOverride.header.X-Req\"}")));

    // Keys of their own on both override maps, and the known echo-the-body idiom through requestOverride.path.
    String custom = api.resource(api.root, "custom");
    api.method(custom, "POST", "200");
    api.integration(custom, "POST", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json",
        "#set($context.responseOverride.flag = 'kept')#set($context.requestOverride.note = {'n': 1})"
            + "#set($context.requestOverride.path.body = $input.body){\"statusCode\": 200}")));
    api.response(custom, "POST", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json",
        "{\"flag\":\"$context.responseOverride.flag\",\"note\":$context.requestOverride.note.n,"
            + "\"body\":$context.requestOverride.path.body,\"status\":\"$!context.responseOverride.status\"}")));

    String invalid = api.resource(api.root, "invalid");
    api.method(invalid, "GET", "200");
    api.integration(invalid, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "not json at all")));
    api.response(invalid, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json", "{\"never\":1}")));

    api.deploy("v1", Map.of("color", "blue"), server.pathStyle(api.id, "v1", "/invalid"), "GET");
  }

  @Test
  void theRequestTemplateDecidesTheStatusAndTheResponseTemplateSeesContext() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "v1", "/pets/42"))
        .header("User-Agent", "e2e-agent"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amzn-Trace-Id")).isEmpty(); // AWS's MOCK answers carry none
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("id")).isEqualTo("42");
    assertThat(body.getString("stage")).isEqualTo("v1");
    assertThat(body.getString("resourcePath")).isEqualTo("/pets/{id}");
    assertThat(body.getString("resourceId")).isEqualTo(Fixtures.resourceId(api.aws, api.id, "/pets/{id}"));
    assertThat(body.getString("path")).isEqualTo("/v1/pets/42");
    assertThat(body.getString("apiId")).isEqualTo(api.id);
    assertThat(body.getString("httpMethod")).isEqualTo("GET");
    assertThat(body.getString("accountId")).matches("\\d{12}");
    assertThat(body.getString("protocol")).isEqualTo("HTTP/1.1");
    assertThat(body.getString("requestId")).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(body.getString("extendedRequestId")).isNotEmpty();
    // "the same as the incoming Host header" (AWS): with the port the client named, as Lambda events see it
    assertThat(body.getString("domainName")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(body.getString("sourceIp")).isEqualTo("127.0.0.1");
    assertThat(body.getString("userAgent")).isEqualTo("e2e-agent");
    assertThat(body.getLong("epoch")).isGreaterThan(1_600_000_000_000L);
    assertThat(body.getString("time")).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(body.getString("stageVariable")).isEqualTo("blue");

    HttpResponse<String> teapot = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "v1", "/pets/1?kind=teapot")));
    assertThat(teapot.statusCode()).isEqualTo(418);
    assertThat(teapot.body()).isEqualTo("{\"short\":\"stout\"}");
  }

  @Test
  void responseOverridesFromTheRequestTemplateApplyEvenToAnUndeclaredStatus() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "v1", "/override")));
    assertThat(response.statusCode()).isEqualTo(444);
    assertThat(response.headers().firstValue("X-Over")).hasValue("yes");
    assertThat(response.body()).isEqualTo("{\"requestOverride\":\"r1\"}");
  }

  @Test
  void keysOfTheirOwnOnTheOverridesReachTheResponseTemplate() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "v1", "/custom"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":[1,2]}")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject()
        .put("flag", "kept").put("note", 1).put("body", new JsonObject().put("a", new io.vertx.core.json.JsonArray().add(1).add(2)))
        .put("status", ""));
  }

  @Test
  void aRequestTemplateThatIsNotJsonGives200WithAnEmptyBody() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "v1", "/invalid")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }
}
