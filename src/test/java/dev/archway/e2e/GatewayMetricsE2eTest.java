package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Traffic of REST, HTTP and WebSocket APIs becomes AWS's {@code AWS/ApiGateway} metrics (names,
 * units, dimensions) and Archway's {@code Archway/Usage} series, read back with the AWS SDK's
 * CloudWatch client through GetMetricStatistics, GetMetricData and ListMetrics.
 */
class GatewayMetricsE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final Instant FROM = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(30, ChronoUnit.MINUTES);
  static final Instant TO = FROM.plus(1, ChronoUnit.HOURS);
  static ApiGatewayClient aws;
  static ApiGatewayV2Client v2;
  static CloudWatchClient cw;

  @BeforeAll
  static void clients() {
    aws = server.client();
    v2 = V2Clients.of(server);
    cw = CloudWatchClients.cloudWatch(server.adminPort());
  }

  @AfterAll
  static void close() {
    v2.close();
    cw.close();
  }

  @Test
  void restTrafficIsReadBackThroughGetMetricStatisticsAndGetMetricData() throws Exception {
    var api = aws.createRestApi(r -> r.name("pets-\u00fc"));
    String items = aws.createResource(r -> r.restApiId(api.id()).parentId(api.rootResourceId()).pathPart("items")).id();
    String item = aws.createResource(r -> r.restApiId(api.id()).parentId(items).pathPart("{id}")).id();
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(item).httpMethod("GET").authorizationType("NONE")
        .requestParameters(Map.of("method.request.path.id", true)));
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(item).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/items/{id}")
        .requestParameters(Map.of("integration.request.path.id", "method.request.path.id")));
    aws.createDeployment(r -> r.restApiId(api.id()).stageName("dev"));
    aws.updateStage(r -> r.restApiId(api.id()).stageName("dev")
        .patchOperations(p -> p.op(Op.REPLACE).path("/~1items~1{id}/GET/metrics/enabled").value("true")));

    for (int i = 0; i < 6; i++) {
      assertThat(get(server.pathStyle(api.id(), "dev", "/items/" + i))).isEqualTo(200);
    }
    assertThat(get(server.pathStyle(api.id(), "dev", "/items/7?status=503"))).isEqualTo(503);
    assertThat(get(server.pathStyle(api.id(), "dev", "/items/8?status=500"))).isEqualTo(500);
    for (int i = 0; i < 3; i++) {
      assertThat(get(server.pathStyle(api.id(), "dev", "/nothing"))).isEqualTo(403); // counted at stage level
    }
    assertThat(get(server.pathStyle(api.id(), "prod", "/items/1"))).isEqualTo(403); // no such stage: not counted

    // Non-ASCII characters are removed from ApiName, as AWS removes them.
    Dimension apiName = dim("ApiName", "pets-");
    Dimension stage = dim("Stage", "dev");
    await().until(() -> statistics("AWS/ApiGateway", "Count", List.of(apiName, stage)).sum() == 11.0);
    Datapoint count = statistics("AWS/ApiGateway", "Count", List.of(apiName, stage));
    assertThat(count.sampleCount()).isEqualTo(11.0);
    assertThat(count.unit()).isEqualTo(StandardUnit.COUNT);
    assertThat(statistics("AWS/ApiGateway", "Count", List.of(apiName)).sum()).isEqualTo(11.0);
    Datapoint clientErrors = statistics("AWS/ApiGateway", "4XXError", List.of(apiName, stage));
    assertThat(clientErrors.sum()).isEqualTo(3.0);
    assertThat(clientErrors.average()).isCloseTo(3.0 / 11, within(1e-9)); // Average is the error rate
    assertThat(statistics("AWS/ApiGateway", "5XXError", List.of(apiName, stage)).sum()).isEqualTo(2.0);
    Datapoint latency = statistics("AWS/ApiGateway", "Latency", List.of(apiName, stage));
    assertThat(latency.unit()).isEqualTo(StandardUnit.MILLISECONDS);
    assertThat(latency.sampleCount()).isEqualTo(11.0);
    assertThat(latency.maximum()).isGreaterThan(0.0).isGreaterThanOrEqualTo(latency.minimum());
    assertThat(statistics("AWS/ApiGateway", "IntegrationLatency", List.of(apiName, stage)).sampleCount()).isEqualTo(8.0);

    // Detailed metrics of the method, by ApiName, Method, Resource and Stage.
    List<Dimension> method = List.of(apiName, dim("Method", "GET"), dim("Resource", "/items/{id}"), stage);
    assertThat(statistics("AWS/ApiGateway", "Count", method).sum()).isEqualTo(8.0);
    assertThat(statistics("AWS/ApiGateway", "5XXError", method).sum()).isEqualTo(2.0);
    assertThat(statistics("AWS/ApiGateway", "4XXError", method).sum()).isEqualTo(0.0);
    assertThat(cw.listMetrics(r -> r.namespace("AWS/ApiGateway").metricName("Count")).metrics())
        .anySatisfy(m -> assertThat(m.dimensions()).containsExactlyInAnyOrderElementsOf(method));

    // GetMetricData: the same figures, a percentile and metric math over them.
    var data = cw.getMetricData(r -> r.startTime(FROM).endTime(TO).metricDataQueries(
        q -> q.id("requests").metricStat(s -> s.period(3600).stat("Sum")
            .metric(m -> m.namespace("AWS/ApiGateway").metricName("Count").dimensions(apiName, stage))),
        q -> q.id("errors").metricStat(s -> s.period(3600).stat("Sum")
            .metric(m -> m.namespace("AWS/ApiGateway").metricName("4XXError").dimensions(apiName, stage))),
        q -> q.id("p99").metricStat(s -> s.period(3600).stat("p99")
            .metric(m -> m.namespace("AWS/ApiGateway").metricName("Latency").dimensions(apiName, stage))),
        q -> q.id("errorRate").expression("100 * errors / requests")));
    Map<String, MetricDataResult> results = new java.util.HashMap<>();
    data.metricDataResults().forEach(result -> results.put(result.id(), result));
    assertThat(results.get("requests").values()).containsExactly(11.0);
    assertThat(results.get("errors").values()).containsExactly(3.0);
    assertThat(results.get("p99").values().get(0)).isLessThanOrEqualTo(latency.maximum());
    assertThat(results.get("errorRate").values().get(0)).isCloseTo(300.0 / 11, within(1e-9));

    // Archway/Usage: the same requests by API id and route, detailed metrics or not.
    List<Dimension> route = List.of(dim("ApiId", api.id()), stage, dim("Route", "GET /items/{id}"));
    assertThat(statistics("Archway/Usage", "Count", route).sum()).isEqualTo(8.0);
    assertThat(statistics("Archway/Usage", "5xx", route).sum()).isEqualTo(2.0);
  }

  @Test
  void canaryRequestsCountUnderTheStageSlashCanary() throws Exception {
    String apiId = Fixtures.mockApi(aws, "canaried", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod").canarySettings(c -> c.percentTraffic(100.0)));

    for (int i = 0; i < 3; i++) {
      assertThat(get(server.pathStyle(apiId, "prod", "/hello"))).isEqualTo(200);
    }

    Dimension apiName = dim("ApiName", "canaried");
    await().until(() -> statistics("AWS/ApiGateway", "Count", List.of(apiName, dim("Stage", "prod/Canary"))).sum() == 3.0);
    assertThat(statistics("AWS/ApiGateway", "Count", List.of(apiName)).sum()).isEqualTo(3.0);
    assertThat(statistics("AWS/ApiGateway", "Count", List.of(apiName, dim("Stage", "prod"))).sum()).isEqualTo(-1.0); // none
  }

  @Test
  void httpApiTrafficCountsByApiIdStageAndRoute() throws Exception {
    String apiId = v2.createApi(r -> r.name("orders").protocolType(ProtocolType.HTTP)).apiId();
    String proxy = v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("GET")
        .integrationUri(echo.url() + "/orders").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /orders").target("integrations/" + proxy));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true)
        .routeSettings(Map.of("GET /orders", software.amazon.awssdk.services.apigatewayv2.model.RouteSettings.builder()
            .detailedMetricsEnabled(true).build())));

    try (HostStyleClient client = new HostStyleClient(server.port())) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.get(apiId, "/orders").status()).isEqualTo(200);
      }
      assertThat(client.get(apiId, "/orders?status=404").status()).isEqualTo(404);
      assertThat(client.get(apiId, "/missing").status()).isEqualTo(404);
      assertThat(client.get(apiId, "/missing").status()).isEqualTo(404);
    }

    List<Dimension> stage = List.of(dim("ApiId", apiId), dim("Stage", "$default"));
    await().until(() -> statistics("AWS/ApiGateway", "Count", stage).sum() == 6.0);
    assertThat(statistics("AWS/ApiGateway", "4xx", stage).sum()).isEqualTo(3.0);
    assertThat(statistics("AWS/ApiGateway", "5xx", stage).sum()).isEqualTo(0.0);
    Datapoint processed = statistics("AWS/ApiGateway", "DataProcessed", stage);
    assertThat(processed.unit()).isEqualTo(StandardUnit.BYTES);
    assertThat(processed.sum()).isGreaterThan(6 * 40.0);
    assertThat(statistics("AWS/ApiGateway", "Count", List.of(dim("ApiId", apiId))).sum()).isEqualTo(6.0);
    List<Dimension> route = List.of(dim("ApiId", apiId), dim("Stage", "$default"), dim("Route", "GET /orders"));
    assertThat(statistics("AWS/ApiGateway", "Count", route).sum()).isEqualTo(4.0);
    assertThat(statistics("AWS/ApiGateway", "IntegrationLatency", route).sampleCount()).isEqualTo(4.0);
  }

  @Test
  void webSocketConnectionsAndMessagesAreCounted() throws Exception {
    String apiId = v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action")).apiId();
    String mock = v2.createIntegration(r -> r.apiId(apiId).integrationType("MOCK")
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createIntegrationResponse(r -> r.apiId(apiId).integrationId(mock).integrationResponseKey("$default")
        .responseTemplates(Map.of("$default", "pong")));
    String echoRoute = v2.createRoute(r -> r.apiId(apiId).routeKey("ping").target("integrations/" + mock)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(apiId).routeId(echoRoute).routeResponseKey("$default"));
    v2.createStage(r -> r.apiId(apiId).stageName("live"));
    v2.createDeployment(r -> r.apiId(apiId).stageName("live"));

    WebSocketClient client = WebSocketClient.open(
        URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + apiId + "/live/_user_request_/"));
    client.send("{\"action\":\"ping\"}").send("{\"action\":\"ping\"}").send("{\"action\":\"nowhere\"}");
    await().until(() -> client.messages.size() == 3);
    client.close();

    List<Dimension> stage = List.of(dim("ApiId", apiId), dim("Stage", "live"));
    await().until(() -> statistics("AWS/ApiGateway", "MessageCount", stage).sum() == 6.0); // 3 in, 3 out
    assertThat(statistics("AWS/ApiGateway", "ConnectCount", stage).sum()).isEqualTo(1.0);
    assertThat(statistics("AWS/ApiGateway", "ClientError", stage).sum()).isEqualTo(1.0); // no route for "nowhere"
    assertThat(statistics("AWS/ApiGateway", "IntegrationError", stage).sum()).isEqualTo(0.0);
    assertThat(statistics("AWS/ApiGateway", "ExecutionError", stage).sum()).isEqualTo(0.0);
  }

  static int get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static Dimension dim(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  /** The one datapoint of the hour around the test: every statistic. */
  static Datapoint statistics(String namespace, String metric, List<Dimension> dimensions) {
    List<Datapoint> points = cw.getMetricStatistics(r -> r.namespace(namespace).metricName(metric).dimensions(dimensions)
        .startTime(FROM).endTime(TO).period(3600)
        .statistics(Statistic.SUM, Statistic.SAMPLE_COUNT, Statistic.AVERAGE, Statistic.MINIMUM, Statistic.MAXIMUM))
        .datapoints();
    return points.isEmpty() ? Datapoint.builder().sum(-1.0).build() : points.get(0);
  }
}
