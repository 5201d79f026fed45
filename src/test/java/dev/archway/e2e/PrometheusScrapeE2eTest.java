package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * {@code GET /metrics} on the management listener, scraped as Prometheus scrapes it: request
 * histograms labelled with route templates (never raw paths), throttled requests by reason,
 * integration latency, and the JVM and Netty gauges.
 */
class PrometheusScrapeE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static ApiGatewayClient aws;
  static String apiId;

  @BeforeAll
  static void api() {
    aws = server.client();
    apiId = KeyedApi.create(aws, "scraped").get("open", false).get("limited", false).deploy("dev").id;
    aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/~1limited/GET/throttling/rateLimit").value("0.1"),
        p -> p.op(Op.REPLACE).path("/~1limited/GET/throttling/burstLimit").value("1")));
  }

  static HttpResponse<String> scrape(String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/metrics"));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The value of the one series whose name and labels contain every part, or -1 when there is none. */
  static double value(String text, String name, String... labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(text);
    double found = -1;
    while (m.find()) {
      String set = m.group(1);
      if (List.of(labels).stream().allMatch(set::contains)) {
        assertThat(found).as("one series of %s with %s", name, List.of(labels)).isEqualTo(-1);
        found = Double.parseDouble(m.group(2));
      }
    }
    return found;
  }

  @Test
  void requestsAreScrapedByRouteTemplateStatusClassAndThrottleReason() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(KeyedApi.call(server.pathStyle(apiId, "dev", "/open"), null).statusCode()).isEqualTo(200);
    }
    assertThat(KeyedApi.call(server.pathStyle(apiId, "dev", "/limited"), null).statusCode()).isEqualTo(200);
    assertThat(KeyedApi.call(server.pathStyle(apiId, "dev", "/limited"), null).statusCode()).isEqualTo(429);
    assertThat(KeyedApi.call(server.pathStyle(apiId, "dev", "/secret-path-12345"), null).statusCode()).isEqualTo(403);
    assertThat(KeyedApi.call(server.pathStyle("nosuchapi", "dev", "/x"), null).statusCode()).isEqualTo(403);

    String api = "api_id=\"" + apiId + "\"";
    await().until(() -> value(scrape(null).body(), "archway_requests_seconds_count", api, "route=\"/open\"") == 3.0);
    HttpResponse<String> response = scrape(null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    String text = response.body();

    assertThat(value(text, "archway_requests_seconds_count", api, "route=\"/open\"", "method=\"GET\"", "status=\"2xx\"",
        "stage=\"dev\"", "kind=\"rest\"", "api_name=\"scraped\"")).isEqualTo(3.0);
    assertThat(value(text, "archway_requests_seconds_bucket", api, "route=\"/open\"", "le=\"30.0\"")).isEqualTo(3.0);
    assertThat(value(text, "archway_requests_seconds_bucket", api, "route=\"/open\"", "le=\"+Inf\"")).isEqualTo(3.0);
    assertThat(value(text, "archway_requests_seconds_count", api, "route=\"/limited\"", "status=\"4xx\"")).isEqualTo(1.0);
    assertThat(value(text, "archway_throttled_requests_total", api, "route=\"/limited\"", "reason=\"throttle\""))
        .isEqualTo(1.0);
    assertThat(value(text, "archway_integration_latency_seconds_count", api, "route=\"/open\"")).isEqualTo(-1); // MOCK
    // The unrouted request counts at stage level (an empty route); its path is never a label.
    assertThat(value(text, "archway_requests_seconds_count", api, "route=\"\"", "status=\"4xx\"")).isEqualTo(1.0);
    assertThat(text).doesNotContain("secret-path-12345").doesNotContain("nosuchapi");
    assertThat(value(text, "archway_requests_without_stage_total")).isEqualTo(-1); // it has no labels:
    assertThat(text).containsPattern("(?m)^archway_requests_without_stage_total [1-9]");

    // JVM, Netty and the server's own gauges.
    assertThat(text).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "process_cpu_usage",
        "netty_allocator_memory_used", "netty_eventexecutor_tasks_pending", "archway_websocket_connections",
        "archway_metric_samples_dropped_total", "archway_log_lines_dropped_total");
  }

  @Test
  void openMetricsIsAnsweredWhenAsked() throws Exception {
    HttpResponse<String> response = scrape("application/openmetrics-text; version=1.0.0");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/openmetrics-text");
    assertThat(response.body()).endsWith("# EOF\n");
  }
}
