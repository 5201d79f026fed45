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
  public Future<Boolean> post(Address to, ByteBuf payload, boolean binary) {
    WebSocketConnection connection = find(to);
    if (connection == null) {
      payload.release();
      return Future.succeededFuture(false);
    }
    return connection.send(payload, binary);
  }

  @Override
  public Future<Info> info(Address of) {
    WebSocketConnection c = find(of);
    return Future.succeededFuture(c == null || c.isClosing() ? null
        : new Info(c.connectedAt(), c.lastActiveAt(), c.sourceIp(), c.userAgent()));
  }

  @Override
  public Future<Boolean> close(Address which) {
    WebSocketConnection connection = find(which);
    if (connection == null || connection.isClosing()) {
      return Future.succeededFuture(false);
    }
    connection.close(WebSocketConnection.GOING_AWAY, "Going away");
    return Future.succeededFuture(true);
  }

  /** The open connection at that address, or null (none with that id, or one of another API or stage). */
  private WebSocketConnection find(Address address) {
    WebSocketConnection connection = open.get(address.connectionId());
    return connection != null && address.reaches(connection) ? connection : null;
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
