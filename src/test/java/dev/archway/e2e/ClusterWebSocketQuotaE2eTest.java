package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayCluster;
import dev.archway.testing.WebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * WebSocket routes with {@code apiKeyRequired} count their usage plan's quota with the other nodes
 * (Redis), as REST methods do: messages spread over connections on two nodes admit exactly the quota.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ClusterWebSocketQuotaE2eTest {
  private static final String KEY = "wsquota0123456789abcdefghij";
  private static final String SEND = "{\"action\":\"send\"}";
  private static final String EXCEEDED = "{\"message\": \"Limit Exceeded\"";

  @RegisterExtension
  static final ArchwayCluster CLUSTER = ArchwayCluster.withOwnServers(3, UnaryOperator.identity());

  @Test
  void aQuotaOfAHundredSpreadOverConnectionsOnTwoNodesAdmitsExactlyAHundred() throws Exception {
    String api = keyedApi();
    ApiGatewayClient v1 = CLUSTER.client(0);
    String key = v1.createApiKey(r -> r.name("ws").value(KEY).enabled(true)).id();
    String plan = v1.createUsagePlan(r -> r.name("hundred").quota(q -> q.limit(100).period(QuotaPeriodType.DAY))
        .apiStages(s -> s.apiId(api).stage("prod"))).id();
    v1.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key).keyType("API_KEY"));

    List<WebSocketClient> clients = new ArrayList<>();
    int admitted = 0;
    for (int node = 0; node < 2; node++) { // each node knows the key (what it admits meanwhile counts too)
      for (int i = 0; i < 2; i++) {
        URI uri = URI.create("ws://127.0.0.1:" + CLUSTER.node(node).port() + "/restapis/" + api + "/prod/_user_request_/");
        WebSocketClient client = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
            .until(() -> WebSocketClient.open(uri, "x-api-key", KEY), c -> c != null);
        clients.add(client);
        await().atMost(Duration.ofSeconds(10)).until(() -> !client.reply(SEND).startsWith("{\"message\": \"Forbidden\""));
        admitted += (int) client.messages.stream().filter(m -> m.equals("{\"ok\": true}")).count();
      }
    }
    int sent = clients.stream().mapToInt(c -> c.messages.size()).sum();
    for (int i = 0; i < 140; i++) { // without waiting for the answers: several in flight on each connection
      clients.get(i % clients.size()).send(SEND);
    }
    int total = sent + 140;
    await().atMost(Duration.ofSeconds(30)).until(() -> clients.stream().mapToInt(c -> c.messages.size()).sum() == total);

    List<String> answers = clients.stream().flatMap(c -> c.messages.stream()).toList();
    assertThat(answers).filteredOn(m -> m.equals("{\"ok\": true}")).hasSize(100);
    assertThat(answers).filteredOn(m -> m.startsWith(EXCEEDED)).hasSize(total - 100 - (sent - admitted));
    assertThat(admitted).isGreaterThan(0);
    clients.forEach(WebSocketClient::close);
  }

  /** A WebSocket API whose two-way "send" route requires a key (no $connect route), deployed to "prod". */
  private static String keyedApi() {
    try (ApiGatewayV2Client v2 = ApiGatewayV2Client.builder().endpointOverride(CLUSTER.admin(0, "")).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClient(ApacheHttpClient.create()).build()) {
      String api = v2.createApi(r -> r.name("metered").protocolType(ProtocolType.WEBSOCKET)
          .routeSelectionExpression("$request.body.action")).apiId();
      String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
          .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
      v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
          .responseTemplates(Map.of("$default", "{\"ok\": true}")));
      String send = v2.createRoute(r -> r.apiId(api).routeKey("send").apiKeyRequired(true).target("integrations/" + mock)
          .routeResponseSelectionExpression("$default")).routeId();
      v2.createRouteResponse(r -> r.apiId(api).routeId(send).routeResponseKey("$default"));
      v2.createStage(r -> r.apiId(api).stageName("prod"));
      v2.createDeployment(r -> r.apiId(api).stageName("prod"));
      return api;
    }
  }
}
