package dev.archway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the documents table inside one transaction. Plain SQL that SQLite and
 * PostgreSQL both accept, so every {@link Store} shares it.
 */
public final class Documents {
  private final Connection connection;
  private final List<Change> changes = new ArrayList<>();

  Documents(Connection connection) {
    this.connection = connection;
  }

  public <T> Optional<T> get(Kind<T> kind, String scope, String id) {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT body FROM documents WHERE kind = ? AND scope = ? AND id = ?")) {
      s.setString(1, kind.name());
      s.setString(2, scope);
      s.setString(3, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(decode(kind, rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("get " + kind + " " + scope + "/" + id, e);
    }
  }

  /** Every document of a kind in a scope, oldest first. */
  public <T> List<T> list(Kind<T> kind, String scope) {
    return query(kind, "SELECT body FROM documents WHERE kind = ? AND scope = ? ORDER BY seq", scope);
  }

  /** Every document of a kind in every scope, oldest first (start-up and tooling). */
  public <T> List<T> listAll(Kind<T> kind) {
    return query(kind, "SELECT body FROM documents WHERE kind = ? ORDER BY seq", null);
  }

  /** The scope a document id lives in, whatever the scope: ids of APIs are unique store-wide. */
  public Optional<String> scopeOf(Kind<?> kind, String id) {
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT scope FROM documents WHERE kind = ? AND id = ?")) {
      s.setString(1, kind.name());
      s.setString(2, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("scopeOf " + kind + " " + id, e);
    }
  }

  public <T> void put(Kind<T> kind, String scope, String id, T value) {
    try (PreparedStatement s = connection.prepareStatement(
        "INSERT INTO documents (kind, scope, id, body) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (kind, scope, id) DO UPDATE SET body = excluded.body")) {
      s.setString(1, kind.name());
      s.setString(2, scope);
      s.setString(3, id);
      s.setString(4, Json.MAPPER.writeValueAsString(value));
      s.executeUpdate();
      changes.add(new Change(kind, scope, id));
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("put " + kind + " " + scope + "/" + id, e);
    }
  }

  public boolean delete(Kind<?> kind, String scope, String id) {
    try (PreparedStatement s = connection.prepareStatement(
        "DELETE FROM documents WHERE kind = ? AND scope = ? AND id = ?")) {
      s.setString(1, kind.name());
      s.setString(2, scope);
      s.setString(3, id);
      boolean deleted = s.executeUpdate() > 0;
      if (deleted) {
        changes.add(new Change(kind, scope, id));
      }
      return deleted;
    } catch (SQLException e) {
      throw new StoreException("delete " + kind + " " + scope + "/" + id, e);
    }
  }

  /** Deletes every document of every kind in a scope (an API's contents). */
  public void deleteScope(String scope) {
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM documents WHERE scope = ?")) {
      s.setString(1, scope);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("deleteScope " + scope, e);
    }
  }

  /**
   * Deletes the documents of a kind, in every scope, whose id sorts before {@code id} (kinds keyed
   * by time, such as alarm history, drop what has aged out). Returns how many.
   */
  public int deleteIdsBefore(Kind<?> kind, String id) {
    try (PreparedStatement s = connection.prepareStatement("DELETE FROM documents WHERE kind = ? AND id < ?")) {
      s.setString(1, kind.name());
      s.setString(2, id);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("deleteIdsBefore " + kind + " " + id, e);
    }
  }

  /** The CloudWatch metric tables, in this same transaction. */
  public MetricRows metrics() {
    return new MetricRows(connection);
  }

  /** The nodes sharing the store (many nodes), in this same transaction. */
  public NodeRows nodes() {
    return new NodeRows(connection);
  }

  /** One stored row as it is, for {@link StoreSnapshot}. */
  interface RowConsumer {
    void accept(String kind, String scope, String id, String body);
  }

  /** Every document as stored, oldest first. */
  void forEachRow(RowConsumer consumer) {
    try (PreparedStatement s = connection.prepareStatement("SELECT kind, scope, id, body FROM documents ORDER BY seq");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        consumer.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
      }
    } catch (SQLException e) {
      throw new StoreException("read every document", e);
    }
  }

  /** Stores a row as it is (a snapshot being loaded): no change is announced. */
  void putRow(String kind, String scope, String id, String body) {
    try (PreparedStatement s = connection.prepareStatement("INSERT INTO documents (kind, scope, id, body) VALUES (?, ?, ?, ?)")) {
      s.setString(1, kind);
      s.setString(2, scope);
      s.setString(3, id);
      s.setString(4, body);
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("load " + kind + " " + scope + "/" + id, e);
    }
  }

  List<Change> changes() {
    return changes;
  }

  private <T> List<T> query(Kind<T> kind, String sql, String scope) {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, kind.name());
      if (scope != null) {
        s.setString(2, scope);
      }
      List<T> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(decode(kind, rs.getString(1)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("list " + kind + " " + scope, e);
    }
  }

  private static <T> T decode(Kind<T> kind, String body) {
    try {
      return Json.MAPPER.readValue(body, kind.type());
    } catch (JsonProcessingException e) {
      throw new StoreException("decode " + kind, e);
    }
  }
}
