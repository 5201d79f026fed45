package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.EchoBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Execution logs as a user turns them on: a REST stage's {@code loggingLevel} (and
 * {@code dataTraceEnabled}) write AWS's execution-log lines, the ones TestInvokeMethod returns, to
 * {@code API-Gateway-Execution-Logs_{restApiId}/{stageName}}, credentials redacted; a method set to
 * {@code ERROR} logs only its failures; a failed integration call always leaves one WARN line.
 */
class ExecutionLogE2eTest {
  static final String SECRET = "Bearer very-secret-token-7f3a";
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();
  static ApiGatewayClient aws;
  static CloudWatchLogsClient logs;
  static NonProxyApi api;
  static String group;

  @BeforeAll
  static void api() {
    aws = server.client();
    logs = CloudWatchClients.logs(server.adminPort());
    api = new NonProxyApi(aws, "executed");
    proxy("echo", backend.url() + "/echo");
    proxy("down", "http://127.0.0.1:1/down");
    api.deploy("prod", Map.of(), server.pathStyle(api.id, "prod", "/echo"), "GET");
    aws.updateStage(r -> r.restApiId(api.id).stageName("prod").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("INFO"),
        p -> p.op(Op.REPLACE).path("/*/*/logging/dataTrace").value("true"),
        p -> p.op(Op.REPLACE).path("/~1down/GET/logging/loglevel").value("ERROR")));
    group = "API-Gateway-Execution-Logs_" + api.id + "/prod";
  }

  @AfterAll
  static void close() {
    logs.close();
  }

  static void proxy(String name, String uri) {
    String resource = api.resource(api.root, name);
    api.method(resource, "GET");
    api.integration(resource, "GET", r -> r.type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri(uri));
  }

  static HttpResponse<String> get(String path) throws Exception {
    return NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", path)).header("Authorization", SECRET));
  }

  static List<String> lines(String requestId) {
    if (logs.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups().isEmpty()) {
      return List.of();
    }
    return logs.filterLogEventsPaginator(r -> r.logGroupName(group).filterPattern("\"(" + requestId + ")\"")).events()
        .stream().map(FilteredLogEvent::message).toList();
  }

  @Test
  void infoWithDataTraceLogsWhatTestInvokeShowsWithCredentialsRedacted() throws Exception {
    HttpResponse<String> ok = get("/echo");
    assertThat(ok.statusCode()).isEqualTo(200);
    String id = requestId(ok);
    await().until(() -> lines(id).stream().anyMatch(l -> l.contains("Method completed with status: 200")));

    List<String> lines = lines(id);
    assertThat(lines).allMatch(l -> l.startsWith("(" + id + ") "));
    // The echo backend answers the headers it got: only its body, which the log shows as it is, has the token.
    assertThat(lines).filteredOn(l -> !l.contains("Endpoint response body")).noneMatch(l -> l.contains("very-secret"));
    assertThat(lines.stream().map(l -> l.substring(id.length() + 3)).toList()).startsWith(
        "Starting execution for request: " + id, "HTTP Method: GET, Resource Path: /echo", "Method request path: {}");
    assertThat(lines).anyMatch(l -> l.contains("Method request headers: {") && l.contains("Authorization=****7f3a"))
        .anyMatch(l -> l.contains("Endpoint request URI: " + backend.url() + "/echo"))
        .anyMatch(l -> l.contains("Received response. Status: 200, Integration latency: "))
        .anyMatch(l -> l.contains("Endpoint response body before transformations: {"))
        .endsWith("(" + id + ") Successfully completed execution", "(" + id + ") Method completed with status: 200");
  }

  @Test
  void aMethodAtErrorLogsOnlyItsFailureAndTheServerLogGetsOneWarnLine() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.archway.runtime.AwsCallFailures");
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    logger.addAppender(warnings);
    try {
      HttpResponse<String> failed = get("/down");
      assertThat(failed.statusCode()).isEqualTo(504);
      String id = requestId(failed);

      await().until(() -> !lines(id).isEmpty());
      assertThat(lines(id)).singleElement().asString()
          .startsWith("(" + id + ") Execution failed: cannot reach http://127.0.0.1:1/down: ");
      assertThat(warnings.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
          .extracting(ILoggingEvent::getFormattedMessage).asString()
          .startsWith("request " + id + " on ").contains("Execution failed: cannot reach http://127.0.0.1:1/down: ");
    } finally {
      logger.detachAppender(warnings);
    }
  }

  static String requestId(HttpResponse<String> response) {
    return response.headers().firstValue("x-amzn-RequestId").orElseThrow();
  }
}
