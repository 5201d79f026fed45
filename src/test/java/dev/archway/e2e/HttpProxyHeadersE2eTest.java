package dev.archway.e2e;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.LiveStages;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.model.Json;
import dev.archway.runtime.ExecuteServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP_PROXY header handling that the fast paths must keep: dropped headers in any case, ids, Date. */
class HttpProxyHeadersE2eTest {
  static Vertx vertx;
  static EchoBackend backend;
  static HttpProxyIntegration http;
  static ExecuteServer server;
  static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = EchoBackend.start(vertx);
    http = HttpProxyIntegration.create(vertx);
    var api = deployed("hdr1", "d1",
        resource("/echo", "GET", method(httpProxy("GET", backend.url() + "/echo", Map.of(), null))));
    LiveStages live = new LiveStages();
    live.publish("hdr1", Map.of("dev", new DeploymentCompiler(http).compile("hdr1", stage("dev", "d1", Map.of()), api)));
    server = await(ExecuteServer.start(vertx, "127.0.0.1", 0, live));
  }

  @AfterAll
  static void stop() throws Exception {
    await(server.close());
    await(http.close());
    backend.close();
    await(vertx.close());
  }

  @Test
  void headersAwsNeverForwardsAreDroppedWhateverTheirCase() throws Exception {
    HttpResponse<String> r = client.send(request()
        .header("Max-Forwards", "3").header("content-MD5", "Q2hlY2sgSW50ZWdyaXR5IQ==")
        .header("PROXY-CONNECTION", "keep-alive").header("Trailer", "X-Sum").header("www-Authenticate", "Basic")
        .header("X-Kept", "yes").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode headers = Json.MAPPER.readTree(r.body()).get("headers");
    assertThat(headers.has("max-forwards")).isFalse();
    assertThat(headers.has("content-md5")).isFalse();
    assertThat(headers.has("proxy-connection")).isFalse();
    assertThat(headers.has("trailer")).isFalse();
    assertThat(headers.has("www-authenticate")).isFalse();
    assertThat(headers.get("x-kept").asText()).isEqualTo("yes");
  }

  @Test
  void everyAnswerCarriesItsOwnVersion4RequestIdAndTheCurrentDate() throws Exception {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r = client.send(request().GET().build(), HttpResponse.BodyHandlers.ofString());
      String id = r.headers().firstValue("x-amzn-RequestId").orElseThrow();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      ids.add(id);
      ZonedDateTime date = ZonedDateTime.parse(r.headers().firstValue("Date").orElseThrow(),
          DateTimeFormatter.RFC_1123_DATE_TIME);
      assertThat(date).isCloseTo(ZonedDateTime.now(), within(5, ChronoUnit.SECONDS));
      // Exactly one Date: ours (a backend Date would come back as x-amzn-Remapped-Date).
      assertThat(r.headers().allValues("Date")).hasSize(1);
    }
    assertThat(ids).hasSize(20);
  }

  static HttpRequest.Builder request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/restapis/hdr1/dev/_user_request_/echo"))
        .timeout(Duration.ofSeconds(20));
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
