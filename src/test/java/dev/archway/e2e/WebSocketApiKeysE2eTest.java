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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiStage;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * {@code apiKeyRequired} on WebSocket routes: keys of usage plans naming a WebSocket stage, read where
 * the API's ApiKeySelectionExpression says (the handshake's x-api-key, or the $connect authorizer's
 * usageIdentifierKey); the plan's throttle and quota on the handshake and on each message.
 */
class WebSocketApiKeysE2eTest {
  private static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));
  private static ApiGatewayV2Client v2;
  private static ApiGatewayClient v1;

  @BeforeAll
  static void setUp() {
    v2 = V2Clients.of(server);
    v1 = server.client();
    lambda.register("keyed", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "me")
        .put("usageIdentifierKey", inv.json().getJsonObject("queryStringParameters").getString("key"))
        .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray()
            .add(new JsonObject().put("Action", "execute-api:Invoke").put("Effect", "Allow")
                .put("Resource", inv.json().getString("methodArn"))))))));
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  /** A WebSocket API whose $connect and two-way "send" route require a key; deployed to stage "prod". */
  private static String keyedApi(String keySelection) {
    String api = v2.createApi(r -> r.name("keyed").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action").apiKeySelectionExpression(keySelection)).apiId();
    String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
        .responseTemplates(Map.of("$default", "{\"key\": \"$context.identity.apiKeyId\"}")));
    v2.createRoute(r -> r.apiId(api).routeKey("$connect").apiKeyRequired(true).target("integrations/" + mock));
    String send = v2.createRoute(r -> r.apiId(api).routeKey("send").apiKeyRequired(true).target("integrations/" + mock)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(send).routeResponseKey("$default"));
    String open = v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(open).routeResponseKey("$default"));
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
    return api;
  }

  /** A key in a new plan over the API's stage; returns the key's id. */
  private static String planKey(String api, String value, int quota) {
    String key = v1.createApiKey(r -> r.name("k-" + value).value(value).enabled(true)).id();
    String plan = v1.createUsagePlan(r -> r.name("plan-" + value).apiStages(ApiStage.builder().apiId(api).stage("prod").build())
        .quota(q -> q.limit(quota).period(QuotaPeriodType.DAY))
        .throttle(ThrottleSettings.builder().burstLimit(100).rateLimit(100.0).build())).id();
    v1.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key).keyType("API_KEY"));
    return key;
  }

  private static URI uri(String api) {
    return WebSocketClient.uri(server, api, "prod");
  }

  @Test
  void theHandshakesKeyMustBeOneOfAPlanOfTheStageAndEachMessageCountsAgainstItsQuota() throws Exception {
    String api = keyedApi("$request.header.x-api-key");
    String keyId = planKey(api, "wskey0123456789abcdefghij", 3);
    await().atMost(Duration.ofSeconds(10)).until(() ->
        WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri(api), "x-api-key", "wskey0123456789abcdefghij")) == 101);

    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri(api)))).isEqualTo(403);
    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri(api), "x-api-key", "not-a-key-of-any-plan-0123")))
        .isEqualTo(403);
    // The connection above used 1 of the 3 a day; this one's handshake the 2nd, its first message the 3rd.
    WebSocketClient client = WebSocketClient.open(uri(api), "x-api-key", "wskey0123456789abcdefghij");
    assertThat(new JsonObject(client.reply("{\"action\":\"send\"}")).getString("key")).isEqualTo(keyId);
    assertThat(client.reply("{\"action\":\"send\"}")).startsWith("{\"message\": \"Limit Exceeded\"");
    assertThat(client.reply("{\"action\":\"other\"}")).as("a route without apiKeyRequired counts nothing")
        .isEqualTo("{\"key\": \"\"}");

    v1.updateApiKey(r -> r.apiKey(keyId).patchOperations(p -> p.op(Op.REPLACE).path("/enabled").value("false")));
    await().atMost(Duration.ofSeconds(10)).until(() -> client.reply("{\"action\":\"send\"}").startsWith("{\"message\": \"Forbidden\""));
    client.close();
  }

  @Test
  void theKeyCanComeFromTheConnectAuthorizer() throws Exception {
    String api = keyedApi("$context.authorizer.usageIdentifierKey");
    String authorizer = v2.createAuthorizer(r -> r.apiId(api).name("keyed").authorizerType(AuthorizerType.REQUEST)
        .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + FUNCTIONS + "keyed/invocations")
        .identitySource("route.request.querystring.key")).authorizerId();
    String connect = v2.getRoutes(r -> r.apiId(api)).items().stream().filter(r -> r.routeKey().equals("$connect"))
        .findFirst().orElseThrow().routeId();
    v2.updateRoute(r -> r.apiId(api).routeId(connect).authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizer));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
    String keyId = planKey(api, "authkey0123456789abcdefgh", 100);

    await().atMost(Duration.ofSeconds(10)).until(() ->
        WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(URI.create(uri(api) + "?key=authkey0123456789abcdefgh"))) == 101);
    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(URI.create(uri(api) + "?key=unknown0123456789abcdefgh"))))
        .isEqualTo(403);
    WebSocketClient client = WebSocketClient.open(URI.create(uri(api) + "?key=authkey0123456789abcdefgh"),
        "x-api-key", "ignored-when-the-authorizer-names-the-key");
    assertThat(new JsonObject(client.reply("{\"action\":\"send\"}")).getString("key")).isEqualTo(keyId);
    client.close();
  }

  @Test
  void usagePlansNameWebSocketStagesButNotHttpApiStages() {
    String ws = keyedApi("$request.header.x-api-key");
    assertThat(v1.createUsagePlan(r -> r.name("ws").apiStages(ApiStage.builder().apiId(ws).stage("prod").build()))
        .apiStages()).extracting(ApiStage::apiId).containsExactly(ws);
    assertThatThrownBy(() -> v1.createUsagePlan(r -> r.name("ws").apiStages(ApiStage.builder().apiId(ws).stage("nope").build())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("API Stage not found: " + ws + ":nope");
    String http = v2.createApi(r -> r.name("h").protocolType(ProtocolType.HTTP)).apiId();
    v2.createStage(r -> r.apiId(http).stageName("prod"));
    assertThatThrownBy(() -> v1.createUsagePlan(r -> r.name("h").apiStages(ApiStage.builder().apiId(http).stage("prod").build())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("API Stage not found");
  }
}
