package dev.archway.testing;

import io.vertx.core.MultiMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A real HTTP client for invoke URLs in the host style ({@code Host: {apiId}.execute-api.localhost}),
 * connecting to the execute listener. It is the JDK client: the build lets it set {@code Host}
 * ({@code -Djdk.httpclient.allowRestrictedHeaders=host} in the Surefire configuration).
 */
public final class HostStyleClient implements AutoCloseable {
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Host", apiId + ".execute-api.localhost:" + port)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(h -> request.header(h.getKey(), h.getValue()));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      MultiMap received = MultiMap.caseInsensitiveMultiMap();
      response.headers().map().forEach((name, values) -> values.forEach(v -> received.add(name, v)));
      return new Response(response.statusCode(), received, response.body());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  @Override
  public void close() {
    // The JDK client holds no resources a test must release.
  }
}
