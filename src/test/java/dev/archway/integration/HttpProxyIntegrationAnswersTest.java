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
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the backend client frames and bounds answers, from raw bytes a test backend writes. */
class HttpProxyIntegrationAnswersTest {
  static final long MAX = HttpProxyIntegration.MAX_RESPONSE_BYTES;
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

  @Test
  void http10AnswerWithoutLengthIsReadUntilTheBackendCloses() throws Exception {
    char[] text = new char[100_000];
    Arrays.fill(text, 'x');
    String large = new String(text) + "end";
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n");
      connection.write(large.substring(0, 50_000));
      connection.write(large.substring(50_000));
      connection.close();
    })) {
      BackendResponse answer = await(http.send(get(backend.url("/")), 5_000));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(body(answer)).isEqualTo(large);
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo(large);
      assertThat(backend.connections()).isEqualTo(2);
    }
  }

  @Test
  void informationalAnswersAreSkippedAndTheConnectionStaysInStep() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      String informational = "HTTP/1.1 100 Continue\r\n\r\n"
          + "HTTP/1.1 103 Early Hints\r\nLink: </hint.css>; rel=preload\r\n\r\n";
      String real = "HTTP/1.1 201 Created\r\nX-Final: yes\r\nContent-Length: 4\r\n\r\nreal";
      if (request.path().equals("/together")) {
        connection.write(informational + real);
      } else {
        connection.write(informational);
        connection.write(real);
      }
    })) {
      for (String path : new String[] {"/together", "/apart", "/together"}) {
        BackendResponse answer = await(http.send(get(backend.url(path)), 5_000));
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().get("X-Final")).isEqualTo("yes");
        assertThat(answer.headers().contains("Link")).isFalse();
        assertThat(body(answer)).isEqualTo("real");
      }
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  /** The decoder shares the usual names and status codes between answers: each answer still reads as sent. */
  @Test
  void headerNamesKeepTheBackendsSpellingAndOrder() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> connection.write(request.path().equals("/a")
        ? "HTTP/1.1 201 Created\r\nDate: one\r\ndate: two\r\nX-Own: 3\r\nContent-Length: 0\r\n\r\n"
        : "HTTP/1.1 599 Odd\r\nSERVER: s\r\ncontent-type: text/plain\r\nContent-Length: 0\r\n\r\n"))) {
      BackendResponse a = await(http.send(get(backend.url("/a")), 5_000));
      assertThat(a.statusCode()).isEqualTo(201);
      assertThat(a.headers().entries()).extracting(Map.Entry::getKey).containsExactly("Date", "date", "X-Own", "Content-Length");
      assertThat(a.headers().getAll("DATE")).containsExactly("one", "two");
      BackendResponse b = await(http.send(get(backend.url("/b")), 5_000));
      assertThat(b.statusCode()).isEqualTo(599);
      assertThat(b.headers().entries()).extracting(Map.Entry::getKey).containsExactly("SERVER", "content-type", "Content-Length");
      assertThat(b.headers().get("Content-Type")).isEqualTo("text/plain");
    }
  }

  @Test
  void chunkedAnswerIsAssembled() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n");
      connection.write("1;ext=1\r\n \r\n6\r\nchunks\r\n");
      connection.write("0\r\nX-Trailer: t\r\n\r\n");
    })) {
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("hello chunks");
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("hello chunks");
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  @Test
  void answerOfExactlyTheLimitIsKept() throws Exception {
    byte[] limit = new byte[(int) MAX];
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + MAX + "\r\n\r\n");
      connection.write(limit);
    })) {
      assertThat(await(http.send(get(backend.url("/")), 10_000)).body().length()).isEqualTo(MAX);
    }
  }

  @Test
  void announcedLengthOverTheLimitFailsBeforeTheBodyAndTheOriginStillWorks() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      if (request.path().equals("/huge")) {
        connection.write("HTTP/1.1 200 OK\r\nContent-Length: " + (MAX + 1) + "\r\n\r\n");
        connection.awaitClientClose(); // not a byte of the body: the client must not wait for it
        return;
      }
      connection.ok("fine");
    })) {
      Throwable tooLarge = failure(http.send(get(backend.url("/huge")), 10_000));
      assertThat(tooLarge).isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(MAX));
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("fine");
    }
  }

  @Test
  void chunkedAnswerGrowingPastTheLimitFailsAndTheOriginStillWorks() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      if (!request.path().equals("/endless")) {
        connection.ok("fine");
        return;
      }
      connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
      while (true) { // until the client hangs up: the write then fails and the connection ends
        connection.write(Integer.toHexString(chunk.length) + "\r\n");
        connection.write(chunk);
        connection.write("\r\n");
      }
    })) {
      Throwable tooLarge = failure(http.send(get(backend.url("/endless")), 20_000));
      assertThat(tooLarge).isInstanceOf(IllegalStateException.class).hasMessageContaining(String.valueOf(MAX));
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("fine");
    }
  }

  @Test
  void answersWithoutBodyIgnoreTheirContentLength() throws Exception {
    String huge = String.valueOf(MAX + 1);
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      int status = request.path().equals("/not-modified") ? 304 : 200;
      connection.write("HTTP/1.1 " + status + " X\r\nContent-Length: " + huge + "\r\n\r\n");
    })) {
      BackendResponse head = await(http.send(request("HEAD", backend.url("/file"), Buffer.buffer()), 5_000));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().get("Content-Length")).isEqualTo(huge);
      assertThat(head.body().length()).isZero();

      BackendResponse notModified = await(http.send(get(backend.url("/not-modified")), 5_000));
      assertThat(notModified.statusCode()).isEqualTo(304);
      assertThat(notModified.body().length()).isZero();
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  @Test
  void headAnsweredAfterAnInformationalAnswerHasNoBody() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.1 103 Early Hints\r\nLink: </hint.css>\r\n\r\n");
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n" + (request.head().startsWith("HEAD") ? "" : "ok"));
    })) {
      BackendResponse head = await(http.send(request("HEAD", backend.url("/"), Buffer.buffer()), 5_000));
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body().length()).isZero();
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("ok");
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  @Test
  void answerCutShortOfItsLengthFails() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
      connection.close();
    })) {
      Throwable cut = failure(http.send(get(backend.url("/")), 5_000));
      assertThat(cut).isInstanceOf(IOException.class).isNotInstanceOf(BackendTimeoutException.class);
    }
  }

  @Test
  void anAnswerArrivingByteByByteIsReadAndTheConnectionStaysInStep() throws Exception {
    String answer = "HTTP/1.1 200 OK\r\nX-Slow: yes\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nslow\r\n0\r\n\r\n";
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      for (char c : answer.toCharArray()) {
        connection.write(String.valueOf(c));
      }
    })) {
      for (int i = 0; i < 2; i++) {
        BackendResponse received = await(http.send(get(backend.url("/")), 10_000));
        assertThat(received.headers().get("X-Slow")).isEqualTo("yes");
        assertThat(body(received)).isEqualTo("slow");
      }
      assertThat(backend.connections()).isEqualTo(1);
    }
  }

  @Test
  void aMalformedAnswerFailsItsCallAndTheOriginStillWorks() throws Exception {
    try (RawBackend backend = RawBackend.start((connection, request) -> {
      switch (request.path()) {
        case "/length" -> connection.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello");
        case "/chunk" -> connection.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n");
        case "/status" -> connection.write("HTTP/1.1 OK\r\n\r\n");
        case "/name" -> connection.write("HTTP/1.1 200 OK\r\nX@Bad: 1\r\nContent-Length: 0\r\n\r\n");
        case "/value" -> connection.write("HTTP/1.1 200 OK\r\nX-Bad: a\u0001b\r\nContent-Length: 0\r\n\r\n");
        default -> connection.ok("fine");
      }
    })) {
      for (String path : new String[] {"/length", "/chunk", "/status", "/name", "/value"}) {
        assertThat(failure(http.send(get(backend.url(path)), 5_000))).as(path)
            .isInstanceOf(IOException.class).hasMessageContaining("malformed answer");
      }
      assertThat(body(await(http.send(get(backend.url("/")), 5_000)))).isEqualTo("fine");
    }
  }
}
