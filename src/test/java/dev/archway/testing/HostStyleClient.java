package dev.archway.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP client for invoke URLs in the host style ({@code Host: {apiId}.execute-api.localhost}),
 * which the JDK client cannot send (it refuses to set Host). Connects to the execute listener.
 */
public final class HostStyleClient implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  /**
   * One connection per request: the Vert.x client sometimes waits forever for a 204 (CORS preflight)
   * on a reused connection, though the bytes on the wire are right (checked with a raw socket and the JDK client).
   */
  private final HttpClientAgent client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  private final int port;

  public HostStyleClient(int port) {
    this.port = port;
  }

  /** The answer, fully read. */
  public record Response(int status, MultiMap headers, String body) {
    public String header(String name) {
      return headers.get(name);
    }
  }

  public Response get(String apiId, String path) {
    return send("GET", apiId, path, Map.of(), null);
  }

  /** @param headers single-valued request headers; {@code body} may be null */
  public Response send(String method, String apiId, String path, Map<String, String> headers, String body) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap();
    headers.forEach(all::add);
    return send(method, apiId, path, all, body);
  }

  public Response send(String method, String apiId, String path, MultiMap headers, String body) {
    RequestOptions options = new RequestOptions()
        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
        .setHost(apiId + ".execute-api.localhost").setPort(port)
        .setMethod(HttpMethod.valueOf(method)).setURI(path).setHeaders(headers);
    try {
      return client.request(options)
          .compose(r -> body == null ? r.send() : r.send(Buffer.buffer(body, "UTF-8")))
          .compose(r -> r.body().map(b -> new Response(r.statusCode(), r.headers(), b.toString(StandardCharsets.UTF_8))))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
