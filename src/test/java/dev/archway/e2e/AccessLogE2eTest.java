package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.config.Observability;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Access logs as a user sets them up: a stage's {@code accessLogSettings} (REST, HTTP and WebSocket
 * APIs) write one line per request in the stage's format to the log group its {@code destinationArn}
 * names, created on the first line; read back with CloudWatch Logs' FilterLogEvents; and a copy of
 * every line in the {@code --access-log} file.
 */
class AccessLogE2eTest {
  static final Path COPY = tempFile();
  @RegisterExtension static final ArchwayServer server =
      new ArchwayServer(s -> s.withObservability(s.observability().withAccessLog(COPY)));
  static ApiGatewayClient aws;
  static ApiGatewayV2Client v2;
  static CloudWatchLogsClient logs;

  static Path tempFile() {
    try {
      return Files.createTempFile("access", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  static void clients() {
    aws = server.client();
    v2 = V2Clients.of(server);
    logs = CloudWatchClients.logs(server.adminPort());
  }

  @AfterAll
  static void close() throws IOException {
    v2.close();
    logs.close();
    Files.deleteIfExists(COPY);
  }

  static String arn(String group) {
    return "arn:aws:logs:us-east-1:000000000000:log-group:" + group;
  }

  static List<String> lines(String group, String pattern) {
    return logs.filterLogEventsPaginator(r -> r.logGroupName(group).filterPattern(pattern)).events().stream()
        .map(FilteredLogEvent::message).toList();
  }

  static boolean groupExists(String group) {
    return !logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().isEmpty();
  }

  @Test
  void restStageWritesClfLinesToItsLogGroupAndTheCopy() throws Exception {
    String apiId = KeyedApi.create(aws, "logged").get("pets", false).deploy("prod").id;
    String clf = "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime]"
        + " \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength"
        + " $context.requestId";
    aws.updateStage(r -> r.restApiId(apiId).stageName("prod").patchOperations(
        p -> p.op(Op.REPLACE).path("/accessLogSettings/destinationArn").value(arn("rest-access")),
        p -> p.op(Op.REPLACE).path("/accessLogSettings/format").value(clf)));

    HttpResponse<String> ok = KeyedApi.call(server.pathStyle(apiId, "prod", "/pets"), null);
    HttpResponse<String> missing = KeyedApi.call(server.pathStyle(apiId, "prod", "/cats"), null);
    String okId = ok.headers().firstValue("x-amzn-RequestId").orElseThrow();
    String missingId = missing.headers().firstValue("x-amzn-RequestId").orElseThrow();

    await().until(() -> groupExists("rest-access") && lines("rest-access", "").size() == 2);
    assertThat(lines("rest-access", "\"" + okId + "\"")).singleElement().asString()
        .matches("127\\.0\\.0\\.1 - - \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000] \"GET /pets HTTP/1\\.1\" 200 11 "
            + okId);
    // No route: no resource path, AWS's 403 body (42 bytes).
    assertThat(lines("rest-access", "\"" + missingId + "\"")).singleElement().asString()
        .endsWith("\"GET - HTTP/1.1\" 403 42 " + missingId);
    await().until(() -> Files.readString(COPY).contains(okId) && Files.readString(COPY).contains(missingId));
  }

  @Test
  void httpApiStageWritesJsonLinesThatFilterPatternsRead() {
    String apiId = v2.createApi(r -> r.name("json-logged").protocolType(ProtocolType.HTTP)).apiId();
    String mock = v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("GET")
        .integrationUri("http://127.0.0.1:1/down").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /down").target("integrations/" + mock));
    String json = "{\"requestId\":\"$context.requestId\",\"routeKey\":\"$context.routeKey\",\"status\":$context.status,"
        + "\"error\":\"$context.error.message\",\"integrationError\":\"$context.integrationErrorMessage\"}";
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true)
        .accessLogSettings(a -> a.destinationArn(arn("/aws/http/json-logged")).format(json)));

    try (HostStyleClient client = new HostStyleClient(server.port())) {
      assertThat(client.get(apiId, "/down").status()).isEqualTo(500);
      assertThat(client.get(apiId, "/nowhere").status()).isEqualTo(404);
    }

    await().until(() -> groupExists("/aws/http/json-logged") && lines("/aws/http/json-logged", "").size() == 2);
    assertThat(lines("/aws/http/json-logged", "{ $.status = 404 }")).singleElement().asString()
        .contains("\"routeKey\":\"-\"", "\"error\":\"Not Found\"");
    assertThat(lines("/aws/http/json-logged", "{ $.routeKey = \"GET /down\" }")).singleElement().asString()
        .contains("\"status\":500", "\"error\":\"Internal Server Error\"",
            "\"integrationError\":\"Execution failed: cannot reach http://127.0.0.1:1/down: ");
  }

  @Test
  void webSocketStageLogsEachEvent() throws Exception {
    String apiId = v2.createApi(r -> r.name("ws-logged").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action")).apiId();
    String mock = v2.createIntegration(r -> r.apiId(apiId).integrationType("MOCK")
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("$default").target("integrations/" + mock));
    v2.createStage(r -> r.apiId(apiId).stageName("live").accessLogSettings(a -> a.destinationArn(arn("ws-access"))
        .format("$context.eventType $context.routeKey $context.status $context.connectionId $context.requestId")));
    v2.createDeployment(r -> r.apiId(apiId).stageName("live"));

    WebSocketClient client = WebSocketClient.open(
        URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + apiId + "/live/_user_request_/"));
    client.send("{\"action\":\"anything\"}");
    await().until(() -> groupExists("ws-access") && lines("ws-access", "").size() == 2);
    client.close();

    List<String> events = lines("ws-access", "");
    assertThat(events.get(0)).matches("CONNECT \\$connect 200 \\S{16} [0-9a-f-]{36}");
    assertThat(events.get(1)).matches("MESSAGE \\$default 200 \\S{16} [0-9a-f-]{36}");
    assertThat(events.get(0).split(" ")[3]).isEqualTo(events.get(1).split(" ")[3]); // the same connection
  }
}
