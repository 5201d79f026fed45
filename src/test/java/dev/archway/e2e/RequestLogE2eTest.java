package dev.archway.e2e;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One {@link RequestLog} per request, completed exactly once when the answer is written, also for
 * gateway errors, integration timeouts, malformed requests, passed deadlines and clients that
 * leave before their answer.
 */
class RequestLogE2eTest {
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
    var api = deployed("api1", "d1",
        resource("/items/{id}", "GET", method(httpProxy("GET", backend.url() + "/items", null, null))),
        resource("/slow", "GET", method(httpProxy("GET", backend.url() + "/slow/1500", null, 300))),
        resource("/lingering", "GET", method(httpProxy("GET", backend.url() + "/slow/1000", null, null))));
    LiveStages live = new LiveStages();
    live.publish("api1", Map.of("dev", new DeploymentCompiler(http).compile("api1", stage("dev", "d1", Map.of()), api)));
    ExecuteLimits limits = ExecuteLimits.AWS.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5));
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
    logs.clear();
  }

  @Test
  void aServedRequestIsLoggedOnceWithItsRouteSizesAndLatencies() throws Exception {
    String request = "GET " + PATH + "/items/7 HTTP/1.1\r\nHost: h\r\n\r\n";
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send(request).read().status()).isEqualTo(200);
    }
    await().until(() -> logs.size() == 1);
    RequestLog log = logs.get(0);
    assertThat(log.isCompleted()).isTrue();
    assertThat(log.status()).isEqualTo(200);
    assertThat(log.context().resourcePath()).isEqualTo("/items/{id}");
    assertThat(log.context().httpMethod()).isEqualTo("GET");
    assertThat(log.context().path()).isEqualTo("/dev/items/7");
    assertThat(log.requestBytes()).isEqualTo(request.length());
    assertThat(log.responseBytes()).isGreaterThan(2);
    assertThat(log.integrationLatencyNanos()).isPositive().isLessThanOrEqualTo(log.latencyNanos());
    assertThat(log.authorizerLatencyNanos()).isEqualTo(-1);
    assertThat(log.errorType()).isNull();
    assertThat(log.apiKeyId()).isNull();
    assertThat(log.throttled()).isFalse();
    assertThat(log.cacheHit()).isNull();
  }

  @Test
  void aGatewayErrorAndATimeoutAreLoggedWithTheirType() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + "/nowhere HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(403);
      assertThat(client.send("GET " + PATH + "/slow HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(504);
    }
    await().until(() -> logs.size() == 2);
    assertThat(logs).extracting(RequestLog::status).containsExactly(403, 504);
    assertThat(logs).extracting(RequestLog::errorType).containsExactly("MISSING_AUTHENTICATION_TOKEN", "INTEGRATION_TIMEOUT");
    assertThat(logs.get(1).integrationLatencyNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
  }

  @Test
  void malformedAndTooSlowRequestsAreLoggedToo() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + "/items/1 HTTP/1.1\r\nHost: h\r\nX : y\r\n\r\n").read().status()).isEqualTo(400);
    }
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + "/items/1 HTTP/1.1\r\nHost: h\r\n").read().status()).isEqualTo(408);
    }
    await().until(() -> logs.size() == 2);
    assertThat(logs).extracting(RequestLog::status).containsExactly(400, 408);
  }

  @Test
  void aClientThatLeavesBeforeItsAnswerIsLoggedOnceAsClosed() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      client.send("GET " + PATH + "/lingering HTTP/1.1\r\nHost: h\r\n\r\n");
      await().until(() -> backend.received().stream().anyMatch(r -> r.uri().equals("/slow/1000")));
    }
    await().until(() -> logs.size() == 1);
    assertThat(logs.get(0).status()).isEqualTo(RequestLog.CLIENT_CLOSED);
    // The backend's late answer finds the request already logged; the next request is the next log.
    int answered = backend.answered();
    await().until(() -> backend.answered() > answered);
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + "/items/2 HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
    }
    await().until(() -> logs.size() == 2);
    assertThat(logs).extracting(RequestLog::status).containsExactly(RequestLog.CLIENT_CLOSED, 200);
  }
}
