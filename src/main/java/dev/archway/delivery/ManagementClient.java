package dev.archway.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.integration.AwsSigner;
import dev.archway.model.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * The management API of a running Archway, as {@code archway apply} and {@code export} call it: JSON
 * over HTTP, each request SigV4-signed for the service {@code apigateway} by the project's
 * {@link AwsSigner}, one call at a time (the commands are scripts: each call waits for its answer on
 * the caller's thread, never on an event loop). A refusal is a {@link ManagementException} with AWS's
 * error type and message.
 */
public final class ManagementClient implements AutoCloseable {
  /** An import of a 6 MB definition takes a while on a busy server; a CI job should still not hang. */
  private static final long TIMEOUT_MILLIS = 120_000;

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("archway-cli"));
  private final URI endpoint;
  private final AwsSigner signer;
  private final String region;

  public ManagementClient(URI endpoint, AwsSigner signer, String region) {
    this.endpoint = endpoint;
    this.signer = signer;
    this.region = region;
  }

  /** {@code /restapis/a1/stages/%24default}: each segment percent-encoded. */
  static String path(String... segments) {
    StringJoiner path = new StringJoiner("/", "/", "");
    for (String segment : segments) {
      path.add(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.toString();
  }

  /** GET: the answer, or empty when the server answers 404 NotFoundException (another 404 is an error: not the management API). */
  Optional<JsonNode> find(String operation, String path, String... query) {
    try {
      return Optional.of(call(operation, HttpMethod.GET, path, null, query));
    } catch (ManagementException e) {
      if (e.status() == 404 && e.errorType().equals("NotFoundException")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  JsonNode get(String operation, String path, String... query) {
    return call(operation, HttpMethod.GET, path, null, query);
  }

  /** Every item of a listing, page after page ({@code item}/{@code position} of apigateway, {@code items}/{@code nextToken} of v2). */
  List<JsonNode> list(String operation, String path, String... query) {
    List<JsonNode> items = new ArrayList<>();
    boolean v2 = path.startsWith("/v2/");
    String token = null;
    do {
      List<String> pageQuery = new ArrayList<>(List.of(query));
      pageQuery.addAll(List.of(v2 ? "maxResults" : "limit", "500"));
      if (token != null) {
        pageQuery.addAll(List.of(v2 ? "nextToken" : "position", token));
      }
      JsonNode page = get(operation, path, pageQuery.toArray(String[]::new));
      page.path(v2 ? "items" : "item").forEach(items::add);
      token = page.path(v2 ? "nextToken" : "position").asText(null);
    } while (token != null && !token.isEmpty());
    return items;
  }

  /** A call with a JSON body (null: none); {@code query} is name, value, name, value... */
  JsonNode call(String operation, HttpMethod method, String path, JsonNode body, String... query) {
    try {
      return send(operation, method, path, body == null ? new byte[0] : Json.MAPPER.writeValueAsBytes(body), query);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request body could not be written", e);
    }
  }

  JsonNode send(String operation, HttpMethod method, String path, byte[] body, String... query) {
    StringJoiner encoded = new StringJoiner("&", "?", "").setEmptyValue("");
    for (int i = 0; i + 1 < query.length; i += 2) {
      encoded.add(encode(query[i]) + "=" + encode(query[i + 1]));
    }
    URI uri = endpoint.resolve(path + encoded);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .set("Accept", "application/json").set("Content-Type", "application/json");
    Buffer buffer = Buffer.buffer(body);
    signer.sign(method.name(), uri, headers, buffer, "apigateway", region);
    HttpResponse<Buffer> response;
    try {
      response = client.requestAbs(method, uri.toString()).putHeaders(headers).timeout(TIMEOUT_MILLIS)
          .sendBuffer(buffer).await();
    } catch (Exception e) { // await() rethrows the cause as it is, checked or not
      throw new ManagementException(operation, 0, "cannot reach " + endpoint, reason(e));
    }
    return answer(operation, response);
  }

  private JsonNode answer(String operation, HttpResponse<Buffer> response) {
    JsonNode json = parse(response.body());
    boolean empty = response.body() == null || response.body().length() == 0;
    if (json == null && !empty) {
      // a web server that is not Archway's management API (another service, a proxy's error page)
      throw new ManagementException(operation, response.statusCode(), "HTTP " + response.statusCode(), "the answer is not JSON ("
          + response.getHeader("Content-Type") + "): is " + endpoint + " the management API of an Archway?");
    }
    if (response.statusCode() / 100 == 2) {
      return json == null ? Json.MAPPER.createObjectNode() : json;
    }
    String type = response.getHeader("x-amzn-ErrorType");
    // AWS may append ":http://internal.amazon.com/coral/..." to the type.
    type = type == null ? "HTTP " + response.statusCode() : type.split(":", 2)[0];
    String message = json == null ? null : json.path(json.has("message") ? "message" : "Message").asText(null);
    throw new ManagementException(operation, response.statusCode(), type, message == null ? "" : message);
  }

  private static JsonNode parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(body.getBytes());
    } catch (IOException e) {
      return null;
    }
  }

  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** An empty JSON object to fill as a request body. */
  static ObjectNode body() {
    return Json.MAPPER.createObjectNode();
  }

  @Override
  public void close() {
    client.close();
    vertx.close().await();
  }
}
