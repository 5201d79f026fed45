package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.SignedAwsService;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ContentHandlingStrategy;
import software.amazon.awssdk.services.apigatewayv2.model.CreateIntegrationRequest;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.PassthroughBehavior;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * WebSocket routes integrated with HTTP endpoints (HTTP_PROXY, HTTP), Lambda functions (AWS) and AWS
 * services (AWS), served to a real client against real backends: templates chosen by selection
 * expressions, parameter mappings, integration responses, content handling, timeouts.
 */
class WebSocketIntegrationsE2eTest {
  private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(1) static final SignedAwsService services = new SignedAwsService();
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer(s -> s.withEndpoints(
      new Endpoints(null, Map.of(), Map.of("sqs", URI.create(services.url()))).withLambda(URI.create(lambda.url()))));
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void setUp() {
    v2 = V2Clients.of(server);
    lambda.register("greet", inv -> {
      JsonObject in = inv.json();
      return Future.succeededFuture("nobody".equals(in.getString("name"))
          ? Reply.functionError("NotFound", "no such person: " + in.getString("name"))
          : Reply.ok(new JsonObject().put("greeting", "hello " + in.getString("name")).put("by", in.getString("connection"))));
    });
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  private static String api() {
    return v2.createApi(r -> r.name("ws").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action"))
        .apiId();
  }

  /** A two-way route {@code key} to a new integration. */
  private static String route(String api, String key, Consumer<CreateIntegrationRequest.Builder> integration) {
    String id = v2.createIntegration(r -> integration.accept(r.apiId(api))).integrationId();
    String route = v2.createRoute(r -> r.apiId(api).routeKey(key).target("integrations/" + id)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default"));
    return id;
  }

  private static void response(String api, String integration, String key, String template) {
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(integration).integrationResponseKey(key)
        .responseTemplates(template == null ? Map.of() : Map.of("$default", template)));
  }

  private static WebSocketClient deployAndConnect(String api) throws Exception {
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
    return WebSocketClient.open(uri(api));
  }

  private static URI uri(String api) {
    return WebSocketClient.uri(server, api, "prod");
  }

  @Test
  void httpProxySendsTheMessageWithItsMappedParametersAndRepliesWithTheBackendsBody() throws Exception {
    String api = api();
    route(api, "chat", r -> r.integrationType(IntegrationType.HTTP_PROXY).integrationMethod("PUT")
        .integrationUri(echo.url() + "/rooms/{room}")
        .requestParameters(Map.of("integration.request.path.room", "route.request.body.room",
            "integration.request.header.X-Connection", "context.connectionId",
            "integration.request.querystring.from", "'websocket'")));
    WebSocketClient client = deployAndConnect(api);

    JsonObject seen = new JsonObject(client.reply("{\"action\":\"chat\",\"room\":\"blue sky\"}"));
    assertThat(seen.getString("method")).isEqualTo("PUT");
    assertThat(seen.getString("path")).isEqualTo("/rooms/blue%20sky");
    assertThat(seen.getString("query")).isEqualTo("from=websocket");
    assertThat(seen.getString("body")).isEqualTo("{\"action\":\"chat\",\"room\":\"blue sky\"}");
    JsonObject headers = seen.getJsonObject("headers");
    assertThat(headers.getString("x-connection")).matches("[A-Za-z0-9_-]{15}=");
    assertThat(headers.getString("user-agent")).isEqualTo("AmazonAPIGateway_" + api);
    assertThat(headers.getString("sec-websocket-key")).as("nothing of the client's passes unmapped").isNull();
    client.close();
  }

  @Test
  void httpMapsTheMessageWithTheTemplateItsSelectionPicksAndTheAnswerWithTheMatchingIntegrationResponse() throws Exception {
    String api = api();
    String http = route(api, "join", r -> r.integrationType(IntegrationType.HTTP).integrationMethod("POST")
        .integrationUri(echo.url() + "/join").templateSelectionExpression("${request.body.kind}")
        .requestTemplates(Map.of("vip", "{\"vip\": $input.json('$.name'), \"conn\": \"$context.connectionId\"}",
            "$default", "{\"guest\": $input.json('$.name')}"))
        .requestParameters(Map.of("integration.request.querystring.status", "route.request.body.status")));
    response(api, http, "/2\\d\\d/", "{\"joined\": $input.path('$.body'), \"route\": \"$context.routeKey\"}");
    response(api, http, "/4\\d\\d/", "{\"refused\": true}");
    WebSocketClient client = deployAndConnect(api);

    JsonObject vip = new JsonObject(client.reply("{\"action\":\"join\",\"kind\":\"vip\",\"name\":\"ann\"}"));
    assertThat(vip.getJsonObject("joined").getString("vip")).isEqualTo("ann");
    assertThat(vip.getJsonObject("joined").getString("conn")).matches("[A-Za-z0-9_-]{15}=");
    assertThat(vip.getString("route")).isEqualTo("join");
    JsonObject guest = new JsonObject(client.reply("{\"action\":\"join\",\"name\":\"bob\"}"));
    assertThat(guest.getJsonObject("joined").getString("guest")).isEqualTo("bob");
    assertThat(new JsonObject(client.reply("{\"action\":\"join\",\"name\":\"eve\",\"status\":\"404\"}")).getBoolean("refused"))
        .isTrue();
    client.close();
  }

  @Test
  void aMessageNoTemplateMatchesIsRefusedWhenPassthroughIsNever() throws Exception {
    String api = api();
    String mock = route(api, "strict", r -> r.integrationType(IntegrationType.MOCK).passthroughBehavior(PassthroughBehavior.NEVER)
        .templateSelectionExpression("$request.body.kind").requestTemplates(Map.of("known", "{\"statusCode\": 200}")));
    response(api, mock, "$default", "{\"ok\": true}");
    WebSocketClient client = deployAndConnect(api);

    assertThat(client.reply("{\"action\":\"strict\",\"kind\":\"known\"}")).isEqualTo("{\"ok\": true}");
    assertThat(client.reply("{\"action\":\"strict\",\"kind\":\"other\"}")).startsWith("{\"message\": \"Unsupported Media Type\"");
    client.close();
  }

  @Test
  void awsCallsALambdaFunctionWithTheRenderedPayloadAndSelectsFunctionErrorsByTheirMessage() throws Exception {
    String api = api();
    String aws = route(api, "greet", r -> r.integrationType(IntegrationType.AWS).integrationMethod("POST")
        .integrationUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + FUNCTIONS + "greet/invocations")
        .requestTemplates(Map.of("$default", "{\"name\": $input.json('$.name'), \"connection\": \"$context.connectionId\"}")));
    response(api, aws, "$default", "{\"said\": \"$input.path('$.greeting')\"}");
    response(api, aws, "/no such person.*/", "{\"error\": \"$input.path('$.errorMessage')\"}");
    WebSocketClient client = deployAndConnect(api);

    assertThat(client.reply("{\"action\":\"greet\",\"name\":\"ann\"}")).isEqualTo("{\"said\": \"hello ann\"}");
    List<LambdaServer.Invocation> calls = lambda.invocations("greet");
    assertThat(calls.get(calls.size() - 1).json().getString("connection")).matches("[A-Za-z0-9_-]{15}=");
    assertThat(client.reply("{\"action\":\"greet\",\"name\":\"nobody\"}")).isEqualTo("{\"error\": \"no such person: nobody\"}");
    assertThat(lambda.rejectedSignatures()).isEmpty();
    client.close();
  }

  @Test
  void awsCallsAnAwsServiceActionSigned() throws Exception {
    String api = api();
    String sqs = route(api, "$default", r -> r.integrationType(IntegrationType.AWS).integrationMethod("POST")
        .integrationUri("arn:aws:apigateway:us-east-1:sqs:path/000000000000/chat-queue")
        .requestParameters(Map.of("integration.request.header.Content-Type", "'application/x-www-form-urlencoded'"))
        .requestTemplates(Map.of("$default", "Action=SendMessage&MessageBody=$util.urlEncode($input.body)")));
    response(api, sqs, "$default", null);
    WebSocketClient client = deployAndConnect(api);

    JsonObject answer = new JsonObject(client.reply("hello queue"));
    assertThat(answer.getString("scope")).endsWith("/us-east-1/sqs");
    assertThat(answer.getString("path")).isEqualTo("/000000000000/chat-queue");
    assertThat(answer.getString("contentType")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(answer.getString("body")).isEqualTo("Action=SendMessage&MessageBody=hello+queue");
    assertThat(services.rejectedSignatures()).isEmpty();
    client.close();
  }

  @Test
  void connectWithAnHttpIntegrationIsDecidedByTheBackendsStatus() throws Exception {
    String api = api();
    String connect = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY).integrationMethod("GET")
        .integrationUri(echo.url() + "/status/{status}")
        .requestParameters(Map.of("integration.request.path.status", "route.request.querystring.status"))).integrationId();
    v2.createRoute(r -> r.apiId(api).routeKey("$connect").target("integrations/" + connect));
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));

    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(URI.create(uri(api) + "?status=401")))).isEqualTo(401);
    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(URI.create(uri(api) + "?status=204")))).isEqualTo(101);
  }

  @Test
  void contentHandlingConvertsBase64MessagesToBytesAndAnswersToBase64() throws Exception {
    String api = api();
    route(api, "$default", r -> r.integrationType(IntegrationType.HTTP_PROXY).integrationMethod("POST")
        .integrationUri(echo.url() + "/bytes").contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_BINARY));
    String text = route(api, "zeros", r -> r.integrationType(IntegrationType.HTTP).integrationMethod("POST")
        .integrationUri(echo.url() + "/big/3"));
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(text).integrationResponseKey("$default")
        .contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_TEXT));
    WebSocketClient client = deployAndConnect(api);

    String hello = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
    assertThat(new JsonObject(client.reply(hello)).getString("body")).isEqualTo("hello");
    assertThat(client.reply("{\"action\":\"zeros\"}")).isEqualTo("AAAA");
    assertThat(client.reply("not base64!")).startsWith("{\"message\": \"Internal server error\"");
    client.close();
  }

  @Test
  void aBackendThatDoesNotAnswerInTimeGetsTheTimeoutErrorFrame() throws Exception {
    String api = api();
    route(api, "slow", r -> r.integrationType(IntegrationType.HTTP_PROXY).integrationMethod("GET")
        .integrationUri(echo.url() + "/slow/5000").timeoutInMillis(200));
    WebSocketClient client = deployAndConnect(api);
    assertThat(client.reply("{\"action\":\"slow\"}")).startsWith("{\"message\": \"Endpoint request timed out\"");
    client.close();
  }
}
