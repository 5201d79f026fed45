package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The usage analytics the console charts: {@code GET /archway/usage} on the management listener
 * answers requests, errors, throttles and latency percentiles of an API's stage by route, and of
 * one API key, from the {@code Archway/Usage} metrics the traffic produced.
 */
class UsageAnalyticsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static ApiGatewayClient aws;
  static KeyedApi api;
  static String keyId;

  @BeforeAll
  static void traffic() throws Exception {
    aws = server.client();
    api = KeyedApi.create(aws, "charted").get("pets", true).get("cats", false).deploy("prod");
    String planId = aws.createUsagePlan(r -> r.name("charted").apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    var key = aws.createApiKey(r -> r.name("charted").enabled(true));
    aws.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    keyId = key.id();
    for (int i = 0; i < 3; i++) {
      await().until(() -> KeyedApi.call(server.pathStyle(api.id, "prod", "/pets"), key.value()).statusCode() == 200);
    }
    assertThat(KeyedApi.call(server.pathStyle(api.id, "prod", "/pets"), null).statusCode()).isEqualTo(403);
    for (int i = 0; i < 2; i++) {
      assertThat(KeyedApi.call(server.pathStyle(api.id, "prod", "/cats"), null).statusCode()).isEqualTo(200);
    }
  }

  static HttpResponse<String> usage(String query) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/archway/usage?" + query))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Map<String, JsonObject> totalsByRoute() throws Exception {
    JsonArray series = new JsonObject(usage("apiId=" + api.id + "&stage=prod&by=Route").body()).getJsonArray("series");
    Map<String, JsonObject> out = new HashMap<>();
    for (int i = 0; i < series.size(); i++) {
      JsonObject one = series.getJsonObject(i);
      out.put(one.getJsonObject("dimensions").getString("Route"), one.getJsonObject("totals"));
    }
    return out;
  }

  @Test
  void aStageByRouteCountsRequestsAndClientErrors() throws Exception {
    await().until(() -> totalsByRoute().containsKey("GET /pets") && totalsByRoute().get("GET /pets").getLong("requests") == 4
        && totalsByRoute().containsKey("GET /cats") && totalsByRoute().get("GET /cats").getLong("requests") == 2);
    JsonObject pets = totalsByRoute().get("GET /pets");
    assertThat(pets.getLong("4xx")).isEqualTo(1);
    assertThat(pets.getLong("5xx")).isZero();
    assertThat(pets.getLong("throttled")).isZero();
    assertThat(pets.getJsonObject("latencyMs").fieldNames()).contains("average", "maximum", "p50", "p90", "p99");
  }

  @Test
  void anApiKeysRequestsHaveTheirOwnSeriesOverTime() throws Exception {
    await().until(() -> new JsonObject(usage("apiKeyId=" + keyId + "&period=300").body()).getJsonArray("series")
        .getJsonObject(0).getJsonObject("totals").getLong("requests") == 3);
    JsonObject answer = new JsonObject(usage("apiKeyId=" + keyId + "&period=300").body());
    assertThat(answer.getInteger("period")).isEqualTo(300);
    JsonObject series = answer.getJsonArray("series").getJsonObject(0);
    assertThat(series.getJsonObject("dimensions").getMap()).isEqualTo(Map.of("ApiKeyId", keyId));
    assertThat(series.getJsonArray("points")).isNotEmpty();
    assertThat(series.getJsonArray("points").getJsonObject(0).getString("timestamp")).endsWith(":00Z");
  }

  @Test
  void aQueryWithoutAnApiOrKeyIsRefusedWithItsReason() throws Exception {
    HttpResponse<String> refused = usage("stage=prod");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(refused.body()).getString("message")).isEqualTo("apiId or apiKeyId is required");
    assertThat(usage("apiId=x&period=" + q("7")).statusCode()).isEqualTo(400);
  }
}
