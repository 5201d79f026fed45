package dev.archway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.cloudwatch.metrics.Aggregate;
import dev.archway.cloudwatch.metrics.MetricId;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AWS's metric names, units and dimensions of each kind of API, from counted request logs. */
class ApiGatewayMetricsTest {
  private final Map<String, Aggregate> out = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();

  private void collect(RouteTelemetry route, RouteCounters counters) {
    ApiGatewayMetrics.emit(route, counters, (metric, unit, value) -> {
      out.put(key(metric), value);
      units.put(metric.metricName(), unit);
    });
  }

  private static String key(MetricId metric) {
    return metric.metricName() + " " + metric.dimensions().stream().map(d -> d.name() + "=" + d.value())
        .collect(Collectors.joining(","));
  }

  private static RequestLog log(int status, int integrationStatus, Boolean cacheHit, String errorType) {
    RequestLog log = new RequestLog(System.nanoTime() - 3_000_000);
    log.context(RequestContext.arrived("a1", "dev", "d1", "h", "/dev/x", null, null, null, "GET", "HTTP/1.1", "1.2.3.4",
        null, null, 8080, null));
    log.addRequestBytes(100);
    if (integrationStatus >= 0) {
      log.integrationEnded(System.nanoTime() - 1_000_000);
      log.integrationStatus(integrationStatus);
    }
    if (cacheHit != null) {
      log.cacheHit(cacheHit);
    }
    if (errorType != null) {
      log.errorType(errorType);
    }
    log.complete(status, 50, RequestLogSink.NONE);
    return log;
  }

  private static RouteCounters counted(RequestLog... logs) {
    RouteCounters counters = new RouteCounters();
    for (RequestLog log : logs) {
      counters.record(log, true);
    }
    return counters;
  }

