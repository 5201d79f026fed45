package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** HTTP (non-proxy) integrations: only mapped parts reach the backend; integration responses shape the answer. */
class HttpIntegrationTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  static NonProxyApi api;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "http-non-proxy");
    String things = api.resource(api.root, "things");
    String thing = api.resource(things, "{id}");
    api.method(thing, "GET", "200");
    api.integration(thing, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url() + "/${stageVariables.base}/{id}?fixed=1")
        .requestParameters(Map.of(
            "integration.request.path.id", "method.request.path.id",
            "integration.request.querystring.q", "method.request.querystring.q",
            "integration.request.header.X-Mapped", "method.request.header.X-In")));
    api.response(thing, "GET", "200", r -> r.selectionPattern("")
        .responseParameters(Map.of("method.response.header.X-From-Backend", "integration.response.header.X-Backend"))
        .responseTemplates(Map.of("application/json", "#set($e = $input.path('$'))"
            + "{\"path\":\"$e.path\",\"query\":\"$e.query\",\"ua\":\"$e.headers.get('user-agent')\","
            + "\"mapped\":\"$e.headers.get('x-mapped')\",\"client\":\"$!e.headers.get('x-client')\"}")));

    String submit = api.resource(api.root, "submit");
    api.method(submit, "POST", "200");
    api.integration(submit, "POST", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("PUT")
        .uri(backend.url() + "/submit").passthroughBehavior("NEVER")
        .requestTemplates(Map.of("application/json", "{\"name\":\"$input.path('$.name')\",\"stage\":\"$context.stage\"}")));
    api.response(submit, "POST", "200", r -> r.selectionPattern(""));

    String teapot = api.resource(api.root, "teapot");
    api.method(teapot, "GET", "200", "502");
    api.integration(teapot, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET")
        .uri(backend.url() + "/status/{code}")
        .requestParameters(Map.of("integration.request.path.code", "method.request.querystring.code")));
    api.response(teapot, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json", "{\"default\":true}")));
    api.response(teapot, "GET", "502", r -> r.selectionPattern("5\\d\\d").responseTemplates(Map.of("application/json",
        "{\"backendStatus\":\"$input.path('$.path')\"}")));

    String strict = api.resource(api.root, "strict");
    api.method(strict, "GET", "200");
    api.integration(strict, "GET", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("GET").uri(backend.url() + "/status/404"));
    api.response(strict, "GET", "200", r -> r.selectionPattern("2\\d\\d"));

    api.deploy("test", Map.of("base", "catalog"), server.pathStyle(api.id, "test", "/strict"), "GET");
  }

  @Test
  void onlyMappedPartsOfTheRequestReachTheBackendWithAwsUserAgent() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/things/7?q=hi&other=no"))
        .header("X-In", "mapped value").header("X-Client", "not forwarded"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("path")).isEqualTo("/catalog/7");
    assertThat(body.getString("query")).isEqualTo("fixed=1&q=hi");
    assertThat(body.getString("ua")).isEqualTo("AmazonAPIGateway_" + api.id);
    assertThat(body.getString("mapped")).isEqualTo("mapped value");
    assertThat(body.getString("client")).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("X-From-Backend")).hasValue("yes");
    // None of the backend's own headers come back unmapped.
    assertThat(response.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("server") || h.startsWith("x-amzn-Remapped"));
  }

  @Test
  void theRequestTemplateIsTheBodyAndNeverRefusesOtherTypes() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/submit"))
        .header("Content-Type", "application/json").header("X-Client", "no")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\",\"extra\":1}")));
    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject echo = new JsonObject(response.body());
    assertThat(echo.getString("method")).isEqualTo("PUT");
    assertThat(new JsonObject(echo.getString("body")).getMap()).isEqualTo(Map.of("name", "Ada", "stage", "test"));
    assertThat(echo.getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
    assertThat(echo.getJsonObject("headers").containsKey("x-client")).isFalse();

    HttpResponse<String> refused = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/submit"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=Ada")));
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Unsupported Media Type\"}");
    assertThat(refused.headers().firstValue("x-amzn-ErrorType")).hasValue("UnsupportedMediaTypeException");
  }

  @Test
  void integrationResponsesAreSelectedByTheBackendStatus() throws Exception {
    HttpResponse<String> unmatched = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/teapot?code=400")));
    // AWS: an unmatched backend 400 maps to the default (200) response.
    assertThat(unmatched.statusCode()).isEqualTo(200);
    assertThat(unmatched.body()).isEqualTo("{\"default\":true}");

    HttpResponse<String> failed = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/teapot?code=503")));
    assertThat(failed.statusCode()).isEqualTo(502);
    assertThat(failed.body()).isEqualTo("{\"backendStatus\":\"/status/503\"}");
  }

  @Test
  void noMatchingIntegrationResponseIsA500() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "test", "/strict")));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }
}
