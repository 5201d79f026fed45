package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.ArchwayServer.TempFiles;
import dev.archway.testing.RecordingBackend;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * {@code archway serve} in its own process, stopped with SIGTERM while a request to a 3-second
 * backend is in flight: {@code /health/ready} answers 503 at once, new connections are refused, the
 * request in flight is answered, the process logs one line when draining starts and one when it
 * is done, and exits 0.
 */
class GracefulDrainE2eTest {
  private static final Pattern LISTENING =
      Pattern.compile("serving APIs on [^:]+:(\\d+) and the management API on [^:]+:(\\d+)");

  private Path dir;
  private Process process;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private RecordingBackend backend;

  @BeforeEach
  void start() throws Exception {
    dir = Files.createTempDirectory("archway-drain");
    vertx = Vertx.vertx();
    backend = RecordingBackend.start(vertx);
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.archway.Main", "serve",
        "--port", "0", "--admin-port", "0", "--data-dir", dir.resolve("data").toString(), "--drain-timeout", "30")
        .redirectErrorStream(true).start();
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          output.add(line);
        }
      } catch (java.io.IOException ignored) {
        // the process ended
      }
    }, "archway-output");
    reader.setDaemon(true);
    reader.start();
  }

  @AfterEach
  void stop() throws Exception {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    backend.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    TempFiles.deleteTree(dir);
  }

  @Test
  void sigtermAnswersTheRequestInFlightRefusesNewOnesAndExitsZero() throws Exception {
    String started = await().atMost(Duration.ofSeconds(60)).until(
        () -> output.stream().filter(l -> LISTENING.matcher(l).find()).findFirst().orElse(null), found -> found != null);
    Matcher ports = LISTENING.matcher(started);
    assertThat(ports.find()).isTrue();
    int port = Integer.parseInt(ports.group(1));
    int adminPort = Integer.parseInt(ports.group(2));
    String apiId;
    try (ApiGatewayClient aws = ArchwayServer.client(adminPort, Region.US_EAST_1, "AKIDTEST", "secret")) {
      apiId = aws.createRestApi(r -> r.name("drain")).id();
      String root = aws.getResources(r -> r.restApiId(apiId)).items().get(0).id();
      String slow = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("slow")).id();
      aws.putMethod(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").authorizationType("NONE"));
      aws.putIntegration(r -> r.restApiId(apiId).resourceId(slow).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
          .integrationHttpMethod("GET").uri(backend.url() + "/slow/3000"));
      aws.createDeployment(r -> r.restApiId(apiId).stageName("live"));
    }
    HttpClient client = HttpClient.newHttpClient();
    CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/restapis/" + apiId + "/live/_user_request_/slow")).build(),
        HttpResponse.BodyHandlers.ofString());
    await().until(() -> backend.received().size() == 1);

    process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)

    URI ready = URI.create("http://127.0.0.1:" + adminPort + "/health/ready");
    await().until(() -> client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
    await().untilAsserted(() -> assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class));
    assertThat(inFlight.isDone()).isFalse();

    HttpResponse<String> answered = inFlight.get(30, TimeUnit.SECONDS);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).isEqualTo("late");
    assertThat(answered.headers().firstValue("Connection")).hasValue("close");
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    await().untilAsserted(() -> assertThat(output).anyMatch(line -> line.contains("draining:"))
        .anyMatch(line -> line.contains("stopped: drained in")));
  }
}
