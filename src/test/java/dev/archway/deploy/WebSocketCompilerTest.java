package dev.archway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.model.Json;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.model.v2.Model;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.RouteResponse;
import dev.archway.model.v2.Stage;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.LocalBuckets;
import dev.archway.websocket.WebSocketIntegration;
import dev.archway.websocket.WebSocketRoute;
import dev.archway.websocket.WebSocketStage;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A deployed WebSocket API compiled into its immutable stage snapshot. */
class WebSocketCompilerTest {
  private static final String LAMBDA = "arn:aws:lambda:eu-west-1:123456789012:function:chat";
  private static Vertx vertx;
  private static WebSocketCompiler compiler;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    HttpProxyIntegration http = HttpProxyIntegration.create(vertx);
    compiler = new WebSocketCompiler(http, AwsIntegrations.unconfigured(http),
        new HttpApiThrottles(new LiveAccess(), new LocalBuckets(() -> 0L)), new LiveAccess());
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpApi api(String selection) {
    return new HttpApi(null, null, "ws1", "$request.header.x-api-key", null, null, "chat", null, false, "ipv4", "chat",
        HttpApi.WEBSOCKET, selection, Map.of(), null, null);
  }

  private static Route route(String id, String key, String target, String auth, String authorizer, String responseSelection,
      Map<String, String> models) {
    return new Route(null, false, null, auth, authorizer, models == null ? null : "$request.body.kind", null,
        models, null, id, key, responseSelection, target);
  }

  private static Integration integration(String id, String type, String uri, Map<String, String> templates) {
    return new Integration(null, null, "INTERNET", null, null, null, id, type.startsWith("HTTP") ? "POST" : null,
        type.equals("MOCK") ? "${integration.response.statuscode}" : null, null, type, uri, "WHEN_NO_MATCH", "1.0",
        null, templates, null, templates == null ? null : "${request.body.action}", 29000, null);
  }

  private static Stage stage() {
    return new Stage(null, null, false, null, null, new RouteSettings(false, false, null, 10, 5.0), "d1", null, null, null,
        Map.of("echo", new RouteSettings(false, false, null, 2, 1.0)), "prod", Map.of("v", "1"), Map.of());
  }

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  private static DeployedHttpApi deployment(String selection, List<Model> models) {
    Authorizer authorizer = new Authorizer(null, "au1", null, 300, "REQUEST",
        "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/" + LAMBDA + "/invocations", null,
        List.of("route.request.querystring.token"), null, null, "auth");
    return new DeployedHttpApi("d1", api(selection),
        List.of(route("r1", "$connect", "integrations/i1", "CUSTOM", "au1", null, null),
            route("r2", "echo", "integrations/i2", "NONE", null, "$default", null),
            route("r3", "$default", "integrations/i3", "NONE", null, null, null),
            route("r4", "$disconnect", null, "NONE", null, null, null)),
        List.of(integration("i1", "AWS_PROXY", LAMBDA, null),
            integration("i2", "MOCK", null, Map.of("$default", "{\"statusCode\": 200}", "join", "{\"statusCode\": 404}")),
            integration("i3", "MOCK", null, Map.of("$default", "{\"statusCode\": 200}"))),
        List.of(authorizer),
        Map.of("r2", List.of(new RouteResponse(null, null, null, "rr1", "$default"))),
        Map.of("i2", List.of(new IntegrationResponse(null, "ir1", "$default", null, Map.of("$default", "{\"ok\": true}"), null),
            new IntegrationResponse(null, "ir2", "/4\\d\\d/", null, Map.of(), null))),
        models);
  }

  private static final Model MESSAGE = new Model("application/json", null, "m1", "Message",
      "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"required\":[\"action\"]}");

  @Test
  void routesAreSelectedByKeyWithDefaultAsCatchAll() throws Exception {
    WebSocketStage stage = compiler.compile("ws1", "123456789012:eu-west-1", stage(), deployment("$request.body.action", List.of(MESSAGE)));

    assertThat(stage.select(json("{\"action\":\"echo\"}")).routeKey()).isEqualTo("echo");
    assertThat(stage.select(json("{\"action\":\"other\"}")).routeKey()).isEqualTo("$default");
    assertThat(stage.select(null).routeKey()).isEqualTo("$default");
    assertThat(stage.select(json("{\"action\":\"$connect\"}")).routeKey()).isEqualTo("$default");
    assertThat(stage.disconnect().integration()).isNull();
    assertThat(stage.variables()).containsEntry("v", "1");
    assertThat(stage).hasToString("websocket stage ws1/prod (deployment d1, 4 routes, selection $request.body.action)");
  }

  @Test
  void connectCarriesItsAuthorizerAndApiKeyRequirement() {
    WebSocketRoute connect = compiler.compile("ws1", "123456789012:eu-west-1", stage(),
        deployment("$request.body.action", List.of(MESSAGE))).connect();

    assertThat(connect.apiKeyRequired()).isFalse();
    assertThat(connect.authorizer().methodArn()).isEqualTo("arn:aws:execute-api:eu-west-1:123456789012:ws1/prod/$connect");
    assertThat(connect.authorizer().identitySources()).containsExactly("route.request.querystring.token");
    assertThat(connect.authorizer().ttl().toSeconds()).isEqualTo(300);
    assertThat(connect.integration().isProxy()).isTrue();
  }

