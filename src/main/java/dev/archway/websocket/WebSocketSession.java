package dev.archway.websocket;

import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.RequestLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.MultiMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection's frames: messages reassembled from their frames up to the message limit
 * (beyond it the connection closes with 1009; a frame over the frame limit is refused by the decoder
 * the same way), binary frames refused with 1003 as AWS refuses them, pings answered, idle and
 * overlong connections closed with 1001, and each message served by {@link MessageFlow} from the
 * live stage. {@code $disconnect} runs once, when the channel closes whoever closed it. Runs on the
 * connection's event loop, in its loop's Vert.x context.
 */
final class WebSocketSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSession.class);
  private static final int NORMAL = 1000;
  private static final int NO_STATUS = 1005;
  private static final int ABNORMAL = 1006;
  private static final int UNSUPPORTED_DATA = 1003;

  private final WebSocketConnection connection;
  private final WebSocketApiLookup stages;
  private final Connections connections;
  private final WebSocketLimits limits;
  private final RouteCall calls;
  private final MessageFlow messages;
  private final LoopContexts contexts;
  private final MultiMap connectHeaders;
  private final EventLogs events;
  private CompositeByteBuf partial;
  private ScheduledFuture<?> lifetime;
  private int closeCode = ABNORMAL;
  private String closeReason = "";

  WebSocketSession(WebSocketConnection connection, WebSocketApiLookup stages, Connections connections,
      WebSocketLimits limits, RouteCall calls, MessageFlow messages, LoopContexts contexts, MultiMap connectHeaders,
      EventLogs events) {
    this.events = events;
    this.connection = connection;
    this.stages = stages;
    this.connections = connections;
    this.limits = limits;
    this.calls = calls;
    this.messages = messages;
    this.contexts = contexts;
    this.connectHeaders = connectHeaders;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    lifetime = ctx.executor().schedule(() -> goAway(), limits.maxDuration().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    connection.active(System.currentTimeMillis());
    try {
      if (frame instanceof PingWebSocketFrame) {
        ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
      } else if (frame instanceof CloseWebSocketFrame close) {
        closeCode = close.statusCode() < 0 ? NO_STATUS : close.statusCode();
        closeReason = close.reasonText();
        connection.markClosing();
        ctx.writeAndFlush(new CloseWebSocketFrame(closeCode == NO_STATUS ? NORMAL : closeCode, ""))
            .addListener(f -> ctx.close());
      } else if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
        start(ctx, frame);
      } else if (frame instanceof ContinuationWebSocketFrame) {
        append(ctx, frame);
      }
    } finally {
      frame.release();
    }
  }

  private void start(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (partial != null) {
      partial.release();
      partial = null;
    }
    if (frame instanceof BinaryWebSocketFrame) {
      // As AWS: binary frames are not supported in incoming messages (base64 text with CONVERT_TO_BINARY is).
      closeCode = UNSUPPORTED_DATA;
      closeReason = "Binary frames are not supported";
      connection.close(UNSUPPORTED_DATA, closeReason);
      return;
    }
    if (frame.isFinalFragment()) {
      message(ByteBufUtil.getBytes(frame.content()));
      return;
    }
    partial = ctx.alloc().compositeBuffer();
    append(ctx, frame);
  }

  private void append(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (partial == null) {
      return; // a continuation with no message started: ignored
    }
    if (partial.readableBytes() + frame.content().readableBytes() > limits.maxMessageBytes()) {
      partial.release();
      partial = null;
      connection.close(WebSocketConnection.TOO_BIG, "Message too big");
      return;
    }
    partial.addComponent(true, frame.content().retain());
    if (frame.isFinalFragment()) {
      byte[] whole = ByteBufUtil.getBytes(partial);
      partial.release();
      partial = null;
      message(whole);
    }
  }

  private void message(byte[] body) {
    if (connection.isClosing()) {
      return;
    }
    WebSocketStage stage = stages.find(connection.apiId(), connection.stageName());
    if (stage == null) {
      connection.close(WebSocketConnection.GOING_AWAY, "Going away"); // the stage was deleted
      return;
    }
    contexts.run(connection.channel().eventLoop(), () -> messages.run(stage, connection, RouteCall.text(body), body.length));
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      goAway();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  private void goAway() {
    closeCode = WebSocketConnection.GOING_AWAY;
    closeReason = "Going away";
    connection.close(WebSocketConnection.GOING_AWAY, "Going away");
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException corrupted) {
      // The decoder has sent its close frame (1009 for an oversized frame) and closes the channel.
      closeCode = corrupted.closeStatus().code();
      closeReason = corrupted.getMessage();
      connection.markClosing();
      return;
    }
    LOG.debug("{} failed", connection, cause);
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connection.markClosing();
    if (lifetime != null) {
      lifetime.cancel(false);
    }
    if (partial != null) {
      partial.release();
      partial = null;
    }
    connections.remove(connection);
    disconnect();
    ctx.fireChannelInactive();
  }

  /** {@code $disconnect}, best effort: its answer goes nowhere. */
  private void disconnect() {
    WebSocketStage stage = stages.find(connection.apiId(), connection.stageName());
    WebSocketRoute route = stage == null ? null : stage.disconnect();
    if (route == null || route.integration() == null) {
      return;
    }
    long started = System.nanoTime();
    long now = System.currentTimeMillis();
    String requestId = RequestIds.next();
    String extendedId = RequestIds.extended();
    RequestLog log = events.start(started, stage, connection, requestId, extendedId, now, WebSocketStage.DISCONNECT,
        "DISCONNECT", null);
    WebSocketEvents.Request request = new WebSocketEvents.Request(requestId, extendedId, now,
        RequestContext.requestTime(now), WebSocketStage.DISCONNECT, "DISCONNECT", null, log);
    RouteEvent event = new RouteEvent(stage, connection, request, "", null, null, null);
    contexts.run(connection.channel().eventLoop(), () -> calls.run(route.integration(), event,
            () -> WebSocketEvents.disconnect(connection, stage, request, connectHeaders, closeCode, closeReason)))
        .onComplete(ar -> {
          if (ar.failed()) {
            LOG.debug("request {}: $disconnect of {} failed: {}", requestId, connection, ar.cause().getMessage());
          }
          events.complete(log, ar.succeeded() ? 200 : ar.cause() instanceof Refusal r ? r.status() : 500, 0);
        });
  }
}
