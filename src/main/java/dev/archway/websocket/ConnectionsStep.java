package dev.archway.websocket;

import dev.archway.runtime.Exchange;
import dev.archway.runtime.MethodResponse;
import dev.archway.runtime.Step;
import io.netty.buffer.Unpooled;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The {@code @connections} API of a WebSocket stage ({@code apigatewaymanagementapi}), after the
 * SigV4 check: PostToConnection sends the body as one message (over the message limit: 413
 * PayloadTooLargeException), GetConnection reports {@code connectedAt}, {@code lastActiveAt} and the
 * identity, DeleteConnection closes it; a connection that is gone, or belongs to another API or
 * stage than the URL's, answers 410 GoneException.
 */
public final class ConnectionsStep implements Step {
  private final Connections connections;
  private final int maxMessageBytes;

  public ConnectionsStep(Connections connections, int maxMessageBytes) {
    this.connections = connections;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    // The connection must be one of the API and stage the URL names; any other is gone for this caller.
    Connections.Address id = new Connections.Address(exchange.stage().apiId(), exchange.stage().stageName(),
        exchange.methodRequest().pathParameters().get("connectionId"));
    Future<MethodResponse> answer = switch (exchange.methodRequest().httpMethod()) {
      case "POST" -> post(id, exchange.methodRequest().body());
      case "GET" -> connections.info(id).map(info -> info == null ? gone() : json(200, "{\"connectedAt\":\""
          + iso(info.connectedAt()) + "\",\"identity\":{\"sourceIp\":\"" + info.sourceIp() + "\",\"userAgent\":"
          + (info.userAgent() == null ? "null" : "\"" + info.userAgent().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
          + "},\"lastActiveAt\":\"" + iso(info.lastActiveAt()) + "\"}"));
      case "DELETE" -> connections.close(id).map(closed -> closed ? new MethodResponse(204, MultiMap.caseInsensitiveMultiMap(),
          Buffer.buffer()) : gone());
      default -> Future.succeededFuture(json(403, "{\"message\":\"Missing Authentication Token\"}"));
    };
    return answer.map(response -> {
      exchange.methodResponse(response);
      return null;
    });
  }

  private Future<MethodResponse> post(Connections.Address id, Buffer body) {
    if (body.length() > maxMessageBytes) {
      MethodResponse tooLarge = json(413, "{\"message\":\"Message too long\"}");
      tooLarge.headers().set("x-amzn-ErrorType", "PayloadTooLargeException");
      return Future.succeededFuture(tooLarge);
    }
    return connections.post(id, Unpooled.wrappedBuffer(body.getBytes()), false)
        .map(sent -> sent ? new MethodResponse(200, MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()) : gone());
  }

  private static MethodResponse gone() {
    MethodResponse gone = json(410, "{}");
    gone.headers().set("x-amzn-ErrorType", "GoneException");
    return gone;
  }

  private static MethodResponse json(int status, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json");
    return new MethodResponse(status, headers, Buffer.buffer(body));
  }

  private static String iso(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.MILLIS).toString();
  }

  @Override
  public String toString() {
    return "Connections(" + connections + ")";
  }
}