  @Test
  void twoWayRoutesTemplatesModelsAndIntegrationResponsesAreCompiled() throws Exception {
    WebSocketStage stage = compiler.compile("ws1", null, stage(), deployment("$request.body.action", List.of(MESSAGE)));
    WebSocketRoute echo = stage.routes().get("echo");
    WebSocketIntegration mock = echo.integration();

    assertThat(echo.twoWay()).isTrue();
    assertThat(stage.routes().get("$default").twoWay()).isFalse();
    assertThat(mock.requestTemplates()).containsKeys("$default", "join");
    assertThat(mock.templateSelection().evaluate(json("{\"action\":\"join\"}"))).isEqualTo("join");
    assertThat(mock.response("200").key()).isEqualTo("$default");
    assertThat(mock.response("404").key()).isEqualTo("/4\\d\\d/");
    assertThat(echo.throttle()).hasToString("throttle(TokenBucket(rate=1.0/s, burst=2), then account)");
    assertThat(stage.buckets()).contains("route/ws1/prod/echo", "route/ws1/prod/$default");
  }

  @Test
  void httpAndAwsIntegrationsIamAndApiKeysCompile() {
    DeployedHttpApi d = deployment("$request.body.action", List.of(MESSAGE));
    Integration http = new Integration(null, null, "INTERNET", "CONVERT_TO_BINARY", null, null, "i4", "PUT", null, null,
        "HTTP", "https://backend.example/rooms/{room}", "NEVER", "1.0",
        Map.of("integration.request.path.room", "route.request.body.room", "integration.request.header.X-Id", "context.connectionId"),
        null, null, null, 5000, null);
    Integration sqs = new Integration(null, null, "INTERNET", null, null, null, "i5", "POST", null, null, "AWS",
        "arn:aws:apigateway:eu-west-1:sqs:action/SendMessage", "WHEN_NO_MATCH", "1.0", null, null, null, null, null, null);
    List<Integration> integrations = new java.util.ArrayList<>(d.integrations());
    integrations.addAll(List.of(http, sqs));
    List<Route> routes = new java.util.ArrayList<>(d.routes().subList(1, d.routes().size()));
    routes.add(new Route(null, true, null, "AWS_IAM", null, null, null, null, null, "r1", "$connect", null, "integrations/i4"));
    routes.add(new Route(null, true, null, "NONE", null, null, null, null, null, "r7", "queue", null, "integrations/i5"));
    WebSocketStage stage = compiler.compile("ws1", null, stage(), new DeployedHttpApi(d.deploymentId(), d.api(), routes,
        integrations, d.authorizers(), d.routeResponses(), d.integrationResponses(), d.models()));

    WebSocketRoute connect = stage.connect();
    assertThat(connect.iam()).isNotNull();
    assertThat(connect.apiKeyRequired()).isTrue();
    assertThat(connect.integration()).hasToString("HTTP PUT https://backend.example/rooms/{room} path=[room] header=[X-Id]");
    assertThat(connect.integration().contentHandling()).isEqualTo("CONVERT_TO_BINARY");
    assertThat(connect.integration().timeoutMillis()).isEqualTo(5000);
    WebSocketIntegration queue = stage.routes().get("queue").integration();
    assertThat(queue.service().unavailable()).contains("no endpoint for AWS service sqs");
    assertThat(queue).hasToString("AWS sqs SendMessage in eu-west-1");
    assertThat(stage.apiKeys().stageKey()).isEqualTo("ws1/prod");
  }

  @Test
  void requestModelsCompileAndWhatCannotBeServedFailsTheStageNamingTheRoute() {
    DeployedHttpApi d = deployment("$request.body.action", List.of(MESSAGE));
    List<Route> routes = new java.util.ArrayList<>(d.routes());
    routes.add(route("r5", "validated", "integrations/i2", "NONE", null, null, Map.of("$default", "Message")));
    WebSocketStage stage = compiler.compile("ws1", null, stage(), new DeployedHttpApi(d.deploymentId(), d.api(), routes,
        d.integrations(), d.authorizers(), d.routeResponses(), d.integrationResponses(), d.models()));
    assertThat(stage.routes().get("validated").models()).hasToString("models [$default] by $request.body.kind");

    routes.add(new Route(null, false, null, "NONE", null, null, null, null,
        Map.of("route.request.querystring.room", new Route.ParameterConstraints(true)), "r6", "join", null, null));
    DeployedHttpApi required = new DeployedHttpApi(d.deploymentId(), d.api(), routes, d.integrations(), d.authorizers(),
        d.routeResponses(), d.integrationResponses(), d.models());
    assertThatThrownBy(() -> compiler.compile("ws1", null, stage(), required))
        .isInstanceOf(CompileException.class).hasMessageContaining("route join")
        .hasMessageContaining("only the $connect route can require them");
    assertThatThrownBy(() -> compiler.compile("ws1", null, stage(), deployment("$request.body[*]", List.of(MESSAGE))))
        .isInstanceOf(CompileException.class).hasMessageContaining("routeSelectionExpression");
  }
}
