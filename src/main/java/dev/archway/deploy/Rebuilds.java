package dev.archway.deploy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;

/**
 * Runs one rebuild of a live snapshot at a time, on a worker thread: asking while one runs
 * schedules exactly one more, which starts after it and so sees every change made before it was
 * asked for; a burst of changes costs one rebuild.
 */
final class Rebuilds {
  private final Vertx vertx;
  private final Runnable rebuild;
  private final Logger log;
  private final String failure;
  /** Guarded by {@code this}: the rebuild running, and the one promised to requests that arrived meanwhile. */
  private Promise<Void> running;
  private Promise<Void> again;

  /** @param failure what the ERROR line says when a rebuild fails (the previous snapshot stays in force) */
  Rebuilds(Vertx vertx, Runnable rebuild, Logger log, String failure) {
    this.vertx = vertx;
    this.rebuild = rebuild;
    this.log = log;
    this.failure = failure;
  }

  /** Schedules a rebuild; the future completes once one that started after this call has published. */
  Future<Void> request() {
    Promise<Void> start;
    synchronized (this) {
      if (running != null) {
        if (again == null) {
          again = Promise.promise();
        }
        return again.future();
      }
      running = Promise.promise();
      start = running;
    }
    run(start);
    return start.future();
  }

  /** Completes when every rebuild requested so far has published (read-your-writes for the management API). */
  synchronized Future<Void> settled() {
    Promise<Void> last = again != null ? again : running;
    return last == null ? Future.succeededFuture() : last.future();
  }

  private void run(Promise<Void> done) {
    vertx.executeBlocking(() -> {
      rebuild.run();
      return null;
    }).onComplete(ar -> {
      if (ar.failed()) {
        log.error(failure, ar.cause());
      }
      Promise<Void> next;
      synchronized (this) {
        next = again;
        again = null;
        running = next;
      }
      done.complete();
      if (next != null) {
        run(next);
      }
    });
  }
}
