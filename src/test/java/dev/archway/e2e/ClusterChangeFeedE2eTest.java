package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayCluster;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** Three nodes on one PostgreSQL: what is written through one node is served by every node within a second. */
class ClusterChangeFeedE2eTest {
  @RegisterExtension
  static final ArchwayCluster CLUSTER = ArchwayCluster.onPostgres(3);

  @Test
  void anApiCreatedThroughNodeAIsServedByNodesBAndCWithinASecond() throws Exception {
    ApiGatewayClient a = CLUSTER.client(0);
    String api = a.createRestApi(r -> r.name("spread")).id();
    String root = a.getResources(r -> r.restApiId(api)).items().get(0).id();
    AuthFixtures.guarded(a, api, root, "hello", "GET", "NONE", null, null, "{\"from\": \"the cluster\"}");
    AuthFixtures.get(CLUSTER.invoke(1, api, "dev", "/warm-up")); // the client's first connection is not the feed's time
    a.createDeployment(r -> r.restApiId(api).stageName("dev"));

    await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
      assertThat(AuthFixtures.get(CLUSTER.invoke(1, api, "dev", "/hello")).body()).isEqualTo("{\"from\": \"the cluster\"}");
      assertThat(AuthFixtures.get(CLUSTER.invoke(2, api, "dev", "/hello")).body()).isEqualTo("{\"from\": \"the cluster\"}");
    });

    // A change through another node travels the other way.
    CLUSTER.client(2).deleteStage(r -> r.restApiId(api).stageName("dev"));
    await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
      assertThat(AuthFixtures.get(CLUSTER.invoke(0, api, "dev", "/hello")).statusCode()).isEqualTo(403);
      assertThat(AuthFixtures.get(CLUSTER.invoke(1, api, "dev", "/hello")).statusCode()).isEqualTo(403);
    });
  }

  @Test
  void everyNodeIsReadyAndSeesTheOthers() throws Exception {
    for (int node = 0; node < 3; node++) {
      int n = node;
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        HttpResponse<String> ready = AuthFixtures.get(CLUSTER.admin(n, "/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode body = Json.MAPPER.readTree(ready.body());
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("node").asText()).isEqualTo(ArchwayCluster.name(n));
        assertThat(body.path("store").asText()).isEqualTo("reachable");
        assertThat(Json.MAPPER.convertValue(body.path("nodes"), List.class)).isEqualTo(List.of("a", "b", "c"));
      });
    }
  }
}
