package dev.archway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.embedded.RedisServer;

/** A real Redis server (the binary embedded-redis ships, no Docker) on a fixed port, stoppable for outages. */
public final class RedisServerForTests implements AutoCloseable {
  private final int port;
  private RedisServer server;

  private RedisServerForTests(int port) {
    this.port = port;
    restart();
  }

  public static RedisServerForTests start(int port) {
    return new RedisServerForTests(port);
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server (an outage); what it held is lost, as when Redis restarts without persistence. */
  public synchronized void stop() {
    if (server != null) {
      try {
        server.stop();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server = null;
    }
  }

  public synchronized void restart() {
    try {
      server = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"")
          .setting("appendonly no").build();
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("start Redis on port " + port, e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
