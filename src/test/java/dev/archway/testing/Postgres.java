package dev.archway.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (embedded binaries, no Docker) for tests. {@link #shared()} is one
 * server for the whole test run, started on first use, each caller taking a database of its own;
 * {@link #start(Path, int)} is a server of a test's own, which it may stop and start again (outages).
 */
public final class Postgres implements AutoCloseable {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Postgres shared;

  private final Path dataDir;
  private final int port;
  private EmbeddedPostgres server;

  private Postgres(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
    restart();
  }

  /** The server shared by every test of this run; closed when the JVM exits. */
  public static synchronized Postgres shared() {
    if (shared == null) {
      shared = new Postgres(null, 0);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "postgres-stop"));
    }
    return shared;
  }

  /** A server of one's own: its data in {@code dataDir} (kept across {@link #stop()} and {@link #restart()}), on {@code port}. */
  public static Postgres start(Path dataDir, int port) {
    return new Postgres(dataDir, port);
  }

  /** A new, empty database on this server; returns its JDBC URL (user and password {@code postgres}). */
  public String newDatabase() {
    String name = "archway_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("create database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
  }

  public int port() {
    return server.getPort();
  }

  /** Stops the server (an outage); its data stays. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  /** Starts it again on the same port and data. */
  public synchronized void restart() {
    try {
      // Durability is not under test here; the shared, loaded test machine's fsyncs are slow.
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off");
      if (dataDir != null) {
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port);
      }
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("start PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
