package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** The embedded store across restarts and {@code kill -9}: nothing acknowledged is lost, nothing is half-written. */
class StoreDurabilityE2eTest {
  private static final Pattern LISTENING = Pattern.compile("serving APIs on [^:]+:(\\d+) and the management API on [^:]+:(\\d+)");

  @TempDir Path dataDir;
  private Process child;

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void restartServesEveryDeployedStageAgain() throws Exception {
    String apiId;
    try (Archway first = Archway.start(Settings.forTests(dataDir))) {
      ApiGatewayClient aws = ArchwayServer.client(first.adminPort(), Region.US_EAST_1, "AKID", "secret");
      apiId = Fixtures.mockApi(aws, "survivor", "{\"alive\":true}");
      aws.createDeployment(r -> r.restApiId(apiId).stageName("prod"));
      assertThat(get(first.port(), apiId, "prod").body()).isEqualTo("{\"alive\":true}");
    }
    try (Archway second = Archway.start(Settings.forTests(dataDir))) {
      HttpResponse<String> response = get(second.port(), apiId, "prod");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"alive\":true}");
      ApiGatewayClient aws = ArchwayServer.client(second.adminPort(), Region.US_EAST_1, "AKID", "secret");
      assertThat(aws.getStage(r -> r.restApiId(apiId).stageName("prod")).deploymentId()).isNotBlank();
    }
  }

  @Test
  void killDashNineLosesNoAcknowledgedWrite() throws Exception {
    int adminPort = startChild();
    ApiGatewayClient aws = ArchwayServer.client(adminPort, Region.US_EAST_1, "AKID", "secret");
    List<String> acknowledged = new ArrayList<>();
    CompletableFuture<Void> killer = new CompletableFuture<>();
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      try {
        acknowledged.add(aws.createRestApi(r -> r.name("write-" + n).description("d".repeat(1 + n % 50))).id());
      } catch (SdkException e) {
        break; // the process is gone: this write was never acknowledged
      }
      if (acknowledged.size() == 40) {
        // Kill from another thread while writes are in flight, as a crash would.
        CompletableFuture.runAsync(() -> {
          child.destroyForcibly();
          killer.complete(null);
        });
      }
    }
    killer.get(30, TimeUnit.SECONDS);
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    aws.close();

    try (Archway restarted = Archway.start(Settings.forTests(dataDir))) {
      ApiGatewayClient after = ArchwayServer.client(restarted.adminPort(), Region.US_EAST_1, "AKID", "secret");
      List<String> ids = after.getRestApisPaginator(r -> r.limit(500)).items().stream().map(a -> a.id()).toList();
      assertThat(ids).containsAll(acknowledged);
      for (String id : ids) {
        var api = after.getRestApi(r -> r.restApiId(id));
        assertThat(api.name()).startsWith("write-");
        assertThat(after.getResource(r -> r.restApiId(id).resourceId(api.rootResourceId())).path())
            .as("every API comes back whole, with its root resource").isEqualTo("/");
      }
    }
  }

  /** Starts {@code archway serve} in a child JVM on free ports and returns its management port. */
  private int startChild() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.archway.Main", "serve",
        "--data-dir", dataDir.toString(), "--port", "0", "--admin-port", "0")
        .redirectErrorStream(true)
        .start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
      try {
        for (String line; (line = out.readLine()) != null; ) {
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            CompletableFuture.runAsync(() -> out.lines().forEach(l -> { }));
            return Integer.parseInt(m.group(2));
          }
        }
        throw new IllegalStateException("child exited before listening");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return port.get(60, TimeUnit.SECONDS);
  }

  private static HttpResponse<String> get(int port, String apiId, String stage) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/restapis/" + apiId + "/" + stage + "/_user_request_/hello")).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

}
