package dev.archway.runtime;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.http.HttpServerRequestInternal;

/**
 * The execute listener runs in Vert.x's strict thread mode: an answer must leave on its
 * connection's own thread. Whoever writes one off that thread is sent back to it.
 */
public final class ConnectionThread {
  private ConnectionThread() {}

  /** True when the caller is off {@code request}'s thread: {@code write} then runs there later, and the caller stops. */
  public static boolean elsewhere(HttpServerRequest request, Runnable write) {
    ContextInternal context = ((HttpServerRequestInternal) request).context();
    if (context.executor().inThread()) {
      return false;
    }
    context.runOnContext(ignored -> write.run());
    return true;
  }
}
