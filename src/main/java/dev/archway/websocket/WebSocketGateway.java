package dev.archway.websocket;

import dev.archway.model.Json;
import dev.archway.runtime.InvokeTarget;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import dev.archway.runtime.TemplateRunner;
import dev.archway.runtime.front.RequestHead;
import dev.archway.runtime.front.WebSocketUpgrade;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where the execute listener hands over requests to switch to WebSocket: one that names a served
 * stage of a WebSocket API ({@code ws://{apiId}.execute-api.<anything>/{stage}} or
 * {@code /restapis/{apiId}/{stage}/_user_request_/}) runs {@code $connect} ({@link ConnectFlow}) and
 * is answered 101 with the frame codecs and a {@link WebSocketSession} installed, or refused with
 * the status {@code $connect} decided. Other requests stay with the listener.
 */
public final class WebSocketGateway implements WebSocketUpgrade {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final WebSocketApiLookup stages;
  private final Connections connections;
  private final WebSocketLimits limits;
  private final RouteCall calls;
  private final ConnectFlow connect;
  private final MessageFlow messages;
  private final LoopContexts contexts;
  private final EventLogs events;

  /**
   * @param vertx whose event loops serve the execute listener: a connection's events run in its loop's context
   * @param logs where the log of each event ({@code $connect}, message, {@code $disconnect}) goes once it is done
   */
  public WebSocketGateway(Vertx vertx, WebSocketApiLookup stages, Connections connections, WebSocketLimits limits,
      TemplateRunner templates, RequestLogSink logs) {
    this.events = new EventLogs(logs);
    this.stages = stages;
    this.connections = connections;
    this.limits = limits;
    this.calls = new RouteCall(templates);
    this.connect = new ConnectFlow(calls);
    this.messages = new MessageFlow(calls, events);
    this.contexts = new LoopContexts(vertx);
  }

  public Connections connections() {
    return connections;
  }

  @Override
  public boolean upgrade(RequestHead head, Channel channel) {
    InvokeTarget target = InvokeTarget.of(head.host(), head.path());
    if (target == null || !(target.path().isEmpty() || target.path().equals("/"))) {
      return false;
    }
    WebSocketStage stage = target.restStage() == null ? null : stages.find(target.apiId(), target.restStage());
    if (stage == null) {
      return false;
    }
    String key = head.headers().get("Sec-WebSocket-Key");
    if (!"GET".equals(head.method()) || key == null || !"13".equals(head.headers().get("Sec-WebSocket-Version"))
        || !"websocket".equalsIgnoreCase(head.headers().get("Upgrade"))) {
      refuse(channel, 400, "Bad Request", null);
      return true;
    }
    channel.config().setAutoRead(false); // nothing is read until $connect decides
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(limits.maxPendingBytes() / 2, limits.maxPendingBytes()));
    String sourceIp = channel.remoteAddress() instanceof java.net.InetSocketAddress a ? a.getAddress().getHostAddress() : null;
    Map<String, List<String>> query = new QueryStringDecoder(head.rawQuery() == null ? "" : head.rawQuery(), false).parameters();
    String domain = head.headers().get("Host");
    long now = System.currentTimeMillis();
    WebSocketConnection connection = new WebSocketConnection(ConnectionIds.next(), stage.apiId(), stage.stageName(),
        channel, now, sourceIp, head.headers().get("User-Agent"), domain, WebSocketConnection.Authorized.NONE);
    String requestId = RequestIds.next();
    String extendedId = RequestIds.extended();
    RequestLog log = events.start(head.startedNanos(), stage, connection, requestId, extendedId, now,
        WebSocketStage.CONNECT, "CONNECT", null);
    log.addRequestBytes(head.bytes());
    WebSocketEvents.Request request = new WebSocketEvents.Request(requestId, extendedId, now,
        RequestContext.requestTime(now), WebSocketStage.CONNECT, "CONNECT", null, log);
    ConnectFlow.Handshake handshake = new ConnectFlow.Handshake(connection, stage, head.headers(), query, request,
        head.path(), head.rawQuery());
    contexts.run(channel.eventLoop(), () -> connect.run(handshake)).onComplete(ar -> {
      if (!channel.eventLoop().inEventLoop()) {
        channel.eventLoop().execute(() -> decided(channel, key, connection, head, log, ar.cause()));
      } else {
        decided(channel, key, connection, head, log, ar.cause());
      }
    });
    return true;
  }

  /** {@code $connect} decided: accepted when {@code refused} is null. */
  private void decided(Channel channel, String key, WebSocketConnection connection, RequestHead head, RequestLog log,
      Throwable refused) {
    if (!channel.isActive()) {
      events.complete(log, RequestLog.CLIENT_CLOSED, 0); // the client left during $connect
      return;
    }
    if (refused != null) {
      Refusal refusal = refused instanceof Refusal r ? r : Refusal.internalError();
      log.errorType(refusal.responseType());
      events.complete(log, refusal.status(), refuse(channel, refusal.status(), refusal.getMessage(), refusal.errorType()));
      return;
    }
    events.complete(log, 200, accept(channel, key, connection, head.headers()));
  }

  /** @return the bytes of the answer */
  private int accept(Channel channel, String key, WebSocketConnection connection, io.vertx.core.MultiMap headers) {
    String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
    channel.writeAndFlush(Unpooled.copiedBuffer(response, StandardCharsets.US_ASCII));
    WebSocketDecoderConfig decoding = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(limits.maxFrameBytes()).allowExtensions(false).expectMaskedFrames(true)
        .closeOnProtocolViolation(true).build();
    long idle = limits.idleTimeout().toMillis();
    channel.pipeline()
        // The encoder sits before the decoder: the close frame the decoder sends on a too-big frame is encoded too.
        .addLast("ws-encoder", new WebSocket13FrameEncoder(false))
        .addLast("ws-decoder", new WebSocket13FrameDecoder(decoding))
        .addLast("ws-idle", new IdleStateHandler(0, 0, idle, TimeUnit.MILLISECONDS))
        .addLast("ws-session", new WebSocketSession(connection, stages, connections, limits, calls, messages, contexts,
            headers, events));
    connections.add(connection);
    channel.config().setAutoRead(true);
    channel.read();
    return response.length();
  }

  /**
   * Refuses the handshake with {@code {"message": ...}} (and {@code x-amzn-ErrorType} when known), then closes.
   *
   * @return the bytes of the answer
   */
  private static int refuse(Channel channel, int status, String message, String errorType) {
    byte[] body = Json.MAPPER.createObjectNode().put("message", message).toString().getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
        + (errorType == null ? "" : "x-amzn-ErrorType: " + errorType + "\r\n") + "Content-Length: "
        + body.length + "\r\nConnection: close\r\n\r\n";
    channel.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body))
        .addListener(ChannelFutureListener.CLOSE);
    return head.length() + body.length;
  }

  private static String reason(int status) {
    return io.netty.handler.codec.http.HttpResponseStatus.valueOf(status).reasonPhrase();
  }

  static String accept(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return "WebSocketGateway(" + connections + ", " + limits + ")";
  }
}
