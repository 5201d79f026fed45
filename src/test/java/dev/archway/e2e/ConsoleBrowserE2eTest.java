package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.archway.testing.Browser.eventually;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.Browser;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * The web console in headless Chromium against a real Archway (dev mode): every page, a chart of
 * real traffic, a PutDashboard dashboard, a test invoke, the live log tail and a canary promotion —
 * with no error in the browser's console.
 */
@Timeout(180)
class ConsoleBrowserE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static ApiGatewayClient aws;
  static ApiGatewayV2Client v2;
  static CloudWatchClient cw;
  static CloudWatchLogsClient logs;
  static Browser browser;
  static String restId;
  static String httpId;
  static String keyValue;

  @BeforeAll
  static void setUp() throws Exception {
    aws = server.client();
    v2 = V2Clients.of(server);
    cw = CloudWatchClients.cloudWatch(server.adminPort());
    logs = CloudWatchClients.logs(server.adminPort());
    var api = aws.createRestApi(r -> r.name("pets").description("The pet store"));
    restId = api.id();
    String items = aws.createResource(r -> r.restApiId(restId).parentId(api.rootResourceId()).pathPart("items")).id();
    aws.putMethod(r -> r.restApiId(restId).resourceId(items).httpMethod("GET").authorizationType("NONE").apiKeyRequired(true));
    aws.putIntegration(r -> r.restApiId(restId).resourceId(items).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/items"));
    aws.createDeployment(r -> r.restApiId(restId).stageName("dev").description("first"));
    aws.createDeployment(r -> r.restApiId(restId).stageName("dev").description("canary")
        .canarySettings(c -> c.percentTraffic(10.0)));
    aws.createAuthorizer(r -> r.restApiId(restId).name("tokens").type("TOKEN").identitySource("method.request.header.Authorization")
        .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
            + "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations"));
    var key = aws.createApiKey(r -> r.name("mobile").enabled(true));
    keyValue = key.value();
    var plan = aws.createUsagePlan(r -> r.name("basic").apiStages(s -> s.apiId(restId).stage("dev"))
        .throttle(t -> t.rateLimit(100.0).burstLimit(50)).quota(q -> q.limit(10000).period("DAY")));
    aws.createUsagePlanKey(r -> r.usagePlanId(plan.id()).keyId(key.id()).keyType("API_KEY"));
    httpId = v2.createApi(r -> r.name("orders").protocolType(ProtocolType.HTTP).target(echo.url())).apiId();
    v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action"));
    v2.createDomainName(r -> r.domainName("api.example.com"));
    v2.createApiMapping(r -> r.domainName("api.example.com").apiId(httpId).stage("$default").apiMappingKey("orders"));
    logs.createLogGroup(r -> r.logGroupName("/console/tail"));
    logs.createLogStream(r -> r.logGroupName("/console/tail").logStreamName("web"));
    logs.putLogEvents(r -> r.logGroupName("/console/tail").logStreamName("web")
        .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("first line")));
    cw.putMetricAlarm(r -> r.alarmName("pets-traffic").namespace("AWS/ApiGateway").metricName("Count")
        .dimensions(d -> d.name("ApiName").value("pets"), d -> d.name("Stage").value("dev"))
        .statistic(Statistic.SUM).period(60).evaluationPeriods(1).threshold(1000.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    cw.putDashboard(r -> r.dashboardName("pets-board").dashboardBody("""
        {"start": "-PT1H", "widgets": [
          {"type": "metric", "x": 0, "y": 0, "width": 12, "height": 6, "properties": {
            "title": "Pets requests", "stat": "Sum", "period": 60, "region": "us-east-1",
            "metrics": [["AWS/ApiGateway", "Count", "ApiName", "pets", "Stage", "dev"]]}},
          {"type": "text", "x": 12, "y": 0, "width": 6, "height": 6, "properties": {"markdown": "# Pets"}}]}
        """));
    traffic(5);
    browser = Browser.open(server.adminPort());
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.close();
    }
    v2.close();
    cw.close();
    logs.close();
  }

  @AfterEach
  void noBrowserErrors() {
    assertThat(browser.errors()).isEmpty();
  }

  @Test
  void everyPageShowsItsResourcesWithoutErrors() {
    Map<String, List<String>> pages = new java.util.LinkedHashMap<>();
    pages.put("apis", List.of("pets", "orders", "chat", "WebSocket", "HTTP", "The pet store"));
    pages.put("apis?id=" + restId + "&kind=REST", List.of("/items", "HTTP_PROXY", "GET /items"));
    pages.put("apis?id=" + httpId + "&kind=HTTP", List.of("$default", "HTTP_PROXY"));
    pages.put("stages?id=" + restId, List.of("dev", "10% →", "Promote canary", "Deployment history", "first"));
    pages.put("stages?id=" + httpId, List.of("$default"));
    pages.put("usage", List.of("basic", "100 rps, burst 50", "10000 per DAY", "mobile", "Show"));
    pages.put("authorizers?id=" + restId, List.of("tokens", "TOKEN", "method.request.header.Authorization"));
    pages.put("domains", List.of("api.example.com", "orders", httpId));
    pages.put("metrics?id=" + restId, List.of("Requests", "Latency", "Cache hit ratio", "Top API keys"));
    pages.put("metrics?id=" + httpId, List.of("Requests", "Integration latency"));
    pages.put("dashboards", List.of("pets-board"));
    pages.put("dashboards?name=pets-board", List.of("Pets requests", "# Pets"));
    pages.put("logs", List.of("/console/tail"));
    pages.put("logs?group=%2Fconsole%2Ftail", List.of("first line"));
    pages.put("alarms", List.of("pets-traffic", "AWS/ApiGateway Count Sum", "GreaterThanThreshold 1000"));
    pages.put("alarms?name=pets-traffic", List.of("History of pets-traffic"));
    pages.put("testinvoke?id=" + restId, List.of("GET /items", "Invoke"));
    pages.put("openapi?id=" + restId, List.of("Export OpenAPI 3.0", "Import"));
    pages.forEach((hash, expected) -> {
      browser.page(hash);
      eventually().untilAsserted(() -> assertThat(browser.text()).contains(expected));
      assertThat(browser.findAll(By.cssSelector("main .error"))).as(hash).isEmpty();
      if (hash.startsWith("stages?id=" + restId) || hash.startsWith("apis?id=" + restId)) {
        browser.screenshot(hash.substring(0, hash.indexOf('?')));
      }
    });
    assertThat(browser.errors()).isEmpty();
  }

  @Test
  void anApiKeyValueShowsOnlyWhenAsked() {
    browser.page("usage");
    assertThat(browser.text()).doesNotContain(keyValue);
    browser.find(By.cssSelector("button.show-key")).click();
    eventually().untilAsserted(() -> assertThat(browser.find(By.cssSelector(".key-value")).getText()).isEqualTo(keyValue));
  }

  @Test
  void theRequestsChartDrawsTheTrafficsDataPoints() {
    browser.page("metrics?id=" + restId + "&stage=dev&range=900");
    eventually().untilAsserted(() -> assertThat(points("Requests")).isPositive());
    assertThat(browser.findAll(By.cssSelector(".chart[data-title='Requests'] canvas"))).isNotEmpty();
    eventually().untilAsserted(() -> assertThat(browser.text()).contains(keyIdOf()));
    browser.screenshot("metrics");
  }

  @Test
  void theChartsFollowNewTrafficWithoutAReload() throws Exception {
    // The HTTP API: no canary takes a share of its requests to another Stage dimension.
    browser.page("metrics?id=" + httpId + "&stage=%24default&range=900");
    eventually().untilAsserted(() -> assertThat(chart("Requests").getAttribute("data-total")).isNotNull());
    double before = total("Requests");
    try (HostStyleClient client = new HostStyleClient(server.port())) {
      for (int i = 0; i < 3; i++) {
        assertThat(client.get(httpId, "/orders").status()).isEqualTo(200);
      }
    }
    eventually().untilAsserted(() -> assertThat(total("Requests")).isGreaterThanOrEqualTo(before + 3));
  }

  @Test
  void aCanaryIsPromotedFromTheStagesPage() {
    var api = aws.createRestApi(r -> r.name("canaries"));
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET").authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(api.rootResourceId()).httpMethod("GET").type(IntegrationType.MOCK));
    aws.createDeployment(r -> r.restApiId(api.id()).stageName("live"));
    String canary = aws.createDeployment(r -> r.restApiId(api.id()).stageName("live")
        .canarySettings(c -> c.percentTraffic(25.0).stageVariableOverrides(Map.of("color", "green")))).id();
    browser.page("stages?id=" + api.id());
    assertThat(browser.text()).contains("25% → " + canary);
    browser.find(By.cssSelector("button.promote")).click();
    browser.driver().switchTo().alert().accept();
    eventually().untilAsserted(() -> assertThat(browser.text()).contains("none").doesNotContain("25% →"));
    var stage = aws.getStage(r -> r.restApiId(api.id()).stageName("live"));
    assertThat(stage.deploymentId()).isEqualTo(canary);
    assertThat(stage.canarySettings()).isNull();
    assertThat(stage.variables()).containsEntry("color", "green");
  }

  @Test
  void anApiIsExportedAndImportedOnTheOpenApiPage() {
    browser.page("openapi?id=" + restId + "&stage=dev");
    browser.find(By.id("export-button")).click();
    eventually().untilAsserted(() -> assertThat(browser.find(By.id("export")).getAttribute("value"))
        .contains("\"openapi\": \"3.0.1\"").contains("/items").contains("x-amazon-apigateway-integration"));
    var form = browser.find(By.id("import"));
    form.findElement(By.name("definition")).sendKeys(
        "openapi: 3.0.1\ninfo:\n  title: imported-from-console\n  version: '1'\npaths:\n  /hello:\n    get:\n"
        + "      x-amazon-apigateway-integration:\n        type: mock\n        requestTemplates:\n"
        + "          application/json: '{\"statusCode\": 200}'\n");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    browser.awaitReady("apis");
    eventually().untilAsserted(() -> assertThat(browser.text()).contains("imported-from-console").contains("/hello"));
  }

  @Test
  void aPutDashboardDashboardIsDrawnAsCharts() {
    browser.page("dashboards?name=pets-board");
    eventually().untilAsserted(() -> assertThat(points("Pets requests")).isPositive());
    browser.screenshot("dashboard");
  }

  @Test
  void aTestInvokeShowsTheAnswerAndTheExecutionLog() {
    browser.page("testinvoke?id=" + restId);
    browser.find(By.cssSelector("#invoke button[type=submit]")).click();
    eventually().untilAsserted(() -> assertThat(browser.find(By.id("invoke-status")).getText()).isEqualTo("200"));
    assertThat(browser.find(By.id("invoke-log")).getText()).contains("Method request path");
    browser.screenshot("test-invoke");
  }

  @Test
  void theLiveTailShowsANewLineAndFilters() {
    browser.page("logs?group=%2Fconsole%2Ftail");
    eventually().untilAsserted(() -> assertThat(browser.find(By.id("tail")).getText()).contains("first line"));
    logs.putLogEvents(r -> r.logGroupName("/console/tail").logStreamName("web")
        .logEvents(e -> e.timestamp(System.currentTimeMillis()).message("a new line")));
    eventually().untilAsserted(() -> assertThat(browser.find(By.id("tail")).getText()).contains("a new line"));
    browser.page("logs?group=%2Fconsole%2Ftail&filter=new");
    eventually().untilAsserted(() -> assertThat(browser.find(By.id("tail")).getText()).contains("a new line"));
    assertThat(browser.find(By.id("tail")).getText()).doesNotContain("first line");
  }

  @Test
  void theLiveTailShowsANewAccessLogLine() {
    String apiId = v2.createApi(r -> r.name("logged").protocolType(ProtocolType.HTTP)).apiId();
    String proxy = v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("ANY")
        .integrationUri(echo.url()).payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("$default").target("integrations/" + proxy));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true).accessLogSettings(a -> a
        .destinationArn("arn:aws:logs:us-east-1:000000000000:log-group:/console/access")
        .format("$context.requestId $context.httpMethod $context.path $context.status $context.responseLatency ms")));
    try (HostStyleClient client = new HostStyleClient(server.port())) {
      eventually().untilAsserted(() -> assertThat(client.get(apiId, "/orders/first").status()).isEqualTo(200));
      eventually().until(() -> !logs.describeLogGroups(r -> r.logGroupNamePrefix("/console/access")).logGroups().isEmpty());
      browser.page("logs?group=%2Fconsole%2Faccess");
      eventually().untilAsserted(() -> assertThat(browser.find(By.id("tail")).getText()).contains("GET /orders/first 200"));
      assertThat(client.get(apiId, "/orders/second").status()).isEqualTo(200);
      eventually().untilAsserted(() -> assertThat(browser.find(By.id("tail")).getText()).contains("GET /orders/second 200"));
    }
    browser.screenshot("logs");
  }

  private static void traffic(int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.pathStyle(restId, "dev", "/items"))
          .header("x-api-key", keyValue).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);
    }
  }

  private static WebElement chart(String title) {
    return browser.find(By.cssSelector(".chart[data-title='" + title + "']"));
  }

  private static double total(String title) {
    String value = chart(title).getAttribute("data-total");
    return value == null ? 0 : Double.parseDouble(value);
  }

  private static double points(String title) {
    String value = browser.find(By.cssSelector(".chart[data-title='" + title + "']")).getAttribute("data-points");
    return value == null ? 0 : Double.parseDouble(value);
  }

  private static String keyIdOf() {
    return aws.getApiKeys(r -> r.nameQuery("mobile")).items().get(0).id();
  }
}
