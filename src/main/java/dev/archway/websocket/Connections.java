package dev.archway.websocket;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;

/**
 * The open WebSocket connections and delivery to them: what {@code @connections} and two-way routes
 * use. One node keeps them in memory ({@link LocalConnections}); several nodes put a shared registry
 * behind the same interface, so callers never know where a connection lives. Every operation
 * answers with a future and never blocks.
 */
public interface Connections {

  /** What GetConnection reports: epoch milliseconds, and the caller's identity at {@code $connect}. */
  record Info(long connectedAt, long lastActiveAt, String sourceIp, String userAgent) {}

  /**
   * A connection as a caller of {@code @connections} names it: the API and stage of the URL it
   * called, and the id. A connection of another API or stage is gone for that caller, as one
   * that closed is: ids never reach across APIs.
   */
  record Address(String apiId, String stageName, String connectionId) {
    boolean reaches(WebSocketConnection connection) {
      return connection.apiId().equals(apiId) && connection.stageName().equals(stageName);
    }
  }

  void add(WebSocketConnection connection);

  void remove(WebSocketConnection connection);

  /** Sends one message; completes with false when the connection is gone (410 to a caller of @connections). */
  Future<Boolean> post(Address to, ByteBuf payload, boolean binary);

  /** The connection's state, or null when it is gone. */
  Future<Info> info(Address of);

  /** Closes the connection (its {@code $disconnect} runs); false when it was gone already. */
  Future<Boolean> close(Address which);

  /** Connections open on this node. */
  int size();
}
