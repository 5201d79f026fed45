package dev.archway.runtime;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Buffers a request body up to a limit, failing as soon as the limit is passed (chunked bodies included). */
public final class BodyReader {

  /** The body is larger than the limit. No stack trace: it is an answer, not a bug. */
  public static final class TooLarge extends RuntimeException {
    TooLarge(long limit) {
      super("request body over " + limit + " bytes", null, false, false);
    }
  }

  private BodyReader() {}

  public static Future<Buffer> read(HttpServerRequest request, long limit) {
    if (request.isEnded() || !hasBody(request)) {
      return Future.succeededFuture(Buffer.buffer());
    }
    Promise<Buffer> result = Promise.promise();
    Buffer body = Buffer.buffer();
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
    request.handler(chunk -> {
      if ((long) body.length() + chunk.length() > limit) {
        result.tryFail(new TooLarge(limit));
        discard(request, limit);
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> result.tryComplete(body));
    request.exceptionHandler(result::tryFail);
    return result.future();
  }

  /** HTTP/1.x: a request without Content-Length and Transfer-Encoding has no body (RFC 9112 6.3). */
  private static boolean hasBody(HttpServerRequest request) {
    return request.headers().contains(HttpHeaderNames.CONTENT_LENGTH) || request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
  }

  /**
   * Reads and drops the rest of a refused body, so the client, still sending, can read our 413
   * instead of a reset connection (a lingering close). A client that sends more than another
   * {@code limit} bytes is not finishing: its connection is closed.
   */
  public static void discard(HttpServerRequest request, long limit) {
    if (request.isEnded()) {
      return;
    }
    long[] dropped = {0};
    request.handler(chunk -> {
      dropped[0] += chunk.length();
      if (dropped[0] > limit) {
        request.connection().close();
      }
    });
  }
}
