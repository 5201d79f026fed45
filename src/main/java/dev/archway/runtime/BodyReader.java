package dev.archway.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/** Buffers a request body up to a limit, failing as soon as the limit is passed (chunked bodies included). */
final class BodyReader {

  /** The body is larger than the limit. No stack trace: it is an answer, not a bug. */
  static final class TooLarge extends RuntimeException {
    TooLarge(long limit) {
      super("request body over " + limit + " bytes", null, false, false);
    }
  }

  private BodyReader() {}

  static Future<Buffer> read(HttpServerRequest request, long limit) {
    if (request.isEnded()) {
      return Future.succeededFuture(Buffer.buffer());
    }
    Promise<Buffer> result = Promise.promise();
    Buffer body = Buffer.buffer();
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
      request.response().writeContinue();
    }
    request.handler(chunk -> {
      if (result.future().isComplete()) {
        return; // over the limit already: discard until the connection closes
      }
      if ((long) body.length() + chunk.length() > limit) {
        result.tryFail(new TooLarge(limit));
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(v -> result.tryComplete(body));
    request.exceptionHandler(result::tryFail);
    return result.future();
  }
}
