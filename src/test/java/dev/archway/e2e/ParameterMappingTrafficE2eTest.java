package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** Request and response parameter mappings from every source AWS offers, and request overrides. */
class ParameterMappingTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  static NonProxyApi api;
  static String mapped;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "mappings");
    mapped = api.resource(api.root, "mapped");
    api.method(mapped, "POST", "200");
    api.integration(mapped, "POST", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("POST").uri(backend.url() + "/m")
        .requestParameters(Map.of(
            "integration.request.header.X-Request-Id", "context.requestId",
            "integration.request.header.X-Source-Ip", "context.identity.sourceIp",
            "integration.request.header.X-Account", "context.accountId",
            "integration.request.header.X-Color", "stageVariables.color",
            "integration.request.header.X-Static", "'static value'",
            "integration.request.header.X-Name", "method.request.body.pet.name",
            "integration.request.header.X-Multi", "method.request.multivalueheader.X-M",
            "integration.request.querystring.tag", "method.request.multivaluequerystring.tag",
            "integration.request.querystring.whole", "method.request.body")));
    api.response(mapped, "POST", "200", r -> r.selectionPattern("").responseParameters(Map.of(
        "method.response.header.X-Echo-Path", "integration.response.body.path",
        "method.response.header.X-Echo-Method", "integration.response.body.method",
        "method.response.header.X-Backend", "integration.response.multivalueheader.X-Backend",
        "method.response.header.X-Literal", "'fixed'",
        "method.response.header.X-Stage-Color", "stageVariables.color",
        "method.response.header.X-Request", "context.requestId")));

    String overridden = api.resource(api.root, "over");
    String item = api.resource(overridden, "{id}");
    api.method(item, "POST", "200");
    api.integration(item, "POST", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("POST").uri(backend.url() + "/items/{id}")
        .requestParameters(Map.of("integration.request.path.id", "method.request.path.id",
            "integration.request.header.X-Over", "'mapped'"))
        .requestTemplates(Map.of("application/json", "#set($context.requestOverride.querystring.extra = 'q1')"
            + "#set($context.requestOverride.header.X-Over = 'from-template')"
            + "#set($context.requestOverride.path.id = 'other')$input.body")));
    api.response(item, "POST", "200", r -> r.selectionPattern(""));

    api.deploy("live", Map.of("color", "green"), server.pathStyle(api.id, "live", "/mapped"), "POST");
  }

  @Test
  void requestMappingsReadContextStageVariablesMultiValuesAndTheBody() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "live", "/mapped?tag=a&tag=b"))
        .header("Content-Type", "application/json").header("X-M", "one").header("X-M", "two")
        .POST(HttpRequest.BodyPublishers.ofString("{\"pet\":{\"name\":\"Rex\"}}")));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject echo = new JsonObject(response.body());
    JsonObject headers = echo.getJsonObject("headers");
    String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
    assertThat(headers.getString("x-request-id")).isEqualTo(requestId);
    assertThat(headers.getString("x-source-ip")).isEqualTo("127.0.0.1");
    assertThat(headers.getString("x-account")).matches("\\d{12}");
    assertThat(headers.getString("x-color")).isEqualTo("green");
    assertThat(headers.getString("x-static")).isEqualTo("static value");
    assertThat(headers.getString("x-name")).isEqualTo("Rex");
    assertThat(headers.getString("x-multi")).isEqualTo("one,two");
    assertThat(echo.getString("query")).contains("tag=a&tag=b")
        .contains("whole=%7B%22pet%22%3A%7B%22name%22%3A%22Rex%22%7D%7D");

    assertThat(response.headers().firstValue("X-Echo-Path")).hasValue("/m");
    assertThat(response.headers().firstValue("X-Echo-Method")).hasValue("POST");
    assertThat(response.headers().firstValue("X-Backend")).hasValue("yes");
    assertThat(response.headers().firstValue("X-Literal")).hasValue("fixed");
    assertThat(response.headers().firstValue("X-Stage-Color")).hasValue("green");
    assertThat(response.headers().firstValue("X-Request")).hasValue(requestId);
  }

  @Test
  void requestOverridesFromTheTemplateWinOverMappings() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "live", "/over/7"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")));
    JsonObject echo = new JsonObject(response.body());
    assertThat(echo.getString("path")).isEqualTo("/items/other");
    assertThat(echo.getString("query")).isEqualTo("extra=q1");
    assertThat(echo.getJsonObject("headers").getString("x-over")).isEqualTo("from-template");
    assertThat(echo.getString("body")).isEqualTo("{\"a\":1}");
  }

  @Test
  void badMappingExpressionsAreRefusedWhenPutNamingThem() {
    String other = api.resource(api.root, "bad");
    api.method(other, "GET", "200");
    assertThatThrownBy(() -> api.integration(other, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url()).requestParameters(Map.of("integration.request.header.X", "method.request.cookie.x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("method.request.cookie.x");
    assertThatThrownBy(() -> api.integration(other, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url()).requestParameters(Map.of("integration.request.header.X", "method.request.body.a[?(@.b =~ /x+/)]"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("regular-expression filter");
    assertThatThrownBy(() -> api.integration(other, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url()).requestParameters(Map.of("integration.request.cookie.x", "'v'"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("integration.request.cookie.x");

    api.integration(other, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET").uri(backend.url()));
    assertThatThrownBy(() -> api.response(other, "GET", "200", r -> r.responseParameters(
        Map.of("method.response.header.X", "integration.response.body.a[[["))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("a[[[");
    assertThatThrownBy(() -> api.response(other, "GET", "200", r -> r.responseParameters(
        Map.of("method.response.header.X", "method.request.header.y"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("method.request.header.y");
  }
}
