package dev.archway.integration;

import static dev.archway.integration.BackendCalls.await;
import static dev.archway.integration.BackendCalls.body;
import static dev.archway.integration.BackendCalls.failure;
import static dev.archway.integration.BackendCalls.get;
import static dev.archway.integration.BackendCalls.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request as the backend receives it, byte for byte: framing headers, Host, no injection. */
class HttpProxyIntegrationRequestTest {
  static Vertx vertx;
  HttpProxyIntegration http;
  RawBackend backend;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    await(vertx.close());
  }

  @BeforeEach
  void start() throws Exception {
    http = HttpProxyIntegration.create(vertx);
    backend = RawBackend.start((connection, request) -> connection.ok("ok"));
  }

  @AfterEach
  void stop() throws Exception {
    backend.close();
    await(http.close());
  }

  @Test
  void headerValuesOrNamesWithLineBreaksFailTheCallAndNothingIsSent() {
    List<String> values = List.of("a\r\nX-Injected: 1", "a\nX-Injected: 1", "a\rX-Injected: 1",
        "a\r\n X-Injected: 1", "a\n\tX-Injected: 1", "trailing\r\n");
    for (String value : values) {
      BackendRequest injected = get(backend.url("/"));
      injected.headers().add("X-Mapped", value);
      assertThat(failure(http.send(injected, 5_000))).as("value %s", value.replace("\r", "\\r").replace("\n", "\\n"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    BackendRequest badName = get(backend.url("/"));
    badName.headers().add("X-Mapped\r\nX-Injected", "1");
    assertThat(failure(http.send(badName, 5_000))).isInstanceOf(IllegalArgumentException.class);

    await(http.send(get(backend.url("/after")), 5_000));
    assertThat(backend.connections()).isEqualTo(1);
    assertThat(backend.requests()).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/after");
      assertThat(r.head()).doesNotContainIgnoringCase("injected");
    });
  }

  @Test
  void requestTargetWithSpacesOrLineBreaksFailsTheCall() {
    for (String path : List.of("/a b", "/a\r\nX-Injected: 1", "/a?q=1\r\n\r\nGET /smuggled")) {
      assertThat(failure(http.send(get(backend.url(path)), 5_000))).isInstanceOf(IllegalArgumentException.class);
    }
    await(http.send(get(backend.url("/after")), 5_000));
    assertThat(backend.requests()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/after"));
  }

  @Test
  void hostHeaderNamesTheNonDefaultPortUnlessTheCallerSetOne() {
    await(http.send(get(backend.url("/default")), 5_000));
    BackendRequest own = get(backend.url("/own"));
    own.headers().set("host", "api.example.com");
    await(http.send(own, 5_000));

    List<RawBackend.Request> received = backend.requests();
    assertThat(received.get(0).header("Host")).isEqualTo("127.0.0.1:" + backend.port());
    assertThat(received.get(1).header("Host")).isEqualTo("api.example.com");
    assertThat(received.get(1).head().split("(?i)\r\nhost:", -1)).hasSize(2); // exactly one Host
  }

  @Test
  void hostHeaderLeavesOutTheSchemesDefaultPortAndBracketsIpv6() {
    assertThat(new Origin(false, "backend.example", 80).hostHeader()).isEqualTo("backend.example");
    assertThat(new Origin(true, "backend.example", 443).hostHeader()).isEqualTo("backend.example");
    assertThat(new Origin(true, "backend.example", 80).hostHeader()).isEqualTo("backend.example:80");
    assertThat(new Origin(false, "::1", 8080).hostHeader()).isEqualTo("[::1]:8080");
  }

  @Test
  void ipv6LiteralBackendIsReachedAndNamedInBrackets() {
    assumeTrue(ipv6Loopback(), "this machine has no IPv6 loopback");
    HttpServer server = await(vertx.createHttpServer()
        .requestHandler(request -> request.response().end(request.headers().get("Host")))
        .listen(0, "::1"));
    try {
      String host = "[::1]:" + server.actualPort();
      assertThat(body(await(http.send(get("http://" + host + "/v6"), 5_000)))).isEqualTo(host);
    } finally {
      await(server.close());
    }
  }

  @Test
  void contentLengthIsTheBodysOwnAndSentWhereTheMethodCarriesABody() {
    await(http.send(request("POST", backend.url("/post-empty"), Buffer.buffer()), 5_000));
    await(http.send(get(backend.url("/get")), 5_000));
    BackendRequest lying = request("PUT", backend.url("/put"), Buffer.buffer("abc"));
    lying.headers().set("Content-Length", "999").set("Transfer-Encoding", "chunked");
    await(http.send(lying, 5_000));
    BackendRequest deleteWithLength = request("DELETE", backend.url("/delete"), Buffer.buffer());
    deleteWithLength.headers().set("Content-Length", "5");
    await(http.send(deleteWithLength, 5_000));

    List<RawBackend.Request> received = backend.requests();
    assertThat(received.get(0).header("Content-Length")).isEqualTo("0");
    assertThat(received.get(1).header("Content-Length")).isNull();
    assertThat(received.get(1).header("Transfer-Encoding")).isNull();
    assertThat(received.get(2).header("Content-Length")).isEqualTo("3");
    assertThat(received.get(2).header("Transfer-Encoding")).isNull();
    assertThat(received.get(2).body()).isEqualTo("abc");
    assertThat(received.get(3).header("Content-Length")).isNull();
    assertThat(received).extracting(RawBackend.Request::path).containsExactly("/post-empty", "/get", "/put", "/delete");
    assertThat(backend.connections()).isEqualTo(1); // every request was framed right: one connection served all
  }

  @Test
  void aBodyLargerThanTheHeadsBufferArrivesWholeAndTheCallersBufferStaysReadable() {
    String large = "x".repeat(WireRequest.INLINE_BODY_BYTES * 6 + 7);
    Buffer body = Buffer.buffer(large);
    await(http.send(request("PUT", backend.url("/large"), body), 5_000));
    await(http.send(request("PUT", backend.url("/small"), Buffer.buffer("small")), 5_000));

    assertThat(backend.requests()).extracting(RawBackend.Request::body).containsExactly(large, "small");
    assertThat(body.toString()).isEqualTo(large); // the call sent a view of it, never consumed or released it
    assertThat(backend.connections()).isEqualTo(1);
  }

  private static boolean ipv6Loopback() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
