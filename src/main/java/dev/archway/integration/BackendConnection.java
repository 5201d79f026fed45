package dev.archway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.http.impl.headers.HeadersAdaptor;
import io.vertx.core.internal.buffer.BufferInternal;
import java.io.IOException;

/**
 * One keep-alive connection to a backend: writes a call's request, buffers the answer within
 * {@link HttpProxyIntegration#MAX_RESPONSE_BYTES} and hands the connection back to its pool.
 * One call at a time (no pipelining). Runs on the connection's event loop only.
 */
final class BackendConnection extends ChannelInboundHandlerAdapter {
  /** Most API answers fit in one allocation of this size; larger ones grow as their bytes arrive. */
  static final int INITIAL_BODY_BYTES = 256 * 1024;

  private final OriginPool pool;
  private Channel channel;
  private BackendCall call;
  private HttpResponse head;
  private ByteBuf body;
  /** A 1xx answer (100 Continue, 103 Early Hints) is skipped: the real one follows. */
  private boolean informational;
  /** The call is a HEAD: its answer has no body whatever its Content-Length says. */
  private boolean headRequest;
  /** Some of the current call's answer arrived: sending the request again is no longer safe. */
  private boolean answering;
  /** Exchanges completed here: a connection that has served one may have been closed by its peer meanwhile. */
  private int served;
  private long idleSince;

  BackendConnection(OriginPool pool) {
    this.pool = pool;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    channel = context.channel();
  }

  boolean usable() {
    return channel.isActive();
  }

  boolean answersHead() {
    return headRequest;
  }

  long idleSince() {
    return idleSince;
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  /** Sends {@code next}'s request, or rests again when that call already ended (timed out while waiting). */
  void serve(BackendCall next) {
    if (next.done()) {
      pool.release(this);
      return;
    }
    call = next;
    headRequest = next.method().equals("HEAD");
    channel.writeAndFlush(next.take(this), channel.voidPromise());
  }

  /** The call timed out while this connection served it: the rest of its answer must not reach the next call. */
  void abandon(BackendCall timedOut) {
    if (call == timedOut) {
      reset();
      channel.close();
    }
  }

  void close() {
    channel.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object message) {
    try {
      if (call == null) {
        channel.close(); // bytes nobody asked for: the connection's framing cannot be trusted any more
        return;
      }
      answering = true;
      if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
        fail(new IOException("malformed answer from " + pool.origin(), object.decoderResult().cause()));
        return;
      }
      if (message instanceof HttpResponse response && !begin(response)) {
        return;
      }
      if (message instanceof HttpContent content && !informational && !append(content.content())) {
        return;
      }
      if (message instanceof LastHttpContent) {
        if (informational) {
          informational = false;
        } else {
          complete();
        }
      }
    } finally {
      ReferenceCountUtil.release(message);
    }
  }

  private boolean begin(HttpResponse response) {
    informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL
        && response.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    if (informational) {
      return true;
    }
    // Answers to HEAD, 204 and 304 have no body (RFC 9110 6.4.1) and the codec reads none, but their
    // Content-Length may name the full representation's size: a HEAD of a 30 MB file must not fail.
    int code = response.status().code();
    long length = headRequest || code == 204 || code == 304 ? 0 : HttpUtil.getContentLength(response, -1L);
    if (length > HttpProxyIntegration.MAX_RESPONSE_BYTES) {
      fail(tooLarge());
      return false;
    }
    head = response;
    // The announced length sizes the buffer only up to INITIAL_BODY_BYTES: otherwise a backend that
    // announces 20 MB and sends nothing would make the gateway hold 20 MB per call for free.
    body = Unpooled.buffer(length >= 0 ? (int) Math.min(length, INITIAL_BODY_BYTES) : 256);
    return true;
  }

  private boolean append(ByteBuf chunk) {
    if ((long) body.readableBytes() + chunk.readableBytes() > HttpProxyIntegration.MAX_RESPONSE_BYTES) {
      fail(tooLarge());
      return false;
    }
    body.writeBytes(chunk);
    return true;
  }

  private void complete() {
    BackendCall answered = call;
    // The decoder reads headers into a MultiMap (AnswerDecoder); adapted only should another kind arrive.
    MultiMap headers = head.headers() instanceof MultiMap read ? read : new HeadersAdaptor(head.headers());
    BackendResponse response = new BackendResponse(head.status().code(), headers, BufferInternal.buffer(body));
    boolean reusable = HttpUtil.isKeepAlive(head) && head.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    call = null;
    head = null;
    body = null;
    answering = false;
    served++;
    if (reusable && channel.isActive()) {
      pool.release(this);
    } else {
      channel.close();
    }
    answered.succeed(response);
  }

  private void fail(Throwable cause) {
    BackendCall failed = call;
    reset();
    channel.close();
    if (failed != null) {
      failed.fail(cause);
    }
  }

  private void reset() {
    call = null;
    head = null;
    informational = false;
    answering = false;
    if (body != null) {
      body.release();
      body = null;
    }
  }

  private IllegalStateException tooLarge() {
    return new IllegalStateException("integration response over " + HttpProxyIntegration.MAX_RESPONSE_BYTES + " bytes");
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (call != null) {
      failOrRetry(new IOException("connection to " + pool.origin() + " closed before the answer was complete"));
    }
    context.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    if (call == null) {
      channel.close();
    } else if (cause instanceof IOException) {
      failOrRetry(cause); // reset by the peer
    } else {
      fail(cause);
    }
  }

  /**
   * A kept-alive connection the backend closed just as the request left it (its close and our
   * request crossed): the request is sent once more on another connection when that is safe, as
   * nginx does; otherwise the call fails.
   */
  private void failOrRetry(Throwable cause) {
    BackendCall failed = call;
    if (served > 0 && !answering && failed.retry()) {
      reset();
      channel.close();
      pool.acquire(failed);
      return;
    }
    fail(cause);
  }
}