  @Test
  void restMethodsCountByApiNameStageAndWithDetailedMetricsResourceAndMethod() {
    StageTelemetry stage = StageTelemetry.rest(null, "a1", "Pets \u00e9t\u00e9", "dev");
    RouteTelemetry method = stage.route("/pets/{id}", "GET", true);

    collect(method, counted(log(200, 200, true, null), log(404, 404, false, null), log(502, -1, false, "INTEGRATION_FAILURE")));

    assertThat(out.keySet().stream().filter(k -> k.startsWith("Count "))).containsExactly(
        "Count ApiName=Pets t",
        "Count ApiName=Pets t,Stage=dev",
        "Count ApiName=Pets t,Method=GET,Resource=/pets/{id},Stage=dev");
    assertThat(out.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).distinct()).containsExactly(
        "Count", "4XXError", "5XXError", "Latency", "IntegrationLatency", "CacheHitCount", "CacheMissCount");
    assertThat(out.get("Count ApiName=Pets t,Stage=dev").sum()).isEqualTo(3);
    Aggregate clientErrors = out.get("4XXError ApiName=Pets t,Stage=dev");
    assertThat(clientErrors.sum()).isEqualTo(1);
    assertThat(clientErrors.sampleCount()).isEqualTo(3);
    assertThat(out.get("5XXError ApiName=Pets t,Stage=dev").sum()).isEqualTo(1);
    assertThat(out.get("CacheHitCount ApiName=Pets t,Stage=dev").sum()).isEqualTo(1);
    assertThat(out.get("CacheMissCount ApiName=Pets t,Stage=dev").sum()).isEqualTo(2);
    assertThat(out.get("Latency ApiName=Pets t,Stage=dev").minimum()).isGreaterThanOrEqualTo(3.0);
    assertThat(out.get("IntegrationLatency ApiName=Pets t,Stage=dev").sampleCount()).isEqualTo(2);
    assertThat(units).containsEntry("Count", "Count").containsEntry("Latency", "Milliseconds")
        .containsEntry("4XXError", "Count");
  }

  @Test
  void withoutDetailedMetricsAndForUnroutedRequestsOnlyApiAndStageLevels() {
    StageTelemetry stage = StageTelemetry.rest(null, "a1", "\u00e9\u00e9", "dev");
    collect(stage.route("/pets", "GET", false), counted(log(200, 200, null, null)));
    collect(stage.unrouted(), counted(log(403, -1, null, "MISSING_AUTHENTICATION_TOKEN")));

    // A name without ASCII characters is replaced by the API id; no cache, no cache metrics.
    assertThat(out.keySet()).contains("Count ApiName=a1", "Count ApiName=a1,Stage=dev")
        .noneMatch(k -> k.contains("Resource=")).noneMatch(k -> k.startsWith("Cache"));
  }

  @Test
  void canaryRequestsCountUnderTheCanaryStage() {
    RouteTelemetry method = StageTelemetry.rest(null, "a1", "pets", "dev").route("/pets", "GET", true);
    collect(method.canary(), counted(log(200, 200, null, null)));

    assertThat(method.canary().canary()).isSameAs(method.canary());
    assertThat(out.keySet()).contains("Count ApiName=pets", "Count ApiName=pets,Stage=dev/Canary",
        "Count ApiName=pets,Method=GET,Resource=/pets,Stage=dev/Canary");
  }

  @Test
  void httpApisCountByApiIdStageAndRouteWithDataProcessed() {
    RouteTelemetry route = StageTelemetry.http("111111111111:eu-west-1", "h1", "$default").route("GET /items", null, true);
    collect(route, counted(log(200, 200, null, null), log(500, -1, null, "INTEGRATION_FAILURE")));

    assertThat(out.keySet().stream().map(k -> k.substring(0, k.indexOf(' '))).distinct()).containsExactly(
        "Count", "4xx", "5xx", "Latency", "IntegrationLatency", "DataProcessed");
    assertThat(out.keySet()).contains("Count ApiId=h1", "Count ApiId=h1,Stage=$default",
        "Count ApiId=h1,Route=GET /items,Stage=$default");
    Aggregate processed = out.get("DataProcessed ApiId=h1,Stage=$default");
    assertThat(processed.sum()).isEqualTo(300);
    assertThat(processed.maximum()).isEqualTo(150);
    assertThat(units).containsEntry("DataProcessed", "Bytes");
  }

  @Test
  void webSocketEventsCountConnectionsMessagesAndErrorsByKind() {
    StageTelemetry stage = StageTelemetry.webSocket(null, "w1", "live", List.of("$connect", "$disconnect", "send"),
        key -> key.equals("send"));
    collect(stage.webSocketRoute("$connect"), counted(log(200, 200, null, null)));
    Map<String, Aggregate> connect = new LinkedHashMap<>(out);
    out.clear();
    // A reply, an integration answering 500, a failed call, and a message no route took.
    collect(stage.webSocketRoute("send"), counted(log(200, 200, null, null), log(200, 500, null, null),
        log(500, -1, null, null)));
    collect(stage.unrouted(), counted(log(403, -1, null, null)));

    assertThat(connect.get("ConnectCount ApiId=w1,Stage=live").sum()).isEqualTo(1);
    assertThat(connect.keySet()).noneMatch(k -> k.startsWith("MessageCount"));
    assertThat(out.get("MessageCount ApiId=w1,Route=send,Stage=live").sum()).isEqualTo(6); // 3 in, 3 answered
    assertThat(out.get("IntegrationError ApiId=w1,Route=send,Stage=live").sum()).isEqualTo(1);
    assertThat(out.get("ExecutionError ApiId=w1,Route=send,Stage=live").sum()).isEqualTo(1);
    assertThat(out.get("ClientError ApiId=w1,Stage=live").sum()).isEqualTo(1); // the unrouted one, last put
  }

  @Test
  void usageSeriesCountPerApiKeyAndRoute() {
    RouteTelemetry method = StageTelemetry.rest(null, "a1", "pets", "dev").route("/pets", "GET", false);
    RequestLog keyed = log(200, 200, null, null);
    keyed.apiKeyId("k1");
    RequestLog throttled = log(429, -1, null, "THROTTLED");
    throttled.apiKeyId("k1");
    Map<String, Aggregate> usage = new LinkedHashMap<>();
    UsageMetrics.emit(method, counted(keyed, throttled, log(200, 200, null, null)),
        (metric, unit, value) -> usage.put(key(metric), value));

    assertThat(usage.get("Count ApiId=a1,Route=GET /pets,Stage=dev").sum()).isEqualTo(3);
    assertThat(usage.get("Count ApiKeyId=k1").sum()).isEqualTo(2);
    assertThat(usage.get("Throttled ApiId=a1,ApiKeyId=k1,Stage=dev").sum()).isEqualTo(1);
    assertThat(usage.get("Count ApiId=a1,ApiKeyId=k1,Route=GET /pets,Stage=dev").sum()).isEqualTo(2);
    assertThat(usage.keySet()).allMatch(k -> !k.contains("ApiName"));
  }
}
