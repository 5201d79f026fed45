package dev.archway.integration;

import io.netty.buffer.ByteBuf;
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
  /** Released when the call ends. */
  private WireRequest request;
  private final String method;
  private Deadlines deadlines;
  private long timeoutMillis;
  private long deadlineNanos;
  /** Neighbours in the loop's {@link Deadlines} while the call is in flight. */
  private BackendCall previous;
  private BackendCall next;
  private BackendConnection connection;
  private boolean retried;
  private boolean done;

  BackendCall(Promise<BackendResponse> promise, Origin origin, WireRequest request, String absoluteUri) {
    this.promise = promise;
    this.origin = origin;
    this.request = request;
    this.method = request.method();
    this.absoluteUri = absoluteUri;
  }

  /** Starts the one deadline covering connect, send and the whole answer (AWS's timeoutInMillis). */
  void deadline(Deadlines loopDeadlines, long millis) {
    timeoutMillis = millis;
    deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    deadlines = loopDeadlines;
    deadlines.track(this);
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  BackendCall next() {
    return next;
  }

  void linkBefore(BackendCall following) {
    next = following;
    if (following != null) {
      following.previous = this;
    }
  }

  void unlink() {
    if (previous != null) {
      previous.next = next;
    }
    if (next != null) {
      next.previous = previous;
    }
    previous = null;
    next = null;
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

  /**
   * The request for {@code by} to write (writing releases it); the call keeps its own copy until
   * it ends, should it be sent again. From now on a timeout closes that connection.
   */
  ByteBuf take(BackendConnection by) {
    connection = by;
    return request.bytes().retainedDuplicate(); // a view: the write consumes its indexes, not the call's
  }

  String method() {
    return method;
  }

  /**
   * Whether the call may go out once more after its reused connection closed before any byte of
   * the answer: only once, and only for a method a repeat cannot change (RFC 9110 9.2.2).
   */
  boolean retry() {
    if (retried || done || !request.idempotent()) {
      return false;
    }
    retried = true;
    connection = null;
    return true;
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
    if (deadlines != null) {
      deadlines.untrack(this);
    }
    if (request != null) {
      request.bytes().release();
      request = null;
    }
    return true;
  }

  /** The deadline passed: the call fails with {@link BackendTimeoutException}. */
  void expire() {
    BackendConnection serving = connection;
    fail(new BackendTimeoutException(absoluteUri, timeoutMillis));
    if (serving != null) {
      serving.abandon(this); // the answer may still be arriving: the connection cannot be reused
    }
  }
}
