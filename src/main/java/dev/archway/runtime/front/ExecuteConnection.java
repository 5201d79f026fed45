package dev.archway.runtime.front;

import dev.archway.integration.HeadWriter;
import dev.archway.runtime.Arrival;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.FrontDoor;
import dev.archway.runtime.MethodResponse;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.front.RequestDecoder.Malformed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of the execute listener: takes each request the {@link RequestDecoder}
 * reads to the {@link FrontDoor}, buffers its body within the payload limit, writes the answer and
 * completes the request's log, one request at a time and in order. It keeps the deadlines
 * (checked by {@link LoopConnections} every second): the head must arrive within the header
 * timeout of its first byte, the body at a minimum rate, an idle connection closes after the idle
 * timeout, and so does one whose client does not read its answer. An answer that ends the
 * connection (the client's {@code Connection: close}, a 413, a malformed request, draining) is
 * followed by a lingering close: our side is shut, the client's remaining bytes are read and
 * dropped, so it reads the answer instead of a reset.
 *
 * <p>Everything runs on the connection's event loop, inside the Vert.x context bound to that loop:
 * backend calls, futures and timers started by the pipeline stay on it.
 */
final class ExecuteConnection extends ChannelInboundHandlerAdapter
    implements ChannelFutureListener, Handler<AsyncResult<Void>> {
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteConnection.class);
  /** The body rate a slow client must keep after the first header-timeout of it (as Apache's mod_reqtimeout). */
  static final long MIN_BODY_BYTES_PER_SECOND = 500;
  /** How long a closing connection keeps reading the client's last bytes. */
  static final long LINGER_NANOS = 2_000_000_000L;

  private enum State {
    /** Between requests, or reading a head. */
    IDLE,
    /** Reading the body of {@link #arrival}. */
    BODY,
    /** The answer went out early (413); the rest of the body is dropped. */
    DISCARD,
    /** The pipeline runs. */
    SERVING,
    /** The answer is being written. */
    WRITING,
    /** Answered and shut for output; the client's last bytes are read and dropped until it closes. */
    LINGER,
    CLOSED
  }

  private final FrontDoor door;
  private final ExecuteLimits limits;
  private final ContextInternal context;
  private final LoopConnections connections;
  private final WebSocketUpgrade webSockets;
  private final RequestDecoder decoder;
  private Channel channel;
  private String sourceIp;
  private int port;
  private State state = State.IDLE;
  /** When the current state began ({@link System#nanoTime()}). */
  private long since;
  private RequestHead head;
  private Arrival arrival;
  private RequestLog log;
  private ByteBuf body;
  private long bodyBytes;
  /** The current answer is the connection's last. */
  private boolean closeAfter;
  private boolean draining;
  /** A {@link WebSocketUpgrade} took the connection. */
  private boolean upgraded;
  private int status;
  private long answerBytes;

  ExecuteConnection(FrontDoor door, ContextInternal context, LoopConnections connections, WebSocketUpgrade webSockets,
      RequestDecoder decoder) {
    this.door = door;
    this.limits = door.limits();
    this.context = context;
    this.connections = connections;
    this.webSockets = webSockets;
    this.decoder = decoder;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
    sourceIp = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    port = local == null ? 0 : local.getPort();
    since = System.nanoTime();
    connections.add(this);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    connections.remove(this);
    state = State.CLOSED;
    if (log != null) {
      log.complete(RequestLog.CLIENT_CLOSED, 0, door.sink()); // no-op when the answer was written
    }
    releaseBody();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) {
    if (upgraded) {
      handOver(ctx, message);
      return;
    }
    if (message instanceof ByteBuf bytes) {
      body(bytes);
    } else if (message == RequestDecoder.END) {
      end();
    } else if (message instanceof RequestHead received) {
      head(received);
    } else if (message instanceof Malformed malformed) {
      refuse(malformed.status(), "Bad Request");
    } else {
      ReferenceCountUtil.release(message);
    }
  }

  private void head(RequestHead received) {
    if (state == State.LINGER || state == State.CLOSED) {
      return;
    }
    if (received.upgrade() && webSockets.upgrade(received, channel)) {
      upgraded = true; // the connection is the upgrade's: our handlers leave after the request's end
      connections.remove(this);
      return;
    }
    head = received;
    arrival = door.arrive(received, sourceIp, port);
    log = arrival.log();
    closeAfter = !received.keepAlive() || draining;
    state = State.BODY;
    since = System.nanoTime();
    bodyBytes = 0;
    if (received.contentLength() > limits.maxBodyBytes()) {
      // Not read: answered at once, then the connection closes (its unread body makes it unusable).
      answerEarly(arrival.answeredWithoutBody() ? arrival.answerWithoutBody() : arrival.tooLarge());
      return;
    }
    if (received.expectContinue() && received.hasBody()) {
      if (arrival.answeredWithoutBody()) {
        answerEarly(arrival.answerWithoutBody()); // the client waits: it never sends the body
        return;
      }
      channel.writeAndFlush(ResponseEncoder.continueResponse(channel.alloc()), channel.voidPromise());
    }
  }

  /**
   * After an upgrade: the request's body (if any) goes on to the upgrade's handlers; at its end our
   * handlers leave the pipeline, and what the decoder holds past the request goes on to them too.
   */
  private void handOver(ChannelHandlerContext ctx, Object message) {
    if (message != RequestDecoder.END) {
      ctx.fireChannelRead(message);
      return;
    }
    ctx.pipeline().remove(this);
    ctx.pipeline().remove(decoder);
  }

  /** Answers before the body is read; the connection ends after the answer. */
  private void answerEarly(MethodResponse answer) {
    closeAfter = true;
    state = State.DISCARD;
    respond(answer);
  }

  private void body(ByteBuf bytes) {
    try {
      if (state != State.BODY) {
        return; // dropped: discarding a refused body, or lingering
      }
      int n = bytes.readableBytes();
      bodyBytes += n;
      log.addRequestBytes(n);
      if (bodyBytes > limits.maxBodyBytes()) {
        releaseBody();
        answerEarly(arrival.tooLarge());
        return;
      }
      if (body == null) {
        body = Unpooled.buffer((int) Math.min(head.contentLength() > 0 ? head.contentLength() : n, 64 * 1024));
      }
      body.writeBytes(bytes);
    } finally {
      bytes.release();
    }
  }

  private void end() {
    if (state != State.BODY) {
      return;
    }
    state = State.SERVING;
    Buffer received = body == null ? Buffer.buffer() : BufferInternal.buffer(body);
    body = null;
    Future<Void> served;
    // The pipeline runs in the Vert.x context of this loop: what it starts completes here.
    ContextInternal previous = context.beginDispatch();
    try {
      served = arrival.serve(received);
    } catch (RuntimeException e) {
      served = Future.failedFuture(e);
    } finally {
      context.endDispatch(previous);
    }
    if (served.isComplete()) {
      handle(served);
    } else {
      served.onComplete(this);
    }
  }

  /** The pipeline is done: its answer goes out. */
  @Override
  public void handle(AsyncResult<Void> served) {
    if (!channel.eventLoop().inEventLoop()) {
      channel.eventLoop().execute(() -> handle(served));
      return;
    }
    if (state != State.SERVING) {
      return; // the client went away, or a deadline answered
    }
    MethodResponse response;
    try {
      response = arrival.answer(served);
    } catch (RuntimeException e) { // every failure of a pipeline is rendered: this one is a bug of ours
      LOG.error("request {} failed", arrival.context().requestId(), e);
      response = arrival.internalError();
    }
    respond(response);
  }

  /** Writes the answer, or 500 when a header of it cannot be written. */
  private void respond(MethodResponse response) {
    ByteBuf bytes;
    try {
      bytes = ResponseEncoder.encode(channel.alloc(), response, arrival.stamps(), closeAfter, isHead());
    } catch (HeadWriter.Invalid e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", arrival.context().requestId(), e.getMessage());
      log.errorType("DEFAULT_5XX");
      response = arrival.internalError();
      bytes = ResponseEncoder.encode(channel.alloc(), response, arrival.stamps(), closeAfter, isHead());
    }
    log.responseLength(response.body() == null ? 0 : response.body().length());
    write(bytes, response.statusCode());
  }

  private boolean isHead() {
    return head.method().equals("HEAD");
  }

  private void write(ByteBuf bytes, int answerStatus) {
    state = State.WRITING;
    since = System.nanoTime();
    status = answerStatus;
    answerBytes = bytes.readableBytes();
    channel.writeAndFlush(bytes).addListener(this);
  }

  /** The answer left (or could not). */
  @Override
  public void operationComplete(ChannelFuture written) {
    if (!written.isSuccess()) {
      channel.close();
      return;
    }
    long now = System.nanoTime(); // one clock read: the request's end and the idle state's start
    if (log != null) {
      log.complete(status, answerBytes, door.sink(), now);
    }
    head = null;
    arrival = null;
    log = null;
    if (closeAfter) {
      linger();
      return;
    }
    state = State.IDLE;
    since = now;
    decoder.resume();
  }

  /** Shuts our side and reads what the client still sends until it closes, so it gets our answer, not a reset. */
  private void linger() {
    state = State.LINGER;
    since = System.nanoTime();
    if (!(channel instanceof DuplexChannel duplex)) {
      channel.close();
      return;
    }
    decoder.discard();
    duplex.shutdownOutput();
  }

  /** Answers a request that cannot be served (malformed, too slow) with {@code {"message":...}} and closes. */
  private void refuse(int answerStatus, String message) {
    if (state == State.DISCARD || state == State.WRITING || state == State.LINGER || state == State.CLOSED) {
      return;
    }
    if (log == null) {
      log = new RequestLog(since);
    }
    log.errorType("DEFAULT_4XX");
    closeAfter = true;
    write(ResponseEncoder.plain(channel.alloc(), answerStatus, message(answerStatus, message)), answerStatus);
  }

  private static String message(int status, String fallback) {
    return switch (status) {
      case 408 -> "Request Timeout";
      case 414 -> "Request-URI Too Long";
      case 431 -> "Request Header Fields Too Large";
      case 505 -> "HTTP Version Not Supported";
      default -> fallback;
    };
  }

  /** Called every second on this connection's loop: enforces the deadline of the current state. */
  void tick(long now) {
    switch (state) {
      case IDLE -> {
        long headStarted = decoder.headStartedNanos();
        if (headStarted != 0 && now - headStarted > limits.headerTimeoutNanos()) {
          refuse(408, "Request Timeout");
        } else if (headStarted == 0 && now - since > limits.idleTimeoutNanos()) {
          channel.close();
        }
      }
      case BODY -> {
        if (now - since > limits.headerTimeoutNanos() + bodyBytes * 1_000_000_000L / MIN_BODY_BYTES_PER_SECOND) {
          releaseBody();
          refuse(408, "Request Timeout");
        }
      }
      case WRITING -> {
        if (now - since > limits.idleTimeoutNanos()) {
          channel.close(); // the client does not read its answer
        }
      }
      case LINGER -> {
        if (now - since > LINGER_NANOS) {
          channel.close();
        }
      }
      default -> { }
    }
  }

  /** The server stops: an idle connection closes now, a busy one after its current answer. */
  void drain() {
    draining = true;
    closeAfter = true;
    if (state == State.IDLE && decoder.headStartedNanos() == 0) {
      channel.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof java.io.IOException)) {
      LOG.warn("execute connection from {} failed", sourceIp, cause);
    }
    ctx.close();
  }

  private void releaseBody() {
    if (body != null) {
      body.release();
      body = null;
    }
  }
}
