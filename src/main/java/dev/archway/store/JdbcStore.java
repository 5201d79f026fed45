package dev.archway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on SQLite (one file in the data directory: the embedded default) or on PostgreSQL
 * (many nodes): the same tables, migrations and statements, a {@link Dialect} for what differs.
 * SQLite runs WAL with {@code synchronous=FULL} on one connection behind a lock. PostgreSQL runs
 * on a HikariCP pool; every write first takes one transaction-level advisory lock, so writes are
 * serial across nodes exactly as SQLite's are (check-then-write stays correct), and announces its
 * changes with NOTIFY in the same transaction, which {@link PostgresFeed} hands to the listeners of
 * every other node once it commits.
 */
public final class JdbcStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);
  private static final List<String> MIGRATIONS = List.of("db/V1__documents.sql", "db/V2__metrics.sql", "db/V3__nodes.sql");
  private static final long WRITE_LOCK = 0x4172636877617901L;
  private static final long MIGRATION_LOCK = 0x4172636877617902L;
  /** How long opening waits for the change feed's first connection before going on without it. */
  private static final Duration FIRST_LISTEN = Duration.ofSeconds(3);

  private final Dialect dialect;
  /** SQLite: the one connection, and the lock every transaction holds. */
  private final Connection single;
  private final ReentrantLock singleLock = new ReentrantLock();
  /** PostgreSQL: the pool, and the feed of other nodes' changes. */
  private final HikariDataSource pool;
  private PostgresFeed feed;
  /** Marks this store's own notifications, which it has already delivered on the writing thread. */
  private final String origin = UUID.randomUUID().toString();
  private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
  /** The transaction open on this thread, which nested reads and writes join (as SQLite's one connection did). */
  private final ThreadLocal<Documents> current = new ThreadLocal<>();
  private volatile boolean migrated;
  private volatile boolean opened;
  /** The feed connections made before opening returned: what their LISTEN heard is all there is to hear. */
  private volatile int connectionsAtOpen;

  private JdbcStore(Dialect dialect, Connection single, HikariDataSource pool) {
    this.dialect = dialect;
    this.single = single;
    this.pool = pool;
  }

  /** The embedded store: {@code archway.db} in {@code dataDir}, created and migrated when needed. */
  public static JdbcStore sqlite(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("archway.db"));
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      JdbcStore store = new JdbcStore(Dialect.SQLITE, c, null);
      store.migrate();
      store.opened = true;
      return store;
    } catch (IOException | SQLException e) {
      throw new StoreException("open store in " + dataDir, e);
    }
  }

  /** A store in memory (a snapshot being served, tests), migrated. */
  public static JdbcStore inMemory() {
    try {
      JdbcStore store = new JdbcStore(Dialect.SQLITE, DriverManager.getConnection("jdbc:sqlite::memory:"), null);
      store.migrate();
      store.opened = true;
      return store;
    } catch (SQLException e) {
      throw new StoreException("open store in memory", e);
    }
  }

  /**
   * The store on PostgreSQL. A database that cannot be reached yet does not fail the open: the
   * migrations run and the feed starts once it answers, and the feed then announces
   * {@link Change#EVERYTHING}. {@code applicationName} names the node's connections in {@code pg_stat_activity}.
   */
  public static JdbcStore postgresql(String jdbcUrl, String user, String password, String applicationName) {
    Properties properties = new Properties();
    if (user != null) {
      properties.setProperty("user", user);
    }
    if (password != null) {
      properties.setProperty("password", password);
    }
    properties.setProperty("ApplicationName", applicationName);
    // Fail fast when the server is gone: management answers 503 instead of hanging, the feed reconnects.
    properties.setProperty("connectTimeout", "2");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("tcpKeepAlive", "true");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setDataSourceProperties(properties);
    config.setPoolName("archway-store");
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(1000);
    config.setInitializationFailTimeout(-1);
    JdbcStore store = new JdbcStore(Dialect.POSTGRESQL, null, new HikariDataSource(config));
    try {
      store.migrate();
    } catch (StoreException e) {
      if (!e.unavailable()) {
        store.close();
        throw e;
      }
      log.warn("store: PostgreSQL unreachable at start ({}); serving what the local snapshot holds until it answers",
          e.getMessage());
    }
    store.feed = new PostgresFeed(jdbcUrl, properties, store.origin, store::remoteChange, store.feedHook);
    store.feed.awaitConnected(FIRST_LISTEN);
    store.connectionsAtOpen = store.feed.connections();
    store.opened = true;
    return store;
  }

  @Override
  public <T> T read(Function<Documents, T> work) {
    return transaction(false, work);
  }

  @Override
  public <T> T write(Function<Documents, T> work) {
    return transaction(true, work);
  }

  @Override
  public void onChange(Consumer<Change> listener) {
    listeners.add(listener);
  }

  /** Whether the database answers: always for SQLite; for PostgreSQL, whether the change feed is connected. */
  public boolean reachable() {
    return feed == null || feed.connected();
  }

  /** Whether this store is shared by several nodes (PostgreSQL). */
  public boolean shared() {
    return dialect == Dialect.POSTGRESQL;
  }

  @Override
  public void close() {
    if (feed != null) {
      feed.close();
    }
    if (pool != null) {
      pool.close();
      return;
    }
    singleLock.lock();
    try {
      single.close();
    } catch (SQLException e) {
      throw new StoreException("close", e);
    } finally {
      singleLock.unlock();
    }
  }

  /** Runs {@code work} in one transaction on a borrowed connection; a nested call joins the open one. */
  private <T> T transaction(boolean write, Function<Documents, T> work) {
    Documents open = current.get();
    if (open != null) {
      return work.apply(open);
    }
    Connection c = borrow();
    Documents docs = new Documents(c);
    T result;
    current.set(docs);
    try {
      c.setAutoCommit(false);
      if (write && dialect == Dialect.POSTGRESQL) {
        advisoryLock(c, WRITE_LOCK);
      }
      result = work.apply(docs);
      if (write && dialect == Dialect.POSTGRESQL) {
        announce(c, docs.changes());
      }
      c.commit();
    } catch (RuntimeException e) {
      rollback(c);
      throw e;
    } catch (SQLException e) {
      rollback(c);
      throw new StoreException(write ? "write" : "read", e);
    } finally {
      current.remove();
      giveBack(c);
    }
    if (write) {
      docs.changes().forEach(this::deliver);
    }
    return result;
  }

  private Connection borrow() {
    if (pool == null) {
      singleLock.lock();
      return single;
    }
    if (feed != null && !feed.connected() && migrated) {
      throw StoreException.unavailable("PostgreSQL");
    }
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("connect to PostgreSQL", e);
    }
  }

  private void giveBack(Connection c) {
    if (pool == null) {
      try {
        c.setAutoCommit(true);
      } catch (SQLException e) {
        log.warn("store: could not reset the connection: {}", e.toString());
      } finally {
        singleLock.unlock();
      }
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      log.debug("store: closing a pooled connection failed: {}", e.toString());
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      log.debug("store: rollback failed: {}", e.toString());
    }
  }

  private static void advisoryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      s.setLong(1, key);
      s.execute();
    }
  }

  /** NOTIFY for each distinct change; PostgreSQL delivers them when (and only if) the transaction commits. */
  private void announce(Connection c, List<Change> changes) throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement("SELECT pg_notify('" + PostgresFeed.CHANNEL + "', ?)")) {
      for (Change change : new LinkedHashSet<>(changes)) {
        s.setString(1, PostgresFeed.payload(origin, change));
        s.execute();
      }
    }
  }

  private void deliver(Change change) {
    for (Consumer<Change> listener : listeners) {
      try {
        listener.accept(change);
      } catch (RuntimeException e) {
        log.error("store: a change listener failed on {}", change, e);
      }
    }
  }

  private void remoteChange(Change change) {
    deliver(change);
  }

  /**
   * The feed (re)connects: migrate on its connection if that could not be done at start (the pool
   * may still be backing off). A failure here is the feed's, which retries.
   */
  private final PostgresFeed.Hook feedHook = new PostgresFeed.Hook() {
    @Override
    public void connecting(Connection c) throws SQLException {
      if (!migrated) {
        migrate(c);
        c.setAutoCommit(true);
      }
    }

    /**
     * Changes committed while the feed was away were not heard: have everything read again, once
     * the pool serves connections too (after an outage it may still be backing off for a moment).
     */
    @Override
    public void connected(int connection) {
      if (!opened || connection <= connectionsAtOpen) {
        return;
      }
      for (int attempt = 0; attempt < 20; attempt++) {
        try (Connection c = pool.getConnection()) {
          break;
        } catch (SQLException e) {
          log.debug("store: the pool does not serve connections yet: {}", e.toString());
        }
      }
      deliver(Change.EVERYTHING);
    }
  };

  private void migrate() {
    Connection c = pool == null ? borrow() : connectForMigration();
    try {
      migrate(c);
    } catch (SQLException e) {
      throw new StoreException("migrate", e);
    } finally {
      giveBack(c);
    }
  }

  /** Applies, in one transaction, the migrations the database has not seen yet (on PostgreSQL one node at a time). */
  private void migrate(Connection c) throws SQLException {
    try {
      c.setAutoCommit(false);
      if (dialect == Dialect.POSTGRESQL) {
        advisoryLock(c, MIGRATION_LOCK);
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int version;
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        for (int v = version + 1; v <= MIGRATIONS.size(); v++) {
          for (String sql : script(MIGRATIONS.get(v - 1)).split(";")) {
            if (!sql.isBlank()) {
              s.execute(dialect.ddl(sql));
            }
          }
          s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
        }
      }
      c.commit();
      migrated = true;
    } catch (SQLException e) {
      rollback(c);
      throw e;
    } catch (IOException e) {
      rollback(c);
      throw new StoreException("migrate", e);
    }
  }

  private Connection connectForMigration() {
    try {
      return pool.getConnection();
    } catch (SQLException e) {
      throw new StoreException("connect to PostgreSQL", e);
    }
  }

  private static String script(String resource) throws IOException {
    try (InputStream in = JdbcStore.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing migration " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public String toString() {
    return "JdbcStore(" + dialect + (feed == null ? "" : ", " + feed) + ")";
  }
}
