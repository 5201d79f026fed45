package dev.archway.websocket;

import dev.archway.auth.ApiKeyValues;
import dev.archway.auth.Principal;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.channel.ChannelFutureListener;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted WebSocket connection: who it is ({@code connectionId}, the stage, the caller's
 * identity and authorizer output, fixed at {@code $connect}) and its channel. Sends hop to the
 * channel's event loop; a send that would leave more than the limit's pending bytes unwritten closes
 * the connection instead (a slow reader is never buffered without bound).
 */
public final class WebSocketConnection {
  /** Close codes this side sends. */
  public static final int GOING_AWAY = 1001;
  public static final int POLICY_VIOLATION = 1008;
  public static final int TOO_BIG = 1009;

  private final String connectionId;
  private final String apiId;
  private final String stageName;
  private final Channel channel;
  private final long connectedAt;
  private final String sourceIp;
  private final String userAgent;
  private final String domainName;
  private volatile Authorized authorized;
  private volatile Principal caller;
  private volatile ApiKey apiKey;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile long lastActiveAt;
  /** The last message's admission; touched only on the connection's event loop. */
  private Future<?> admission = Future.succeededFuture();

  /** What the {@code $connect} authorizer said about the caller; {@link #NONE} without one. */
  public record Authorized(String principalId, Map<String, Object> context, String usageIdentifierKey) {
    public static final Authorized NONE = new Authorized(null, Map.of(), null);
  }

  /** The API key the handshake presented (where the API's ApiKeySelectionExpression reads it), with its digest. */
  public record ApiKey(String value, String digest) {
    static ApiKey of(String value) {
      return value == null || value.isEmpty() ? null : new ApiKey(value, ApiKeyValues.sha256(value));
    }

    @Override
    public String toString() {
      return ApiKeyValues.mask(value);
    }
  }

  WebSocketConnection(String connectionId, String apiId, String stageName, Channel channel, long connectedAt,
      String sourceIp, String userAgent, String domainName, Authorized authorized) {
    this.connectionId = connectionId;
    this.apiId = apiId;
    this.stageName = stageName;
    this.channel = channel;
    this.connectedAt = connectedAt;
    this.lastActiveAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.domainName = domainName;
    this.authorized = authorized;
  }

  public String connectionId() {
    return connectionId;
  }

  public String apiId() {
    return apiId;
  }

  public String stageName() {
    return stageName;
  }

  public long connectedAt() {
    return connectedAt;
  }

  public long lastActiveAt() {
    return lastActiveAt;
  }

  public String sourceIp() {
    return sourceIp;
  }

  public String userAgent() {
    return userAgent;
  }

  public String domainName() {
    return domainName;
  }

  public Authorized authorized() {
    return authorized;
  }

  /** What the {@code $connect} authorizer said, set once before the connection is accepted. */
  void authorized(Authorized who) {
    this.authorized = who;
  }

  /**
   * Runs {@code admit} once the previous message's admission is decided (at once when it is, as
   * without shared quotas), so the messages of a connection are admitted, and their integrations
   * started, in the order they came even when a quota waits for Redis. Called on the connection's event loop.
   */
  <T> Future<T> inTurn(java.util.function.Supplier<Future<T>> admit) {
    Future<T> mine = admission.isComplete() ? admit.get() : admission.transform(previous -> admit.get());
    admission = mine;
    return mine;
  }

  /** The SigV4-verified caller of an AWS_IAM {@code $connect}, or null. */
  public Principal caller() {
    return caller;
  }

  void caller(Principal verified) {
    this.caller = verified;
  }

  /** The API key the handshake presented, or null; whether a stage accepts it is asked on each use. */
  public ApiKey apiKey() {
    return apiKey;
  }

  void apiKey(ApiKey key) {
    this.apiKey = key;
  }

  Channel channel() {
    return channel;
  }

  /** A message or frame arrived from the client, or was sent to it. */
  void active(long now) {
    lastActiveAt = now;
  }

  /** Whether the connection is closing or closed: it takes no more messages. */
  public boolean isClosing() {
    return closing.get() || !channel.isActive();
  }

  /** Sends one message; false when the connection is gone (or was closed because it reads too slowly). */
  public Future<Boolean> send(String text) {
    return send(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), false);
  }

  /** Sends one message as a text frame, or a binary one; the buffer is released either way. */
  public Future<Boolean> send(ByteBuf payload, boolean binary) {
    Promise<Boolean> sent = Promise.promise();
    if (channel.eventLoop().inEventLoop()) {
      write(payload, binary, sent); // a reply of a route: already on the connection's loop, no hop
    } else {
      channel.eventLoop().execute(() -> write(payload, binary, sent));
    }
    return sent.future();
  }

  private void write(ByteBuf payload, boolean binary, Promise<Boolean> sent) {
    if (isClosing()) {
      payload.release();
      sent.complete(false);
      return;
    }
    if (payload.readableBytes() > channel.bytesBeforeUnwritable()) {
      payload.release();
      close(POLICY_VIOLATION, "Client is not reading");
      sent.complete(false);
      return;
    }
    WebSocketFrame frame = binary ? new BinaryWebSocketFrame(payload) : new TextWebSocketFrame(payload);
    active(System.currentTimeMillis());
    channel.writeAndFlush(frame).addListener(f -> sent.complete(f.isSuccess()));
  }

  /** Closes with a close frame (once); the channel closes after it is written. */
  public void close(int code, String reason) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    channel.eventLoop().execute(() -> {
      if (channel.isActive()) {
        channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
      }
    });
  }

  /** Closes without a close frame, when the peer already sent one (answered by the session) or is gone. */
  void markClosing() {
    closing.set(true);
  }

  @Override
  public String toString() {
    return "connection " + connectionId + " (" + apiId + "/" + stageName + ", from " + sourceIp + ")";
  }
}
