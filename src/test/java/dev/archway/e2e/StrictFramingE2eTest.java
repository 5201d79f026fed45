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
import dev.archway.runtime.ExecuteServer;
import dev.archway.testing.RawHttp;
import dev.archway.testing.RecordingBackend;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling and parser conflicts at the execute listener (AWS-BEHAVIOUR D.4, RFC 9112):
 * every message two HTTP parsers could frame differently gets 400 and a closed connection, and a
 * recording backend behind an HTTP_PROXY route shows that nothing of it, and nothing smuggled
 * after it, reached the backend; every accepted request reaches it exactly once, re-framed.
 */
class StrictFramingE2eTest {
  private static final String PATH = "/restapis/api1/dev/_user_request_";
  /** Sent after each refused request: reaching the backend, it would show that the refused one was split. */
  private static final String SMUGGLED = "GET " + PATH + "/smuggled HTTP/1.1\r\nHost: h\r\n\r\n";

  static Vertx vertx;
  static RecordingBackend backend;
  static HttpProxyIntegration http;
  static ExecuteServer server;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    backend = RecordingBackend.start(vertx);
    http = HttpProxyIntegration.create(vertx);
    var api = deployed("api1", "d1", resource("/{proxy+}", "ANY", method(httpProxy("ANY", backend.url() + "/{proxy}",
        Map.of("integration.request.path.proxy", "method.request.path.proxy"), null))));
    LiveStages live = new LiveStages();
    live.publish("api1", Map.of("dev", new DeploymentCompiler(http).compile("api1", stage("dev", "d1", Map.of()), api)));
    server = await(ExecuteServer.start(vertx, "127.0.0.1", 0, live));
  }

  @AfterAll
  static void stop() throws Exception {
    await(server.close());
    await(http.close());
    backend.close();
    await(vertx.close());
  }

  @BeforeEach
  void forget() {
    backend.clear();
  }

  static Stream<Arguments> ambiguous() {
    String post = "POST " + PATH + "/a HTTP/1.1\r\nHost: h\r\n";
    String get = "GET " + PATH + "/a HTTP/1.1\r\nHost: h\r\n";
    return Stream.of(
        Arguments.of("Transfer-Encoding with Content-Length",
            post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding: chunked, x", post + "Transfer-Encoding: chunked, x\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding: x, chunked", post + "Transfer-Encoding: x, chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding: gzip", post + "Transfer-Encoding: gzip\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding twice",
            post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding on HTTP/1.0",
            "POST " + PATH + "/a HTTP/1.0\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("obs-fold", get + "X-A: a\r\n folded\r\n\r\n" + SMUGGLED),
        Arguments.of("Transfer-Encoding folded", post + "Transfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size that overflows",
            post + "Transfer-Encoding: chunked\r\n\r\n10000000000000002\r\nab\r\n0\r\n\r\n" + SMUGGLED),
        Arguments.of("chunk size of 17 digits", post + "Transfer-Encoding: chunked\r\n\r\n00000000000000002\r\nab\r\n0\r\n\r\n"),
        Arguments.of("chunk data without CRLF", post + "Transfer-Encoding: chunked\r\n\r\n2\r\nabXX0\r\n\r\n" + SMUGGLED),
        Arguments.of("Content-Length twice, equal", post + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nab" + SMUGGLED),
        Arguments.of("Content-Length twice, unequal", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nabc" + SMUGGLED),
        Arguments.of("Content-Length as a list", post + "Content-Length: 2, 2\r\n\r\nab" + SMUGGLED),
        Arguments.of("Content-Length not digits", post + "Content-Length: +2\r\n\r\nab" + SMUGGLED),
        Arguments.of("whitespace before the colon", get + "X-A : b\r\n\r\n" + SMUGGLED),
        Arguments.of("control character in a value", get + "X-A: a\u0001b\r\n\r\n" + SMUGGLED),
        Arguments.of("NUL in a value", get + "X-A: a\u0000b\r\n\r\n" + SMUGGLED),
        Arguments.of("control character in a name", get + "X\u0001A: b\r\n\r\n" + SMUGGLED),
        Arguments.of("bare LF", "GET " + PATH + "/a HTTP/1.1\nHost: h\n\n" + SMUGGLED),
        Arguments.of("bare LF inside the head", get + "X-A: b\nX-B: c\r\n\r\n" + SMUGGLED),
        Arguments.of("bare CR", get + "X-A: b\rX-B: c\r\n\r\n" + SMUGGLED),
        Arguments.of("no Host", "GET " + PATH + "/a HTTP/1.1\r\n\r\n" + SMUGGLED),
        Arguments.of("two Hosts", get + "Host: other\r\n\r\n" + SMUGGLED),
        Arguments.of("space in the target", "GET " + PATH + "/a b HTTP/1.1\r\nHost: h\r\n\r\n" + SMUGGLED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ambiguous")
  void anAmbiguousRequestIs400AndClosesWithNothingReachingTheBackend(String name, String request) throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send(request).read();
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.header("Connection")).isEqualTo("close");
      assertThat(client.closedByServer()).isTrue();
    }
    assertOnlyThisReachesTheBackend("/control");
  }

  @Test
  void aChunkedBodyReachesTheBackendOnceReframedWithoutItsTrailers() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("POST " + PATH + "/upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
          + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n").read();
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.header("Connection")).isEqualTo("keep-alive");
    }
    List<RecordingBackend.Received> received = backend.received();
    assertThat(received).hasSize(1);
    assertThat(received.get(0).uri()).isEqualTo("/upload");
    assertThat(received.get(0).body()).isEqualTo("hello world");
    assertThat(received.get(0).headers().get("Content-Length")).isEqualTo("11");
    assertThat(received.get(0).headers().contains("Transfer-Encoding")).isFalse();
    assertThat(received.get(0).headers().contains("X-Trailer")).isFalse();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderAndEachReachesTheBackendOnce() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      client.send("GET " + PATH + "/one HTTP/1.1\r\nHost: h\r\n\r\n"
          + "POST " + PATH + "/two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
          + "GET " + PATH + "/three HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
      List<RawHttp.Answer> answers = client.readAll();
      assertThat(answers).extracting(RawHttp.Answer::status).containsExactly(200, 200, 200);
      assertThat(answers).extracting(a -> a.header("Connection")).containsExactly("keep-alive", "keep-alive", "close");
    }
    assertThat(backend.received()).extracting(RecordingBackend.Received::uri).containsExactly("/one", "/two", "/three");
    assertThat(backend.received().get(1).body()).isEqualTo("abc");
  }

  @Test
  void emptyLinesBeforeARequestAreIgnored() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("\r\n\r\nGET " + PATH + "/a HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
    }
    assertThat(backend.received()).hasSize(1);
  }

  @Test
  void hopByHopHeadersNeverReachTheBackend() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      client.send("GET " + PATH + "/a HTTP/1.1\r\nHost: h\r\nTE: trailers\r\nUpgrade: h2c\r\nKeep-Alive: timeout=5\r\n"
          + "Proxy-Connection: keep-alive\r\nX-Kept: yes\r\n\r\n").read();
    }
    var headers = backend.received().get(0).headers();
    assertThat(headers.contains("TE") || headers.contains("Upgrade") || headers.contains("Keep-Alive")
        || headers.contains("Proxy-Connection")).isFalse();
    assertThat(headers.get("X-Kept")).isEqualTo("yes");
  }

  @Test
  void aVersionOtherThanHttp11Or10Is505() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("GET " + PATH + "/a HTTP/2.0\r\nHost: h\r\n\r\n").read();
      assertThat(answer.status()).isEqualTo(505);
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(backend.received()).isEmpty();
  }

  /** A well-formed request on a new connection reaches the backend, and nothing else did. */
  private static void assertOnlyThisReachesTheBackend(String path) throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      assertThat(client.send("GET " + PATH + path + " HTTP/1.1\r\nHost: h\r\n\r\n").read().status()).isEqualTo(200);
    }
    assertThat(backend.received()).extracting(RecordingBackend.Received::uri).containsExactly(path);
  }

  static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
