package dev.archway.integration;

import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.TimeUnit;

/**
 * One request to a backend, from the moment it is sent until it is answered, fails or runs out of
 * time. Lives on one event loop; ends exactly once.
 */
final class BackendCall {
  private final Promise<BackendResponse> promise;
  private final Origin origin;
  private final String absoluteUri;
  /** Until a connection takes it for writing (the write releases it), or the call ends unsent. */
  private FullHttpRequest request;
  private ScheduledFuture<?> deadline;
  private long timeoutMillis;
  private long deadlineNanos;
  private BackendConnection connection;
  private boolean done;

  BackendCall(Promise<BackendResponse> promise, Origin origin, FullHttpRequest request, String absoluteUri) {
    this.promise = promise;
    this.origin = origin;
    this.request = request;
    this.absoluteUri = absoluteUri;
  }

  /** Starts the one deadline covering connect, send and the whole answer (AWS's timeoutInMillis). */
  void deadline(EventLoop loop, long millis) {
    timeoutMillis = millis;
    deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    deadline = loop.schedule(this::expire, millis, TimeUnit.MILLISECONDS);
  }

  long remainingMillis() {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  Origin origin() {
    return origin;
  }

  Future<BackendResponse> future() {
    return promise.future();
  }

  boolean done() {
    return done;
  }

  /** Hands the request to {@code by}, which writes it; from now on a timeout closes that connection. */
  FullHttpRequest take(BackendConnection by) {
    connection = by;
    FullHttpRequest taken = request;
    request = null;
    return taken;
  }

  void succeed(BackendResponse response) {
    if (end()) {
      promise.complete(response);
    }
  }

  void fail(Throwable cause) {
    if (end()) {
      promise.fail(cause);
    }
  }

  private boolean end() {
    if (done) {
      return false;
    }
    done = true;
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (request != null) {
      request.release();
      request = null;
    }
    return true;
  }

  private void expire() {
    BackendConnection serving = connection;
    fail(new BackendTimeoutException(absoluteUri, timeoutMillis));
    if (serving != null) {
      serving.abandon(this); // the answer may still be arriving: the connection cannot be reused
    }
  }
}
