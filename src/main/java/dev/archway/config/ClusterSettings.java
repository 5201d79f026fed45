package dev.archway.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * How this node shares state with others ({@code --store}, {@code --redis}, {@code --node-id}). No
 * store URL means the embedded SQLite store; no Redis means limits, caches and WebSocket
 * connections of this node alone.
 *
 * @param store the PostgreSQL database, or null
 * @param redis the Redis connection string ({@code redis://host:6379}), or null
 * @param nodeId this node's name among the others (membership, logs, metrics)
 */
public record ClusterSettings(Postgres store, String redis, String nodeId) {
  public static final ClusterSettings NONE = new ClusterSettings(null, null, null);

  /** A PostgreSQL database as JDBC reaches it, with the credentials the URL gave (null: none). */
  public record Postgres(String jdbcUrl, String user, String password) {
    @Override
    public String toString() {
      return jdbcUrl + (user == null ? "" : " as " + user);
    }
  }

  public ClusterSettings {
    if (nodeId == null || nodeId.isBlank()) {
      nodeId = hostName();
    }
    if (!nodeId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException("--node-id: " + nodeId + " (expected: 1 to 64 letters, digits, '.', '_' or '-')");
    }
    if (redis != null && store == null) {
      throw new IllegalArgumentException("--redis: " + redacted(redis) + " needs --store (expected: the PostgreSQL the nodes share)");
    }
    if (redis != null && !redis.matches("rediss?://.+")) {
      throw new IllegalArgumentException("--redis: " + redacted(redis) + " (expected: redis://host:6379 or rediss://user:password@host:6379/0)");
    }
  }

  /** The flags as given: blank values are absent. */
  public static ClusterSettings of(String store, String redis, String nodeId) {
    return new ClusterSettings(store == null || store.isBlank() ? null : postgres(store),
        redis == null || redis.isBlank() ? null : redis, nodeId);
  }

  /** Whether several nodes share the store (PostgreSQL). */
  public boolean sharedStore() {
    return store != null;
  }

  /**
   * {@code postgresql://user:password@host:5432/db?options} (also {@code postgres://}), or a JDBC
   * URL {@code jdbc:postgresql://...} taken as it is.
   */
  static Postgres postgres(String url) {
    String expected = " (expected: postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database?user=...)";
    if (url.startsWith("jdbc:postgresql:")) {
      return new Postgres(url, null, null);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--store: " + redacted(url) + expected, e);
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null
        || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
      throw new IllegalArgumentException("--store: " + redacted(url) + expected);
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getRawPath()
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new Postgres(jdbc, user, password);
  }

  /** A URL as error messages and logs show it: without its password. */
  public static String redacted(String url) {
    return url.replaceFirst("://([^:/@]*):[^@/]*@", "://$1:****@");
  }

  private static String hostName() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && fromEnv.matches("[A-Za-z0-9._-]{1,64}")) {
      return fromEnv;
    }
    try {
      String name = InetAddress.getLocalHost().getHostName();
      return name.matches("[A-Za-z0-9._-]{1,64}") ? name : "archway";
    } catch (UnknownHostException e) {
      return "archway";
    }
  }

  @Override
  public String toString() {
    return "ClusterSettings(node " + nodeId + (store == null ? "" : ", store " + store) + (redis == null ? "" : ", redis "
        + redacted(redis)) + ")";
  }
}
