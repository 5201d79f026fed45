package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;

/**
 * A canary release on the wire: each request is served whole by the stage's deployment or by the
 * canary's, in the configured share, with the canary's stage variables and
 * {@code $context.isCanaryRequest}; promotion moves everyone to the canary's deployment.
 */
class CanaryTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TEMPLATE = "{\"version\": \"%s\", \"variable\": \"$stageVariables.testVar\","
      + " \"kept\": \"$stageVariables.defaultVar\", \"added\": \"$stageVariables.noStageVar\","
      + " \"isCanary\": \"$context.isCanaryRequest\", \"deploymentId\": \"$context.deploymentId\"}";
  private static ApiGatewayClient aws;
  private static String apiId;
  private static String stable;
  private static String canary;

  @BeforeAll
  static void canaryRelease() {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "canary-traffic", TEMPLATE.formatted("v1"));
    stable = aws.createDeployment(r -> r.restApiId(apiId).stageName("prod")
        .variables(Map.of("testVar", "default", "defaultVar", "default"))).id();
    Fixtures.setMockBody(aws, apiId, Fixtures.resourceId(aws, apiId, "/hello"), TEMPLATE.formatted("v2"));
    canary = aws.createDeployment(r -> r.restApiId(apiId).stageName("prod").canarySettings(c -> c.percentTraffic(0.0)
        .stageVariableOverrides(Map.of("testVar", "canary", "noStageVar", "canary")))).id();
    Fixtures.awaitServing(server.pathStyle(apiId, "prod", "/hello"), "GET");
  }

  @Test
  void theCanaryServesItsShareOfRequestsEachOneWhole() {
    setPercent("0.0");
    JsonNode base = get();
    assertThat(base.get("version").asText()).isEqualTo("v1");
    assertThat(base.get("isCanary").asText()).isEqualTo("false");
    assertThat(base.get("variable").asText()).isEqualTo("default");
    assertThat(base.get("added").asText()).isEmpty();
    assertThat(base.get("deploymentId").asText()).isEqualTo(stable);

    setPercent("10.0");
    List<JsonNode> answers = load(10_000);
    long canaries = 0;
    for (JsonNode answer : answers) {
      boolean isCanary = answer.get("isCanary").asBoolean();
      canaries += isCanary ? 1 : 0;
      // Never a mix: a canary answer is v2 with the canary's variables, a stable one v1 with the stage's.
      assertThat(answer.get("version").asText()).isEqualTo(isCanary ? "v2" : "v1");
      assertThat(answer.get("variable").asText()).isEqualTo(isCanary ? "canary" : "default");
      assertThat(answer.get("added").asText()).isEqualTo(isCanary ? "canary" : "");
      assertThat(answer.get("kept").asText()).isEqualTo("default");
      assertThat(answer.get("deploymentId").asText()).isEqualTo(isCanary ? canary : stable);
    }
    double percent = 100.0 * canaries / answers.size();
    System.out.printf("canary share over %d requests at percentTraffic 10.0: %.2f %%%n", answers.size(), percent);
    assertThat(percent).isBetween(9.0, 11.0);

    setPercent("100.0");
    assertThat(load(200)).allSatisfy(answer -> assertThat(answer.get("version").asText()).isEqualTo("v2"));
  }

  @Test
  void promotionAndRemovalLeaveEveryoneOnTheCanarysDeployment() {
    String api = Fixtures.mockApi(aws, "canary-promote", TEMPLATE.formatted("v1"));
    aws.createDeployment(r -> r.restApiId(api).stageName("prod").variables(Map.of("testVar", "default")));
    Fixtures.setMockBody(aws, api, Fixtures.resourceId(aws, api, "/hello"), TEMPLATE.formatted("v2"));
    aws.createDeployment(r -> r.restApiId(api).stageName("prod")
        .canarySettings(c -> c.percentTraffic(50.0).stageVariableOverrides(Map.of("testVar", "canary"))));

    aws.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value("0.0").build(),
        PatchOperation.builder().op(Op.COPY).from("/canarySettings/deploymentId").path("/deploymentId").build(),
        PatchOperation.builder().op(Op.COPY).from("/canarySettings/stageVariableOverrides").path("/variables").build()));
    await().untilAsserted(() -> assertThat(get(api).get("version").asText()).isEqualTo("v2"));
    assertThat(load(api, 200)).allSatisfy(answer -> {
      assertThat(answer.get("version").asText()).isEqualTo("v2");
      assertThat(answer.get("variable").asText()).isEqualTo("canary");
      assertThat(answer.get("isCanary").asText()).isEqualTo("false");
    });

    aws.updateStage(r -> r.restApiId(api).stageName("prod").patchOperations(
        PatchOperation.builder().op(Op.REMOVE).path("/canarySettings").build()));
    await().untilAsserted(() -> assertThat(get(api).get("isCanary").asText()).isEmpty());
    assertThat(get(api).get("version").asText()).isEqualTo("v2");
  }

  private static void setPercent(String percent) {
    aws.updateStage(r -> r.restApiId(apiId).stageName("prod").patchOperations(
        PatchOperation.builder().op(Op.REPLACE).path("/canarySettings/percentTraffic").value(percent).build()));
    double expected = Double.parseDouble(percent);
    // Published asynchronously: at 0 % or 100 % every answer tells; in between, the stage's settings do.
    await().until(() -> expected == 0.0 ? !get().get("isCanary").asBoolean()
        : expected < 100.0 || get().get("isCanary").asBoolean());
  }

  private static JsonNode get() {
    return get(apiId);
  }

  private static JsonNode get(String api) {
    try {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.pathStyle(api, "prod", "/hello")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      return Json.MAPPER.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static List<JsonNode> load(int requests) {
    return load(apiId, requests);
  }

  /** {@code requests} GETs, 16 at a time, every answer parsed; any failure fails the test. */
  private static List<JsonNode> load(String api, int requests) {
    HttpRequest request = HttpRequest.newBuilder(server.pathStyle(api, "prod", "/hello")).build();
    ConcurrentLinkedQueue<JsonNode> answers = new ConcurrentLinkedQueue<>();
    AtomicInteger left = new AtomicInteger(requests);
    List<CompletableFuture<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      lanes.add(lane(request, left, answers));
    }
    CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).join();
    return List.copyOf(answers);
  }

  private static CompletableFuture<Void> lane(HttpRequest request, AtomicInteger left, ConcurrentLinkedQueue<JsonNode> answers) {
    if (left.getAndDecrement() <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
      try {
        if (response.statusCode() != 200) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        answers.add(Json.MAPPER.readTree(response.body()));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
      return lane(request, left, answers);
    });
  }
}
