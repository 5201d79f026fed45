package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** WebSocket APIs served to a real client: $connect, routing by action, two-way routes, @connections, limits. */
class WebSocketTrafficE2eTest {
  private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void setUp() {
    v2 = V2Clients.of(server);
    lambda.register("connect", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200))));
    lambda.register("refuse", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 403))));
    lambda.register("disconnect", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200))));
    lambda.register("chat", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200)
        .put("body", "chat got " + inv.json().getString("body")))));
    lambda.register("auth", inv -> {
      String token = inv.json().getJsonObject("queryStringParameters").getString("token");
      String effect = "good".equals(token) ? "Allow" : "Deny";
      return Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "user-1")
          .put("context", new JsonObject().put("tier", "gold"))
          .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray()
              .add(new JsonObject().put("Action", "execute-api:Invoke").put("Effect", effect)
                  .put("Resource", inv.json().getString("methodArn")))))));
    });
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  private static String integration(String api, String function) {
    return "integrations/" + v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY)
        .integrationUri(FUNCTIONS + function)).integrationId();
  }

  /** An API whose {@code $connect} calls {@code connect}, with a two-way Lambda route and a two-way MOCK {@code $default}. */
  private static String chatApi(String connectFunction) {
    String api = v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action")).apiId();
    String connect = integration(api, connectFunction);
    v2.createRoute(r -> r.apiId(api).routeKey("$connect").target(connect));
    String disconnect = integration(api, "disconnect");
    v2.createRoute(r -> r.apiId(api).routeKey("$disconnect").target(disconnect));
    String chat = integration(api, "chat");
    String send = v2.createRoute(r -> r.apiId(api).routeKey("send").target(chat).routeResponseSelectionExpression("$default"))
        .routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(send).routeResponseKey("$default"));
    String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
        .responseTemplates(Map.of("$default", "{\"route\": \"$context.routeKey\", \"id\": \"$context.connectionId\"}")));
    String fallback = v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(fallback).routeResponseKey("$default"));
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
    return api;
  }

  private static URI uri(String api) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + api + "/prod/_user_request_/");
  }

  private static String lastConnectionId(String function) {
    List<LambdaServer.Invocation> calls = lambda.invocations(function);
    return calls.get(calls.size() - 1).json().getJsonObject("requestContext").getString("connectionId");
  }

  @Test
  void connectRoutesByActionAndRepliesOnTwoWayRoutes() throws Exception {
    String api = chatApi("connect");
    WebSocketClient client = WebSocketClient.open(uri(api));
    JsonObject connect = lambda.invocations("connect").get(lambda.invocations("connect").size() - 1).json();
    JsonObject context = connect.getJsonObject("requestContext");
    assertThat(context.getString("routeKey")).isEqualTo("$connect");
    assertThat(context.getString("eventType")).isEqualTo("CONNECT");
    assertThat(context.getString("messageDirection")).isEqualTo("IN");
    assertThat(context.getString("stage")).isEqualTo("prod");
    assertThat(context.getString("apiId")).isEqualTo(api);
    assertThat(context.getString("connectionId")).matches("[A-Za-z0-9_-]{15}=");
    assertThat(context.getLong("connectedAt")).isPositive();
    assertThat(context.getJsonObject("identity").getString("sourceIp")).isEqualTo("127.0.0.1");
    assertThat(connect.getJsonObject("headers").getString("Sec-WebSocket-Version")).isEqualTo("13");

    client.send("{\"action\":\"send\",\"text\":\"hi\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 1);
    assertThat(client.messages.get(0)).isEqualTo("chat got {\"action\":\"send\",\"text\":\"hi\"}");
    JsonObject message = lambda.invocations("chat").get(lambda.invocations("chat").size() - 1).json();
    assertThat(message.getJsonObject("requestContext").getString("eventType")).isEqualTo("MESSAGE");
    assertThat(message.getJsonObject("requestContext").getString("routeKey")).isEqualTo("send");
    assertThat(message.getJsonObject("requestContext").getString("messageId")).isNotBlank();
    assertThat(message.getBoolean("isBase64Encoded")).isFalse();

    client.send("not json at all");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 2);
    assertThat(new JsonObject(client.messages.get(1)).getString("route")).isEqualTo("$default");
    assertThat(new JsonObject(client.messages.get(1)).getString("id")).isEqualTo(context.getString("connectionId"));

    int before = lambda.invocations("disconnect").size();
    client.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> lambda.invocations("disconnect").size() == before + 1);
    JsonObject disconnect = lambda.invocations("disconnect").get(before).json().getJsonObject("requestContext");
    assertThat(disconnect.getString("eventType")).isEqualTo("DISCONNECT");
    assertThat(disconnect.getInteger("disconnectStatusCode")).isEqualTo(1000);
    assertThat(disconnect.getString("connectionId")).isEqualTo(context.getString("connectionId"));
  }

  @Test
  void aConnectIntegrationThatDoesNotAnswer2xxRefusesTheHandshake() {
    String api = chatApi("refuse");
    assertThat(status(() -> WebSocketClient.open(uri(api)))).isEqualTo(403);
  }

  @Test
  void anAuthorizerOnConnectDecidesAndItsContextReachesTheIntegration() throws Exception {
    String api = chatApi("connect");
    String authorizer = v2.createAuthorizer(r -> r.apiId(api).name("auth").authorizerType(AuthorizerType.REQUEST)
        .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + FUNCTIONS + "auth/invocations")
        .identitySource("route.request.querystring.token")).authorizerId();
    String connect = v2.getRoutes(r -> r.apiId(api)).items().stream().filter(r -> r.routeKey().equals("$connect"))
        .findFirst().orElseThrow().routeId();
    v2.updateRoute(r -> r.apiId(api).routeId(connect).authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizer));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));

    assertThat(status(() -> WebSocketClient.open(uri(api)))).isEqualTo(401);
    assertThat(status(() -> WebSocketClient.open(URI.create(uri(api) + "?token=bad")))).isEqualTo(403);
    WebSocketClient client = WebSocketClient.open(URI.create(uri(api) + "?token=good"));
    JsonObject context = lambda.invocations("connect").get(lambda.invocations("connect").size() - 1).json()
        .getJsonObject("requestContext");
    assertThat(context.getJsonObject("authorizer").getString("principalId")).isEqualTo("user-1");
    assertThat(context.getJsonObject("authorizer").getString("tier")).isEqualTo("gold");
    JsonObject authorizerEvent = lambda.invocations("auth").get(lambda.invocations("auth").size() - 1).json();
    assertThat(authorizerEvent.getString("methodArn")).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + api + "/prod/$connect");
    client.close();
  }

  @Test
  void theBackendPushesThroughConnectionsAndAClosedConnectionIsGone() throws Exception {
    String api = chatApi("connect");
    WebSocketClient client = WebSocketClient.open(uri(api));
    String id = lastConnectionId("connect");
    try (ApiGatewayManagementApiClient management = management(api, "prod")) {
      management.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"pushed\":true}")));
      await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.contains("{\"pushed\":true}"));

      var info = management.getConnection(r -> r.connectionId(id));
      assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
      assertThat(info.connectedAt()).isNotNull();
      assertThat(info.lastActiveAt()).isAfterOrEqualTo(info.connectedAt());

      management.deleteConnection(r -> r.connectionId(id));
      assertThat(client.closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1001);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(() ->
          management.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("late"))))
          .isInstanceOf(GoneException.class));
      assertThatThrownBy(() -> management.getConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
    }
  }

  private static ApiGatewayManagementApiClient management(String api, String stage) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.port() + "/restapis/" + api + "/" + stage + "/_user_request_"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create()).build();
  }

  @Test
  void aConnectionIsGoneForTheConnectionsApiOfAnotherApiOrStage() throws Exception {
    String api = chatApi("connect");
    String other = chatApi("connect");
    v2.createStage(r -> r.apiId(api).stageName("beta"));
    v2.createDeployment(r -> r.apiId(api).stageName("beta"));
    WebSocketClient client = WebSocketClient.open(uri(api));
    String id = lastConnectionId("connect");
    try (var ofOther = management(other, "prod"); var ofBeta = management(api, "beta"); var own = management(api, "prod")) {
      for (var wrong : List.of(ofOther, ofBeta)) {
        assertThatThrownBy(() -> wrong.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
            .isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> wrong.getConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
        assertThatThrownBy(() -> wrong.deleteConnection(r -> r.connectionId(id))).isInstanceOf(GoneException.class);
      }
      own.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("mine")));
      await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.contains("mine"));
      assertThat(client.messages).doesNotContain("x");
      assertThat(client.closed).isNotDone();
    }
    client.close();
  }

  @Test
  void binaryFramesCloseTheConnectionWith1003AsOnAws() throws Exception {
    WebSocketClient client = WebSocketClient.open(uri(chatApi("connect")));
    client.sendBinary(new byte[] {1, 2, 3});
    assertThat(client.closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1003);
  }

  @Test
  void framesOver32KbAndMessagesOver128KbCloseWith1009() throws Exception {
    String api = chatApi("connect");
    // The JDK client splits long messages into 16 KB frames: Vert.x's sends one 33 KB frame.
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var socket = vertx.createWebSocketClient().connect(server.port(), "127.0.0.1",
          "/restapis/" + api + "/prod/_user_request_/").await();
      var closeCode = new java.util.concurrent.CompletableFuture<Short>();
      socket.closeHandler(v -> closeCode.complete(socket.closeStatusCode()));
      socket.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame("x".repeat(33 * 1024), true));
      assertThat(closeCode.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo((short) 1009);
    } finally {
      vertx.close().await();
    }

    WebSocketClient bigMessage = WebSocketClient.open(uri(api));
    for (int i = 0; i < 4; i++) {
      bigMessage.sendPart("y".repeat(30 * 1024), false);
    }
    bigMessage.sendPart("y".repeat(30 * 1024), true);
    assertThat(bigMessage.closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(1009);

    WebSocketClient fits = WebSocketClient.open(uri(api));
    for (int i = 0; i < 4; i++) {
      fits.sendPart("z".repeat(30 * 1024), false);
    }
    fits.sendPart("{\"action\":\"none\"}", true);
    await().atMost(Duration.ofSeconds(5)).until(() -> fits.messages.size() == 1);
    assertThat(fits.closed).isNotDone();
    fits.close();
  }

  @Test
  void routeThrottlesAnswerWithAnErrorFrameAndConnectWith429() throws Exception {
    String api = chatApi("connect");
    software.amazon.awssdk.services.apigatewayv2.model.RouteSettings one =
        software.amazon.awssdk.services.apigatewayv2.model.RouteSettings.builder().throttlingBurstLimit(1).throttlingRateLimit(0.001).build();
    v2.updateStage(r -> r.apiId(api).stageName("prod").routeSettings(Map.of("send", one, "$connect", one)));
    // UpdateStage answers once the stage serves it: the next connection and messages see the limits.
    WebSocketClient client = WebSocketClient.open(uri(api));
    client.send("{\"action\":\"send\"}").send("{\"action\":\"send\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 2);
    assertThat(client.messages).anySatisfy(m -> assertThat(m).startsWith("chat got"))
        .anySatisfy(m -> assertThat(m).startsWith("{\"message\": \"Too Many Requests\""));
    client.close();
    assertThat(status(() -> WebSocketClient.open(uri(api)))).isEqualTo(429);
  }

  interface Open {
    WebSocketClient open() throws Exception;
  }

  static int status(Open open) {
    try {
      open.open().abort();
      return 101;
    } catch (Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof WebSocketHandshakeException handshake) {
          return handshake.getResponse().statusCode();
        }
      }
      throw new AssertionError("no handshake answer", e);
    }
  }
}
