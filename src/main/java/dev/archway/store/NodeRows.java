package dev.archway.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The nodes sharing the store, each with the time it last said it was alive (epoch ms), inside one transaction. */
public final class NodeRows {
  /** One node: its name, where its listeners are, and when it started and was last seen. */
  public record Node(String nodeId, String address, long startedAt, long lastSeen) {}

  private final Connection connection;

  NodeRows(Connection connection) {
    this.connection = connection;
  }

  /** Records that {@code node} is alive now. */
  public void beat(Node node) {
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO nodes (node_id, address, started_at, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (node_id) DO UPDATE"
            + " SET address = excluded.address, started_at = excluded.started_at, last_seen = excluded.last_seen")) {
      s.setString(1, node.nodeId());
      s.setString(2, node.address());
      s.setLong(3, node.startedAt());
      s.setLong(4, node.lastSeen());
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("heartbeat of node " + node.nodeId(), e);
    }
  }

  /** The nodes seen at or after {@code since}, by name; those not seen for a day are forgotten. */
  public List<Node> live(long since) {
    try {
      try (PreparedStatement s = connection.prepareStatement("DELETE FROM nodes WHERE last_seen < ?")) {
        s.setLong(1, since - 86_400_000L);
        s.executeUpdate();
      }
      try (PreparedStatement s = connection.prepareStatement(
          "SELECT node_id, address, started_at, last_seen FROM nodes WHERE last_seen >= ? ORDER BY node_id")) {
        s.setLong(1, since);
        List<Node> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            out.add(new Node(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
          }
        }
        return out;
      }
    } catch (SQLException e) {
      throw new StoreException("list nodes", e);
    }
  }
}
