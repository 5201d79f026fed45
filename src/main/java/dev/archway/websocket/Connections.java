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

  void add(WebSocketConnection connection);

  void remove(WebSocketConnection connection);

  /** Sends one message; completes with false when the connection is gone (410 to a caller of @connections). */
  Future<Boolean> post(String connectionId, ByteBuf payload, boolean binary);

  /** The connection's state, or null when it is gone. */
  Future<Info> info(String connectionId);

  /** Closes the connection (its {@code $disconnect} runs); false when it was gone already. */
  Future<Boolean> close(String connectionId);

  /** Connections open on this node. */
  int size();
}
