package dev.archway.testing;

import dev.archway.Archway;
import dev.archway.config.ClusterSettings;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer.TempFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * JUnit 5 extension: several real Archway nodes on free ports sharing one PostgreSQL database (a
 * fresh one on the shared test server, or one on a server of the test's own) and, when given, one
 * Redis: a cluster for one test class. Nodes are named {@code a}, {@code b}, {@code c}...
 */
public final class ArchwayCluster implements BeforeAllCallback, AfterAllCallback {
  private final int size;
  private final UnaryOperator<Settings> configure;
  private Postgres postgres;
  private RedisServerForTests redis;
  private boolean ownServers;
  private final List<Path> dataDirs = new ArrayList<>();
  private final List<Path> nodeDirs = new ArrayList<>();
  private final List<Archway> nodes = new ArrayList<>();
  private final List<ApiGatewayClient> clients = new ArrayList<>();
  private String databaseUrl;

  private ArchwayCluster(int size, UnaryOperator<Settings> configure) {
    this.size = size;
    this.configure = configure;
  }

  /** {@code size} nodes on the shared test PostgreSQL, without Redis. */
  public static ArchwayCluster onPostgres(int size) {
    return new ArchwayCluster(size, UnaryOperator.identity());
  }

  /** {@code size} nodes on a PostgreSQL and a Redis of their own, which a test may stop and start again. */
  public static ArchwayCluster withOwnServers(int size, UnaryOperator<Settings> configure) {
    ArchwayCluster cluster = new ArchwayCluster(size, configure);
    cluster.ownServers = true;
    return cluster;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (ownServers) {
      Path dir = Files.createTempDirectory("archway-cluster-servers");
      dataDirs.add(dir);
      postgres = Postgres.start(dir.resolve("pg"), FreePorts.next());
      redis = RedisServerForTests.start(FreePorts.next());
    } else {
      postgres = Postgres.shared();
    }
    databaseUrl = postgres.newDatabase();
    for (int i = 0; i < size; i++) {
      Path dir = Files.createTempDirectory("archway-node-" + name(i));
      dataDirs.add(dir);
      nodeDirs.add(dir);
      nodes.add(startNode(i));
    }
  }

  private Archway startNode(int i) {
    Path dir = nodeDirs.get(i);
    ClusterSettings cluster = new ClusterSettings(new ClusterSettings.Postgres(databaseUrl, "postgres", "postgres"),
        redis == null ? null : redis.url(), name(i));
    return Archway.start(configure.apply(Settings.forTests(dir).withCluster(cluster)));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    clients.stream().filter(java.util.Objects::nonNull).forEach(ApiGatewayClient::close);
    nodes.forEach(Archway::close);
    if (ownServers) {
      if (redis != null) {
        redis.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
    dataDirs.forEach(TempFiles::deleteTree);
  }

  public static String name(int node) {
    return String.valueOf((char) ('a' + node));
  }

  /** Stops node {@code i}; its data directory (and snapshot) stays for {@link #start(int)}. */
  public void stop(int i) {
    if (clients.size() > i) {
      clients.get(i).close();
      clients.set(i, null);
    }
    nodes.get(i).close();
  }

  /** Starts node {@code i} again on its data directory. */
  public Archway start(int i) {
    Archway node = startNode(i);
    nodes.set(i, node);
    if (clients.size() > i) {
      clients.set(i, ArchwayServer.client(node.adminPort(), Region.US_EAST_1, "AKIDTEST", "secret"));
    }
    return node;
  }

  public Path dataDir(int i) {
    return nodeDirs.get(i);
  }

  public Archway node(int i) {
    return nodes.get(i);
  }

  public int size() {
    return nodes.size();
  }

  /** The management client of node {@code i}. */
  public ApiGatewayClient client(int i) {
    while (clients.size() <= i) {
      clients.add(ArchwayServer.client(nodes.get(clients.size()).adminPort(), Region.US_EAST_1, "AKIDTEST", "secret"));
    }
    return clients.get(i);
  }

  /** A path-style invoke URL on node {@code i}. */
  public URI invoke(int i, String apiId, String stage, String path) {
    return URI.create("http://127.0.0.1:" + nodes.get(i).port() + "/restapis/" + apiId + "/" + stage + "/_user_request_" + path);
  }

  public URI admin(int i, String path) {
    return URI.create("http://127.0.0.1:" + nodes.get(i).adminPort() + path);
  }

  public Postgres postgres() {
    return postgres;
  }

  public RedisServerForTests redis() {
    return redis;
  }
}
