package dev.archway.runtime;

import dev.archway.runtime.front.ExecuteListener;
import dev.archway.runtime.front.WebSocketUpgrade;
import dev.archway.runtime.httpapi.HttpApiLookup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The execute listener: API traffic, on Netty directly ({@link ExecuteListener}), one event loop
 * per core, each request served by the {@link FrontDoor} on its connection's loop.
 */
public final class ExecuteServer {
  private final ExecuteListener listener;

  private ExecuteServer(ExecuteListener listener) {
    this.listener = listener;
  }

  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages) {
    return start(vertx, host, port, stages, ExecuteLimits.AWS);
  }

  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits) {
    return start(vertx, host, port, stages, limits, HttpApiLookup.NONE);
  }

  /** @param httpApis the HTTP APIs served beside the REST APIs of {@code stages} */
  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits,
      HttpApiLookup httpApis) {
    return start(vertx, host, port, stages, limits, httpApis, Runtime.getRuntime().availableProcessors());
  }

  /** @param eventLoops how many event loops serve the listener (one per core by default) */
  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits,
      HttpApiLookup httpApis, int eventLoops) {
    return start(vertx, host, port, new FrontDoor(stages, httpApis, limits, RequestLogSink.NONE), eventLoops,
        WebSocketUpgrade.NONE);
  }

  /**
   * @param door serves each request
   * @param eventLoops how many of Vert.x's event loops serve the listener
   * @param webSockets takes the requests that ask to switch to WebSocket, when they name a WebSocket API
   */
  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, FrontDoor door, int eventLoops,
      WebSocketUpgrade webSockets) {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("execute event loops: " + eventLoops + " (expected: >= 1)");
    }
    return ExecuteListener.start(vertx, host, port, door, eventLoops, webSockets).map(ExecuteServer::new);
  }

  public int port() {
    return listener.port();
  }

  /**
   * Stops accepting connections (new ones are refused), closes the idle ones and lets the others
   * finish the request they are serving, each answer then closing its connection; completes when
   * none is left, or after {@code timeout}, when the rest are closed.
   *
   * @return how many connections were still open when the timeout passed (0: all finished)
   */
  public Future<Integer> drain(Duration timeout) {
    return listener.drain(timeout);
  }

  /** Closes the listener and every connection now. */
  public Future<Void> close() {
    return listener.close();
  }
}
