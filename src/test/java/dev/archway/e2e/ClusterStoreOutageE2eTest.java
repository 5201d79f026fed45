package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.StartFailure;
import dev.archway.cluster.LastKnownConfig;
import dev.archway.model.Json;
import dev.archway.store.JdbcStore;
import dev.archway.store.Kind;
import dev.archway.store.StoreSnapshot;
import dev.archway.testing.ArchwayCluster;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;

/**
 * PostgreSQL goes away under three nodes (AWS-BEHAVIOUR §B): they keep serving what they knew, a
 * node restarted meanwhile serves its checksummed snapshot (a corrupt one is refused), management
 * answers 503 with Retry-After, and everything works again without a restart once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterStoreOutageE2eTest {
  @RegisterExtension
  static final ArchwayCluster CLUSTER = ArchwayCluster.withOwnServers(3, UnaryOperator.identity());
  static String api;

  @Test
  @Order(1)
  void whileTheDatabaseIsAwayNodesServeManagementAnswers503AndHealthSaysStale() throws Exception {
    ApiGatewayClient a = CLUSTER.client(0);
    api = a.createRestApi(r -> r.name("outage")).id();
    String root = a.getResources(r -> r.restApiId(api)).items().get(0).id();
    AuthFixtures.guarded(a, api, root, "hello", "GET", "NONE", null, null, "{\"still\": \"here\"}");
    a.createDeployment(r -> r.restApiId(api).stageName("dev"));
    for (int node = 0; node < 3; node++) {
      int n = node;
      await().atMost(Duration.ofSeconds(5)).until(() -> snapshotServes(n));
    }

    CLUSTER.postgres().stop();

    for (int node = 0; node < 3; node++) {
      for (int i = 0; i < 20; i++) {
        assertThat(AuthFixtures.get(CLUSTER.invoke(node, api, "dev", "/hello")).body()).isEqualTo("{\"still\": \"here\"}");
      }
    }
    assertThatThrownBy(() -> CLUSTER.client(1).createRestApi(r -> r.name("refused")))
        .isInstanceOfSatisfying(ApiGatewayException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    HttpResponse<String> raw = AuthFixtures.HTTP.send(HttpRequest.newBuilder(CLUSTER.admin(2, "/restapis"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"refused\"}")).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(503);
    assertThat(raw.headers().firstValue("Retry-After")).contains("5");
    assertThat(raw.headers().firstValue("x-amzn-ErrorType")).contains("ServiceUnavailableException");
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      JsonNode ready = Json.MAPPER.readTree(AuthFixtures.get(CLUSTER.admin(0, "/health/ready")).body());
      assertThat(ready.path("status").asText()).isEqualTo("stale config");
      assertThat(ready.path("store").asText()).isEqualTo("unreachable");
    });
  }

  @Test
  @Order(2)
  void aNodeRestartedDuringTheOutageServesItsSnapshotAndRefusesACorruptOne() throws Exception {
    CLUSTER.stop(2);
    CLUSTER.start(2);
    assertThat(AuthFixtures.get(CLUSTER.invoke(2, api, "dev", "/hello")).body()).isEqualTo("{\"still\": \"here\"}");

    CLUSTER.stop(2);
    Path snapshot = LastKnownConfig.file(CLUSTER.dataDir(2));
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(snapshot, bytes);
    assertThatThrownBy(() -> CLUSTER.start(2)).isInstanceOf(StartFailure.class)
        .hasMessageContaining("snapshot").hasMessageContaining("corrupt");
  }

  @Test
  @Order(3)
  void whenTheDatabaseReturnsEverythingWorksAgainWithinFiveSeconds() throws Exception {
    CLUSTER.postgres().restart();

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
      JsonNode ready = Json.MAPPER.readTree(AuthFixtures.get(CLUSTER.admin(1, "/health/ready")).body());
      assertThat(ready.path("status").asText()).isEqualTo("ready");
      CLUSTER.client(1).createRestApi(r -> r.name("after"));
    });
    ApiGatewayClient b = CLUSTER.client(1);
    b.createDeployment(r -> r.restApiId(api).stageName("prod"));
    await().atMost(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(AuthFixtures.get(CLUSTER.invoke(0, api, "prod", "/hello")).statusCode()).isEqualTo(200));
    // A node whose snapshot is corrupt starts while the database answers, and writes a whole one again.
    CLUSTER.start(2);
    assertThat(AuthFixtures.get(CLUSTER.invoke(2, api, "prod", "/hello")).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> snapshotServes(2));
  }

  /** Whether node {@code n}'s snapshot is whole and holds the API's stage. */
  private static boolean snapshotServes(int n) {
    Path file = LastKnownConfig.file(CLUSTER.dataDir(n));
    if (!Files.exists(file)) {
      return false;
    }
    try (JdbcStore snapshot = StoreSnapshot.read(file)) {
      return snapshot.read(docs -> docs.get(Kind.STAGE, api, "dev")).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
