package dev.archway.integration;

import static dev.archway.integration.BackendCalls.await;
import static dev.archway.integration.BackendCalls.body;
import static dev.archway.integration.BackendCalls.failure;
import static dev.archway.integration.BackendCalls.get;
import static dev.archway.integration.BackendCalls.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection that the backend closes as the next request reaches it (the close and
 * the request cross on the wire): idempotent requests go out once more, others fail.
 */
class HttpProxyIntegrationRetryTest {
  static Vertx vertx;
  HttpProxyIntegration http;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  @BeforeEach
  void client() {
    http = HttpProxyIntegration.create(vertx);
  }

  @AfterEach
  void closeClient() {
    await(http.close());
  }

  /** Answers the first request of every connection; drops the connection at its second, unanswered. */
  private static RawBackend closingAfterOneAnswer() throws IOException {
    Map<Integer, AtomicInteger> requests = new ConcurrentHashMap<>();
    return RawBackend.start((connection, request) -> {
      int nth = requests.computeIfAbsent(connection.number, n -> new AtomicInteger()).incrementAndGet();
      if (nth == 1) {
        connection.ok("answer on connection " + connection.number);
      } else {
        connection.close();
      }
    });
  }

  @Test
  void idempotentRequestIsSentAgainOnANewConnection() throws Exception {
    try (RawBackend backend = closingAfterOneAnswer()) {
      assertThat(body(await(http.send(get(backend.url("/a")), 5_000)))).isEqualTo("answer on connection 1");
      assertThat(body(await(http.send(get(backend.url("/b")), 5_000)))).isEqualTo("answer on connection 2");
      assertThat(backend.connections()).isEqualTo(2);
    }
  }

  @Test
  void postIsNotSentTwice() throws Exception {
    try (RawBackend backend = closingAfterOneAnswer()) {
      Buffer order = Buffer.buffer("{\"order\":1}");
      assertThat(body(await(http.send(request("POST", backend.url("/orders"), order), 5_000))))
          .isEqualTo("answer on connection 1");
      assertThat(failure(http.send(request("POST", backend.url("/orders"), order), 5_000))).isInstanceOf(IOException.class);
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  @Test
  void aFreshConnectionThatClosesIsNotRetried() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> connection.close())) {
      assertThat(failure(http.send(get(backend.url("/")), 5_000))).isInstanceOf(IOException.class);
      assertThat(backend.connections()).isEqualTo(1);
    }
  }
}
