package dev.archway.integration;

import static dev.archway.integration.BackendCalls.await;
import static dev.archway.integration.BackendCalls.body;
import static dev.archway.integration.BackendCalls.causes;
import static dev.archway.integration.BackendCalls.failure;
import static dev.archway.integration.BackendCalls.get;
import static dev.archway.integration.BackendCalls.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
 * The backend client's connections: keep-alive reuse, what ends a connection (close, timeout,
 * the backend's own close), failures to connect, the per-loop cap under load, callers off Vert.x,
 * the one retry of an idempotent request whose reused connection closed under it.
 * Answer framing is in {@link HttpProxyIntegrationAnswersTest}, the request on the wire in
 * {@link HttpProxyIntegrationRequestTest}, TLS in {@link HttpProxyIntegrationTlsTest}.
 */
class HttpProxyIntegrationTest {
  static Vertx vertx;
  static Vertx backends;
  HttpProxyIntegration http;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)); // as Archway runs it
    backends = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
    await(backends.close());
  }

  @BeforeEach
  void client() {
    http = HttpProxyIntegration.create(vertx); // a fresh client: no connection left from another test
  }

  @AfterEach
  void closeClient() {
    await(http.close());
  }

  @Test
  void sequentialCallsFromOneEventLoopReuseOneConnection() {
    CountingServer backend = CountingServer.start(backends, request -> request.response().end("n" + request.path()));
    Promise<List<String>> answers = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      List<String> bodies = new ArrayList<>();
      Future<Void> chain = Future.succeededFuture();
      for (int i = 0; i < 20; i++) {
        String path = "/" + i;
        chain = chain.compose(x -> http.send(get(backend.url(path)), 5_000)).map(r -> {
          bodies.add(body(r));
          return null;
        });
      }
      chain.map(x -> bodies).onComplete(answers);
    });
    assertThat(await(answers.future())).hasSize(20).startsWith("n/0", "n/1").endsWith("n/19");
    assertThat(backend.accepted()).isEqualTo(1);
    backend.close();
  }

  @Test
  void answerWithConnectionCloseIsNotReused() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nfirst");
      connection.awaitClientClose(); // the backend leaves the closing to the client
    })) {
      assertThat(body(await(http.send(get(backend.url("/a")), 5_000)))).isEqualTo("first");
      assertThat(body(await(http.send(get(backend.url("/b")), 5_000)))).isEqualTo("first");
      assertThat(backend.connections()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(5)).until(() -> backend.closedByClient() == 2);
    }
  }

  @Test
  void timeoutMidAnswerClosesThatConnectionAndTheNextCallGetsItsOwnAnswer() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      if (request.path().equals("/stall")) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart of the");
        connection.awaitClientClose();
        return;
      }
      connection.ok("answer to " + request.path());
    })) {
      long started = System.nanoTime();
      Throwable timedOut = failure(http.send(get(backend.url("/stall")), 300));
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      assertThat(timedOut).isInstanceOf(BackendTimeoutException.class).hasMessageContaining("300 ms");
      assertThat(elapsedMillis).isBetween(290L, 3_000L);
      await().atMost(Duration.ofSeconds(5)).until(() -> backend.closedByClient() == 1);
      assertThat(body(await(http.send(get(backend.url("/next")), 5_000)))).isEqualTo("answer to /next");
      assertThat(backend.connections()).isEqualTo(2);
    }
  }

  @Test
  void pooledConnectionTheBackendClosedIsReplaced() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.ok("from connection " + connection.number);
      if (connection.number == 1) {
        connection.shutdownOutput(); // closes after a keep-alive answer, as an idle timeout would
      }
    })) {
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("from connection 1");
      // the client has seen the FIN and closed its side: the pooled connection is dead, not in use
      await().atMost(Duration.ofSeconds(5)).until(() -> backend.closedByClient() == 1);

      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("from connection 2");
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("from connection 2");
    }
  }

  @Test
  void refusedConnectionFailsAtOnceNotByTimeout() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    long started = System.nanoTime();
    Throwable refused = failure(http.send(get("http://127.0.0.1:" + closedPort + "/"), 10_000));

    assertThat(refused).isInstanceOf(ConnectException.class);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
  }

  @Test
  void unknownHostFailsWithoutHoldingTheEventLoop() {
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Future<BackendResponse>> sent = new CompletableFuture<>();
    CompletableFuture<Boolean> completeOnReturn = new CompletableFuture<>();
    String unknown = "http://no-such-host-" + UUID.randomUUID() + ".invalid/";
    context.runOnContext(v -> {
      // A minute: with no DNS server answering, Vert.x's resolver gives up after 4 queries of 5 s.
      Future<BackendResponse> call = http.send(get(unknown), 60_000);
      completeOnReturn.complete(call.isComplete()); // a blocking look-up would have ended it already
      sent.complete(call);
    });

    Throwable unresolved = failure(sent.join());
    assertThat(completeOnReturn.join()).isFalse();
    assertThat(unresolved).isNotInstanceOf(BackendTimeoutException.class);
    assertThat(causes(unresolved)).anyMatch(UnknownHostException.class::isInstance);
  }

  @Test
  void fiveHundredCallsAtOnceShareAHundredConnectionsOfOneEventLoop() {
    CountingServer backend = CountingServer.start(backends,
        request -> backends.setTimer(20, id -> request.response().end("ok " + request.path())));
    Promise<List<String>> all = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<String>> calls = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        calls.add(http.send(get(backend.url("/" + i)), 20_000).map(BackendCalls::body));
      }
      Future.all(calls).map(done -> calls.stream().map(Future::result).toList()).onComplete(all);
    });

    List<String> bodies = await(all.future());
    assertThat(bodies).hasSize(500).first().isEqualTo("ok /0");
    assertThat(bodies).last().isEqualTo("ok /499");
    assertThat(backend.peakOpen()).isEqualTo(OriginPool.MAX_CONNECTIONS);
    assertThat(backend.accepted()).isEqualTo(OriginPool.MAX_CONNECTIONS); // the rest waited, none churned
    backend.close();
  }

  @Test
  void callThatTimesOutWaitingForAConnectionIsNeverSent() {
    List<String> received = new CopyOnWriteArrayList<>();
    CountingServer backend = CountingServer.start(backends, request -> {
      received.add(request.path());
      backends.setTimer(1_000, id -> request.response().end("slow"));
    });
    Promise<Throwable> waited = Promise.promise();
    Promise<Void> busy = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      List<Future<BackendResponse>> slow = new ArrayList<>();
      for (int i = 0; i < OriginPool.MAX_CONNECTIONS; i++) {
        slow.add(http.send(get(backend.url("/slow")), 10_000));
      }
      Future.all(slow).<Void>mapEmpty().onComplete(busy);
      http.send(get(backend.url("/waiting")), 200).onComplete(ar -> waited.complete(ar.cause()));
    });

    assertThat(await(waited.future())).isInstanceOf(BackendTimeoutException.class);
    await(busy.future());
    assertThat(body(await(http.send(get(backend.url("/after")), 5_000)))).isEqualTo("slow");
    assertThat(received).doesNotContain("/waiting").hasSize(OriginPool.MAX_CONNECTIONS + 1);
    backend.close();
  }

  @Test
  void callsFromAThreadOutsideVertxCompleteOnAVertxThread() {
    CountingServer backend = CountingServer.start(backends, request -> request.response().end("plain"));
    CompletableFuture<Boolean> onVertxThread = new CompletableFuture<>();
    Future<BackendResponse> call = http.send(get(backend.url("/")), 5_000)
        .andThen(ar -> onVertxThread.complete(Context.isOnEventLoopThread()));

    assertThat(body(await(call))).isEqualTo("plain");
    assertThat(onVertxThread.join()).isTrue();
    assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("plain");
    assertThat(backend.accepted()).isEqualTo(1); // the thread keeps one event loop, so one pool
    backend.close();
  }

  // A kept-alive connection the backend closes as the next request reaches it (the close and the
  // request cross on the wire): idempotent requests go out once more, others fail.

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

  @Test
  void anOriginWhoseLastConnectionClosedIsForgotten() {
    CountingServer backend = CountingServer.start(backends,
        request -> request.response().putHeader("Connection", "close").end("bye"));
    Context context = vertx.getOrCreateContext();
    CompletableFuture<Integer> origins = new CompletableFuture<>();
    context.runOnContext(v -> http.send(get(backend.url("/")), 5_000).onComplete(answered ->
        // the connection closes after the answer; its pool goes once the close is seen
        vertx.setPeriodic(10, id -> {
          if (http.client().originsOnThisLoop() == 0) {
            vertx.cancelTimer(id);
            origins.complete(0);
          }
        })));
    assertThat(origins.orTimeout(5, TimeUnit.SECONDS).join()).isZero();
  }

  @Test
  void aClosedClientRefusesCalls() {
    CountingServer backend = CountingServer.start(backends, request -> request.response().end("ok"));
    await(http.close());
    assertThat(failure(http.send(get(backend.url("/")), 5_000))).isInstanceOf(IllegalStateException.class);
    assertThat(backend.accepted()).isZero();
  }
}
