package dev.archway.websocket;

import io.netty.buffer.ByteBuf;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The connections of this node, by id: a concurrent map, and delivery on each connection's own event loop. */
public final class LocalConnections implements Connections {
  private final Map<String, WebSocketConnection> open = new ConcurrentHashMap<>();

  @Override
  public void add(WebSocketConnection connection) {
    open.put(connection.connectionId(), connection);
  }

  @Override
  public void remove(WebSocketConnection connection) {
    open.remove(connection.connectionId(), connection);
  }

  @Override
  public Future<Boolean> post(String connectionId, ByteBuf payload, boolean binary) {
    WebSocketConnection connection = open.get(connectionId);
    if (connection == null) {
      payload.release();
      return Future.succeededFuture(false);
    }
    return connection.send(payload, binary);
  }

  @Override
  public Future<Info> info(String connectionId) {
    WebSocketConnection c = open.get(connectionId);
    return Future.succeededFuture(c == null || c.isClosing() ? null
        : new Info(c.connectedAt(), c.lastActiveAt(), c.sourceIp(), c.userAgent()));
  }

  @Override
  public Future<Boolean> close(String connectionId) {
    WebSocketConnection connection = open.get(connectionId);
    if (connection == null || connection.isClosing()) {
      return Future.succeededFuture(false);
    }
    connection.close(WebSocketConnection.GOING_AWAY, "Going away");
    return Future.succeededFuture(true);
  }

  @Override
  public int size() {
    return open.size();
  }

  @Override
  public String toString() {
    return "LocalConnections(" + open.size() + " open)";
  }
}
