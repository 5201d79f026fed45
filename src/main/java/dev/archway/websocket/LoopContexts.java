package dev.archway.websocket;

import io.netty.channel.EventLoop;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Vert.x context of each event loop, in which a connection's events run, as the execute
 * listener runs its requests: what they start (backend calls, template renders, validation on a
 * worker) then stays on the connection's own loop and completes there. Without it every call
 * would make a context of its own, on whichever loop Vert.x picks, and hop between loops.
 */
final class LoopContexts {
  private final VertxInternal vertx;
  private final Map<EventLoop, ContextInternal> contexts = new ConcurrentHashMap<>();

  LoopContexts(Vertx vertx) {
    this.vertx = (VertxInternal) vertx;
  }

  /** Runs {@code work} in the context of {@code loop}; called on that loop. */
  <T> Future<T> run(EventLoop loop, Supplier<Future<T>> work) {
    ContextInternal context = contexts.computeIfAbsent(loop, l ->
        vertx.contextBuilder().withEventLoop(l).withThreadingModel(ThreadingModel.EVENT_LOOP).build());
    ContextInternal previous = context.beginDispatch();
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    } finally {
      context.endDispatch(previous);
    }
  }

  @Override
  public String toString() {
    return "LoopContexts(" + contexts.size() + " loops)";
  }
}
