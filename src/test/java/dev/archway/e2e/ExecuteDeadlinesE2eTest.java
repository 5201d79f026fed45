package dev.archway.e2e;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.LiveStages;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.ExecuteServer;
import dev.archway.runtime.FrontDoor;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.front.WebSocketUpgrade;
import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.testing.RawHttp;
import dev.archway.testing.RecordingBackend;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The execute listener's deadlines and limits on slow or greedy clients (AWS-BEHAVIOUR D.5): a
 * head must be complete within the header timeout (1 s here) of its first byte, a body keeps a
 * minimum rate, an idle keep-alive connection closes after the idle timeout (2 s here), and an
 * announced body over the payload limit is answered 413 unread, with the connection closed.
 */
class ExecuteDeadlinesE2eTest {
  private static final String PATH = "/restapis/api1/dev/_user_request_";

  static Vertx vertx;
  static RecordingBackend backend;
  static HttpProxyIntegration http;
  static ExecuteServer server;
  static final List<RequestLog> logs = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = RecordingBackend.start(vertx);
    http = HttpProxyIntegration.create(vertx);
    var api = deployed("api1", "d1", resource("/{proxy+}", "ANY", method(httpProxy("ANY", backend.url() + "/{proxy}",
        Map.of("integration.request.path.proxy", "method.request.path.proxy"), null))));
    LiveStages live = new LiveStages();
    live.publish("api1", Map.of("dev", new DeploymentCompiler(http).compile("api1", stage("dev", "d1", Map.of()), api)));
    ExecuteLimits limits = ExecuteLimits.AWS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
    server = StrictFramingE2eTest.await(ExecuteServer.start(vertx, "127.0.0.1", 0,
        new FrontDoor(live, HttpApiLookup.NONE, limits, logs::add), 1, WebSocketUpgrade.NONE));
  }

  @AfterAll
  static void stop() throws Exception {
    StrictFramingE2eTest.await(server.close());
    StrictFramingE2eTest.await(http.close());
    backend.close();
    StrictFramingE2eTest.await(vertx.close());
  }

  @BeforeEach
  void forget() {
    backend.clear();
    logs.clear();
  }

  @Test
  void manyClientsTricklingTheirHeadsAllGet408AndAreClosed() throws Exception {
    List<RawHttp> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        clients.add(new RawHttp(server.port()).send("GET " + PATH + "/a HTTP/1.1\r\nHost: h\r\nX-Slow: "));
      }
      for (RawHttp client : clients) {
        RawHttp.Answer answer = client.read();
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.header("Connection")).isEqualTo("close");
        assertThat(client.closedByServer()).isTrue();
      }
    } finally {
      for (RawHttp client : clients) {
        client.close();
      }
    }
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void aBodySlowerThanTheMinimumRateIs408() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("POST " + PATH + "/a HTTP/1.1\r\nHost: h\r\nContent-Length: 100000\r\n\r\nab").read();
      assertThat(answer.status()).isEqualTo(408);
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("GET " + PATH + "/a HTTP/1.1\r\nHost: h\r\n\r\n").read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Connection")).isEqualTo("keep-alive");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void anAnnouncedBodyOverTheLimitIs413UnreadAndTheConnectionCloses() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("POST " + PATH + "/a HTTP/1.1\r\nHost: h\r\nContent-Length: 20000000\r\n\r\n"
          + "x".repeat(10_000)).read();
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(answer.header("x-amzn-ErrorType")).isEqualTo("RequestTooLargeException");
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void aClientAskingToCloseGetsItsAnswerThenTheEndOfTheConnection() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("GET " + PATH + "/a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n").read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void anHttp10RequestIsAnsweredAndClosedUnlessItAsksToKeepAlive() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + "/a HTTP/1.0\r\n\r\n").read().header("Connection")).isEqualTo("close");
      assertThat(client.closedByServer()).isTrue();
    }
    try (RawHttp client = new RawHttp(server.port())) {
      client.send("GET " + PATH + "/a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      assertThat(client.read().header("Connection")).isEqualTo("keep-alive");
      assertThat(client.send("GET " + PATH + "/b HTTP/1.0\r\n\r\n").read().status()).isEqualTo(200);
    }
  }
}
