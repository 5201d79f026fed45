package dev.archway.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded store: one SQLite file in the data directory. WAL with {@code synchronous=FULL},
 * so a write acknowledged to a client survives {@code kill -9} and power loss. SQLite has one
 * writer at a time; one connection behind a lock is both simplest and fast enough for a control plane.
 */
public final class SqliteStore implements Store {
  private static final List<String> MIGRATIONS = List.of("db/V1__documents.sql", "db/V2__metrics.sql");

  private final Connection connection;
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

  private SqliteStore(Connection connection) {
    this.connection = connection;
  }

  public static SqliteStore open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("archway.db"));
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      migrate(c);
      return new SqliteStore(c);
    } catch (IOException | SQLException e) {
      throw new StoreException("open store in " + dataDir, e);
    }
  }

  @Override
  public synchronized <T> T read(Function<Documents, T> work) {
    return work.apply(new Documents(connection));
  }

  @Override
  public <T> T write(Function<Documents, T> work) {
    Documents docs;
    T result;
    synchronized (this) {
      docs = new Documents(connection);
      try {
        connection.setAutoCommit(false);
        result = work.apply(docs);
        connection.commit();
      } catch (RuntimeException e) {
        rollback();
        throw e;
      } catch (SQLException e) {
        rollback();
        throw new StoreException("commit", e);
      } finally {
        autoCommit();
      }
    }
    docs.changes().forEach(change -> listeners.forEach(l -> l.accept(change)));
    return result;
  }

  @Override
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("close", e);
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw new StoreException("rollback", e);
    }
  }

  private void autoCommit() {
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new StoreException("autocommit", e);
    }
  }

  /** Applies, in order and each in its own transaction, the migrations this file has not seen yet. */
  private static void migrate(Connection c) throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      int current;
      try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
        current = rs.next() ? rs.getInt(1) : 0;
      }
      for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
        c.setAutoCommit(false);
        for (String sql : script(MIGRATIONS.get(v - 1)).split(";")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
        s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
        c.commit();
        c.setAutoCommit(true);
      }
    }
  }

  private static String script(String resource) throws IOException {
    try (InputStream in = SqliteStore.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing migration " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
