package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayCluster;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.WebSocketClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Three nodes on one PostgreSQL and one Redis behave as one gateway: quotas and throttles count
 * globally, a WebSocket message reaches its connection through any node, a REST stage's cache and
 * its Lambda authorizer's results are one for every node, and losing both servers
 * under load fails no request while management answers 503, all working again once they are back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterRedisE2eTest {
  @RegisterExtension
  @Order(1)
  static final LambdaServer LAMBDA = new LambdaServer();
  @RegisterExtension
  @Order(2)
  static final ArchwayCluster CLUSTER = ArchwayCluster.withOwnServers(3,
      settings -> settings.withEndpoints(settings.endpoints().withLambda(URI.create(LAMBDA.url()))));

  @Test
  @Order(1)
  void everyNodeSaysRedisIsReachable() throws Exception {
    for (int node = 0; node < 3; node++) {
      int n = node;
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        JsonNode ready = ready(n);
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("redis").asText()).isEqualTo("reachable");
        assertThat(ready.path("nodes").size()).isEqualTo(3);
      });
    }
  }

  @Test
  @Order(2)
  void aQuotaOfAThousandSpreadOverThreeNodesAdmitsExactlyAThousand() throws Exception {
    ApiGatewayClient a = CLUSTER.client(0);
    KeyedApi api = KeyedApi.create(a, "metered").get("pets", true).deploy("prod");
    String plan = a.createUsagePlan(r -> r.name("thousand").quota(q -> q.limit(1000).period(QuotaPeriodType.DAY))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    var key = a.createApiKey(r -> r.name("thousand").enabled(true));
    a.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));

    AtomicInteger admitted = new AtomicInteger();
    for (int node = 0; node < 3; node++) { // every node knows the key (what it admits meanwhile counts too)
      URI pets = CLUSTER.invoke(node, api.id, "prod", "/pets");
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        int status = KeyedApi.call(pets, key.value()).statusCode();
        if (status == 200) {
          admitted.incrementAndGet();
        }
        return status == 200;
      });
    }
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < 1200 - admitted.get(); i++) {
      requests.add(KeyedApi.request(CLUSTER.invoke(i % 3, api.id, "prod", "/pets"), key.value()).build());
    }
    Map<Integer, Integer> statuses = send(requests, 12);
    assertThat(statuses.getOrDefault(200, 0) + admitted.get()).isEqualTo(1000);
    assertThat(statuses.getOrDefault(429, 0)).isEqualTo(200);

    // Each node writes what it admitted to the store: GetUsage through any node adds up to the quota.
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(CLUSTER.client(1)
        .getUsage(r -> r.usagePlanId(plan).startDate(today).endDate(today)).items().get(key.id()).get(0))
        .containsExactly(1000L, 0L));
  }

  @Test
  @Order(3)
  void aThrottleOf100PerSecondWithABurstOf50AdmitsWithinFivePercentAcrossThreeNodes() throws Exception {
    ApiGatewayClient a = CLUSTER.client(0);
    KeyedApi api = KeyedApi.create(a, "throttled").get("pets", false).deploy("prod");
    a.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        PatchOperation.builder().op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("100").build(),
        PatchOperation.builder().op(Op.REPLACE).path("/*/*/throttling/burstLimit").value("50").build()));
    List<HttpRequest> perNode = new ArrayList<>();
    for (int node = 0; node < 3; node++) {
      HttpRequest request = KeyedApi.request(CLUSTER.invoke(node, api.id, "prod", "/pets"), null).build();
      perNode.add(request);
      // The node serves the limit once a quick series of requests meets a 429.
      await().atMost(Duration.ofSeconds(5)).until(() -> send(java.util.Collections.nCopies(80, request), 1).containsKey(429));
    }

    List<String> runs = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      // A full bucket to start from: it fills in burst/rate = 0.5 s.
      await().pollDelay(Duration.ofMillis(700)).until(() -> true);
      List<CompletableFuture<OfferedLoad.Result>> loads = perNode.stream()
          .map(request -> CompletableFuture.supplyAsync(() -> OfferedLoad.offer(request, 3, 3, 0.5))).toList();
      List<OfferedLoad.Result> results = loads.stream().map(CompletableFuture::join).toList();
      int ok = results.stream().mapToInt(OfferedLoad.Result::ok).sum();
      int offered = results.stream().mapToInt(r -> r.ok() + r.throttled()).sum();
      double seconds = results.stream().mapToDouble(r -> r.seconds() - r.idleSeconds()).average().orElseThrow();
      double expected = 50 + 100 * seconds;
      assertThat(results).allSatisfy(r -> assertThat(r.other()).isZero());
      assertThat(offered).as("offered above the rate").isGreaterThan((int) (expected * 1.5));
      assertThat((double) ok).as("admitted of %s, expected %s", results, expected).isLessThanOrEqualTo(expected * 1.05);
      if (Math.abs(ok - expected) <= expected * 0.05) {
        return;
      }
      runs.add(ok + " of " + results + ", expected " + expected);
    }
    throw new AssertionError("no run admitted b + r·t within 5 %: " + runs);
  }

  @Test
  @Order(4)
  void aMessagePostedThroughNodeCReachesAClientOnNodeA() throws Exception {
    String api;
    try (ApiGatewayV2Client v2 = ApiGatewayV2Client.builder().endpointOverride(CLUSTER.admin(0, "")).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create()).build()) {
      api = v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
          .routeSelectionExpression("$request.body.action")).apiId();
      String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
          .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
      v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
          .responseTemplates(Map.of("$default", "{\"id\": \"$context.connectionId\"}")));
      String route = v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock)
          .routeResponseSelectionExpression("$default")).routeId();
      v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default"));
      v2.createStage(r -> r.apiId(api).stageName("prod"));
      v2.createDeployment(r -> r.apiId(api).stageName("prod"));
    }
    WebSocketClient client = WebSocketClient.open(URI.create("ws://127.0.0.1:" + CLUSTER.node(0).port()
        + "/restapis/" + api + "/prod/_user_request_/"));
    client.send("{\"action\":\"who\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() == 1);
    String id = new JsonObject(client.messages.get(0)).getString("id");

    try (ApiGatewayManagementApiClient c = connections(2, api); ApiGatewayManagementApiClient b = connections(1, api)) {
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          c.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{\"from\":\"c\"}"))));
      await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.contains("{\"from\":\"c\"}"));
      assertThat(b.getConnection(r -> r.connectionId(id)).identity().sourceIp()).isEqualTo("127.0.0.1");

      b.deleteConnection(r -> r.connectionId(id));
      assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThatThrownBy(() ->
          c.postToConnection(r -> r.connectionId(id).data(SdkBytes.fromUtf8String("late")))).isInstanceOf(GoneException.class));
    }
  }

  @Test
  @Order(5)
  void theStageCacheIsSharedFlushedForAllAndBypassedWhileRedisIsAway() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      AtomicInteger calls = new AtomicInteger();
      HttpServer backend = vertx.createHttpServer()
          .requestHandler(request -> request.response().end("n=" + calls.incrementAndGet()))
          .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      ApiGatewayClient a = CLUSTER.client(0);
      var api = a.createRestApi(r -> r.name("cached"));
      String items = a.createResource(r -> r.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("items")).id();
      a.putMethod(r -> r.restApiId(api.id()).resourceId(items).httpMethod("GET").authorizationType("NONE"));
      a.putIntegration(r -> r.restApiId(api.id()).resourceId(items).httpMethod("GET").type("HTTP_PROXY")
          .integrationHttpMethod("GET").uri("http://127.0.0.1:" + backend.actualPort() + "/items"));
      a.createDeployment(r -> r.restApiId(api.id()).stageName("prod").cacheClusterEnabled(true));
      a.updateStage(r -> r.restApiId(api.id()).stageName("prod").patchOperations(
          PatchOperation.builder().op(Op.REPLACE).path("/*/*/caching/enabled").value("true").build(),
          PatchOperation.builder().op(Op.REPLACE).path("/*/*/caching/requireAuthorizationForCacheControl").value("false").build()));
      for (int node = 0; node < 3; node++) { // every node answers from the cache
        int n = node;
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
            .until(() -> items(n, api.id(), false).equals(items(n, api.id(), false)));
      }

      String filled = items(0, api.id(), true); // Cache-Control: max-age=0 through A: a fresh answer, kept
      int count = calls.get();
      assertThat(filled).isEqualTo("n=" + count);
      assertThat(items(1, api.id(), false)).isEqualTo(filled);
      assertThat(items(2, api.id(), false)).isEqualTo(filled);
      assertThat(calls.get()).isEqualTo(count);

      CLUSTER.client(2).flushStageCache(r -> r.restApiId(api.id()).stageName("prod"));
      await().atMost(Duration.ofSeconds(5)).until(() -> !items(1, api.id(), false).equals(filled));
      await().atMost(Duration.ofSeconds(5)).until(() -> items(1, api.id(), false).equals(items(0, api.id(), false)));

      CLUSTER.redis().stop();
      for (int node = 0; node < 3; node++) { // every request a miss that succeeds
        int before = calls.get();
        assertThat(items(node, api.id(), false)).isEqualTo("n=" + (before + 1));
      }
      CLUSTER.redis().restart();
      await().atMost(Duration.ofSeconds(10)).until(() -> items(0, api.id(), false).equals(items(2, api.id(), false)));
    } finally {
      vertx.close();
    }
  }

  /** GET /items of the API's prod stage through a node, answered 200 (with {@code Cache-Control: max-age=0} if fresh). */
  private static String items(int node, String apiId, boolean fresh) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(CLUSTER.invoke(node, apiId, "prod", "/items"));
    if (fresh) {
      request.header("Cache-Control", "max-age=0");
    }
    HttpResponse<String> response = KeyedApi.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  @Order(6)
  void aLambdaAuthorizerResultIsOneForEveryNodeFlushedForAllAndCalledEachTimeWhileRedisIsAway() throws Exception {
    LAMBDA.register("shared-auth", invocation -> {
      JsonObject event = invocation.json();
      String token = event.getString("authorizationToken");
      String arn = event.getString("methodArn");
      return Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "user-" + token)
          .put("context", new JsonObject().put("tenant", "t1").put("n", 7))
          .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray()
              .add(new JsonObject().put("Action", "execute-api:Invoke").put("Resource", arn.substring(0, arn.indexOf('/')) + "/*")
                  .put("Effect", token.startsWith("deny-") ? "Deny" : "Allow"))))));
    });
    ApiGatewayClient a = CLUSTER.client(0);
    var api = a.createRestApi(r -> r.name("authorized"));
    String authorizer = a.createAuthorizer(r -> r.restApiId(api.id()).name("shared").type("TOKEN")
        .authorizerUri(AuthFixtures.LAMBDA_URI.formatted("shared-auth")).identitySource("method.request.header.Authorization")
        .authorizerResultTtlInSeconds(300)).id();
    AuthFixtures.guarded(a, api.id(), api.rootResourceId(), "orders", "GET", "CUSTOM", authorizer, null,
        "{\"principal\":\"$context.authorizer.principalId\",\"tenant\":\"$context.authorizer.tenant\",\"n\":\"$context.authorizer.n\"}");
    a.createDeployment(r -> r.restApiId(api.id()).stageName("prod"));
    for (int node = 0; node < 3; node++) { // every node serves the deployment (and has used Redis for it)
      int n = node;
      await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
          .until(() -> orders(n, api.id(), "allow-warm-" + n).statusCode() == 200);
    }

    int before = authorizerCalls();
    for (int node = 0; node < 3; node++) { // A, B, C: one call, the same answer
      HttpResponse<String> answer = orders(node, api.id(), "allow-one");
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"principal\":\"user-allow-one\",\"tenant\":\"t1\",\"n\":\"7\"}");
    }
    assertThat(authorizerCalls()).isEqualTo(before + 1);

    assertThat(orders(0, api.id(), "deny-one").statusCode()).isEqualTo(403); // a deny kept through A is a 403 on B
    int denied = authorizerCalls();
    HttpResponse<String> onB = orders(1, api.id(), "deny-one");
    assertThat(onB.statusCode()).isEqualTo(403);
    assertThat(onB.body()).contains("explicit deny");
    assertThat(authorizerCalls()).isEqualTo(denied);

    CLUSTER.client(2).flushStageAuthorizersCache(r -> r.restApiId(api.id()).stageName("prod"));
    assertThat(orders(0, api.id(), "allow-one").statusCode()).isEqualTo(200);
    assertThat(authorizerCalls()).isEqualTo(denied + 1);

    CLUSTER.redis().stop();
    for (int node = 0; node < 3; node++) { // every request answered, its authorizer called
      int calls = authorizerCalls();
      assertThat(orders(node, api.id(), "allow-away").statusCode()).isEqualTo(200);
      assertThat(authorizerCalls()).isEqualTo(calls + 1);
    }
    CLUSTER.redis().restart();
    AtomicInteger attempt = new AtomicInteger();
    await().atMost(Duration.ofSeconds(10)).until(() -> { // shared again: kept through A, no call through C
      String token = "allow-back-" + attempt.incrementAndGet();
      assertThat(orders(0, api.id(), token).statusCode()).isEqualTo(200);
      int calls = authorizerCalls();
      assertThat(orders(2, api.id(), token).statusCode()).isEqualTo(200);
      return authorizerCalls() == calls;
    });
    assertThat(LAMBDA.rejectedSignatures()).isEmpty();
    a.deleteRestApi(r -> r.restApiId(api.id())); // the outage test that follows reads the configuration again
  }

  /** GET /orders of the API's prod stage through a node, with this bearer token. */
  private static HttpResponse<String> orders(int node, String apiId, String token) throws Exception {
    return KeyedApi.HTTP.send(HttpRequest.newBuilder(CLUSTER.invoke(node, apiId, "prod", "/orders"))
        .header("Authorization", token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int authorizerCalls() {
    return LAMBDA.invocations("shared-auth").size();
  }

  @Test
  @Order(7)
  void anHttpApiAuthorizerDecisionThroughOneNodeIsUsedOnTheOthers() throws Exception {
    LAMBDA.register("decides", invocation -> Future.succeededFuture(Reply.ok(new JsonObject()
        .put("isAuthorized", "letmein".equals(invocation.json().getJsonObject("headers").getString("x-token")))
        .put("context", new JsonObject().put("user", "alice").put("n", 3)))));
    LAMBDA.register("answers", invocation -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200)
        .put("body", invocation.json().getJsonObject("requestContext").getJsonObject("authorizer").encode()))));
    String functions = "arn:aws:lambda:us-east-1:000000000000:function:";
    String api;
    try (ApiGatewayV2Client v2 = v2(0)) {
      api = v2.createApi(r -> r.name("decided").protocolType(ProtocolType.HTTP)).apiId();
      String answers = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY)
          .integrationUri(functions + "answers").payloadFormatVersion("2.0")).integrationId();
      String authorizer = v2.createAuthorizer(r -> r.apiId(api).name("decides").authorizerType(AuthorizerType.REQUEST)
          .authorizerUri(AuthFixtures.LAMBDA_URI.formatted("decides")).authorizerPayloadFormatVersion("2.0")
          .enableSimpleResponses(true).identitySource("$request.header.X-Token").authorizerResultTtlInSeconds(300))
          .authorizerId();
      v2.createRoute(r -> r.apiId(api).routeKey("GET /me").target("integrations/" + answers)
          .authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizer));
      v2.createStage(r -> r.apiId(api).stageName("$default").autoDeploy(true));
    }
    List<HostStyleClient> nodes = List.of(new HostStyleClient(CLUSTER.node(0).port()),
        new HostStyleClient(CLUSTER.node(1).port()), new HostStyleClient(CLUSTER.node(2).port()));
    try {
      for (HostStyleClient node : nodes) { // every node serves the API
        await().atMost(Duration.ofSeconds(10)).until(() -> node.send("GET", api, "/me", Map.of("X-Token", "warm"), null).status() == 403);
      }
      int before = LAMBDA.invocations("decides").size();
      for (HostStyleClient node : nodes) {
        HostStyleClient.Response answer = node.send("GET", api, "/me", Map.of("X-Token", "letmein"), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getJsonObject("lambda").getMap()).isEqualTo(Map.of("user", "alice", "n", 3));
      }
      assertThat(LAMBDA.invocations("decides")).hasSize(before + 1);
    } finally {
      nodes.forEach(HostStyleClient::close);
    }
    try (ApiGatewayV2Client v2 = v2(0)) { // the outage test that follows reads the configuration again
      v2.deleteApi(r -> r.apiId(api));
    }
  }

  private static ApiGatewayV2Client v2(int node) {
    return ApiGatewayV2Client.builder().endpointOverride(CLUSTER.admin(node, "")).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create()).build();
  }

  @Test
  @Order(8)
  void losingPostgresAndRedisUnderLoadFailsNoRequestAndEverythingWorksAgainWithinFiveSeconds() throws Exception {
    ApiGatewayClient a = CLUSTER.client(0);
    KeyedApi api = KeyedApi.create(a, "steady").get("pets", true).deploy("prod");
    a.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        PatchOperation.builder().op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("5000").build(),
        PatchOperation.builder().op(Op.REPLACE).path("/*/*/throttling/burstLimit").value("5000").build()));
    String plan = a.createUsagePlan(r -> r.name("big").quota(q -> q.limit(1_000_000).period(QuotaPeriodType.DAY))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    String key = api.keyInPlan(plan);
    for (int node = 0; node < 3; node++) {
      URI pets = CLUSTER.invoke(node, api.id, "prod", "/pets");
      await().atMost(Duration.ofSeconds(5)).until(() -> KeyedApi.call(pets, key).statusCode() == 200);
    }

    try (Load load = Load.start(key, api.id)) {
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok.get() > 200);
      CLUSTER.redis().stop();
      CLUSTER.postgres().stop();
      for (int node = 0; node < 3; node++) {
        int n = node;
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
          JsonNode ready = ready(n);
          assertThat(ready.path("status").asText()).isEqualTo("stale config");
          assertThat(ready.path("redis").asText()).isEqualTo("unreachable");
        });
      }
      int before = load.ok.get();
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok.get() > before + 300);
      assertThatThrownBy(() -> CLUSTER.client(1).createRestApi(r -> r.name("refused")))
          .isInstanceOfSatisfying(ApiGatewayException.class, e -> assertThat(e.statusCode()).isEqualTo(503));

      CLUSTER.postgres().restart();
      CLUSTER.redis().restart();
      for (int node = 0; node < 3; node++) {
        int n = node;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
          JsonNode ready = ready(n);
          assertThat(ready.path("status").asText()).isEqualTo("ready");
          assertThat(ready.path("redis").asText()).isEqualTo("reachable");
        });
      }
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> CLUSTER.client(2).createRestApi(r -> r.name("after")));
      int after = load.ok.get();
      await().atMost(Duration.ofSeconds(10)).until(() -> load.ok.get() > after + 200);
      load.stop();
      assertThat(load.failures).as("data-plane requests that failed").isEmpty();
    }
  }

  private static JsonNode ready(int node) throws Exception {
    return Json.MAPPER.readTree(AuthFixtures.get(CLUSTER.admin(node, "/health/ready")).body());
  }

  private static ApiGatewayManagementApiClient connections(int node, String api) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + CLUSTER.node(node).port() + "/restapis/" + api + "/prod/_user_request_"))
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create()).build();
  }

  /** Sends every request, {@code concurrency} at a time; the answers counted by status. */
  private static Map<Integer, Integer> send(List<HttpRequest> requests, int concurrency) throws Exception {
    Semaphore slots = new Semaphore(concurrency);
    Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    List<CompletableFuture<?>> calls = new ArrayList<>();
    for (HttpRequest request : requests) {
      slots.acquire();
      calls.add(KeyedApi.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, error) -> {
            slots.release();
            statuses.merge(response == null ? -1 : response.statusCode(), 1, Integer::sum);
          }));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
    return statuses;
  }

  /** Steady traffic over the three nodes, a few requests in flight, recording every answer that is not 200. */
  private static final class Load implements AutoCloseable {
    final AtomicInteger ok = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<CompletableFuture<Void>> loops = new ArrayList<>();

    static Load start(String key, String apiId) {
      Load load = new Load();
      for (int i = 0; i < 6; i++) {
        load.loops.add(load.loop(KeyedApi.request(CLUSTER.invoke(i % 3, apiId, "prod", "/pets"), key).build()));
      }
      return load;
    }

    private CompletableFuture<Void> loop(HttpRequest request) {
      if (!running.get()) {
        return CompletableFuture.completedFuture(null);
      }
      return KeyedApi.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
        if (response != null && response.statusCode() == 200) {
          ok.incrementAndGet();
        } else {
          failures.add(request.uri().getPort() + ": " + (response == null ? error.toString() : response.statusCode() + " " + response.body()));
        }
        return null;
      }).thenCompose(done -> loop(request));
    }

    void stop() {
      running.set(false);
      CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
      running.set(false);
    }
  }
}
