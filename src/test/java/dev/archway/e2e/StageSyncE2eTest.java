package dev.archway.e2e;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.mock;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.response;
import static dev.archway.testing.RestFixtures.restApi;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.LiveStages;
import dev.archway.deploy.StageSync;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.model.DeployedApi;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.ExecuteServer;
import dev.archway.store.Kind;
import dev.archway.store.JdbcStore;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.archway.testing.TestStores;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Stages follow the store: start-up load, readiness, recompiles swapped in under traffic, API deletion. */
@ParameterizedClass
@EnumSource(TestStores.class)
class StageSyncE2eTest {
  @Parameter
  TestStores stores;

  static final String SCOPE = "123456789012:us-east-1";

  @TempDir
  Path dataDir;
  Vertx vertx;
  JdbcStore store;
  HttpProxyIntegration http;
  LiveStages live;
  StageSync sync;
  ExecuteServer server;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    store = stores.open(dataDir);
    http = HttpProxyIntegration.create(vertx);
    live = new LiveStages();
    store.write(docs -> {
      docs.put(Kind.REST_API, SCOPE, "api1", restApi("api1"));
      docs.put(Kind.DEPLOYED_API, "api1", "d1", version("d1", 1));
      docs.put(Kind.STAGE, "api1", "dev", stage("dev", "d1", null));
      docs.put(Kind.STAGE, "api1", "broken", stage("broken", "d9", null));
      return null;
    });
    sync = new StageSync(vertx, store, new DeploymentCompiler(http), live);
    join(sync.start());
    server = join(ExecuteServer.start(vertx, "127.0.0.1", 0, live));
  }

  @AfterEach
  void stop() throws Exception {
    join(server.close());
    join(http.close());
    join(vertx.close());
    store.close();
  }

  @Test
  void servesStoredStagesAndReportsTheOnesItCannot() throws Exception {
    CompiledStage dev = live.find("api1", "dev");
    assertThat(dev).isNotNull();
    assertThat(dev.deploymentId()).isEqualTo("d1");
    assertThat(live.find("api1", "broken")).isNull();
    assertThat(sync.notReady()).containsExactly("api1/broken: deployment d9 not found");
    assertThat(call().body()).isEqualTo("{\"v\":1}");

    store.write(docs -> {
      docs.put(Kind.DEPLOYED_API, "api1", "d9", version("d9", 9));
      return null;
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> live.find("api1", "broken") != null);
    assertThat(sync.notReady()).isEmpty();

    store.write(docs -> docs.delete(Kind.REST_API, SCOPE, "api1"));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.find("api1", "dev") == null);
    assertThat(call().statusCode()).isEqualTo(403);
  }

  @Test
  void republishingUnderTrafficNeverFailsOrMixesVersions() throws Exception {
    List<HttpResponse<String>> responses = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
      HttpClient client = HttpClient.newHttpClient();
      while (running.get()) {
        try {
          responses.add(client.send(request(), HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
          throw new IllegalStateException("request failed during a swap", e);
        }
      }
    });
    for (int v = 2; v <= 21; v++) {
      String deploymentId = "d" + v;
      DeployedApi next = version(deploymentId, v);
      store.write(docs -> {
        docs.put(Kind.DEPLOYED_API, "api1", deploymentId, next);
        docs.put(Kind.STAGE, "api1", "dev", stage("dev", deploymentId, null));
        return null;
      });
      int seen = responses.size();
      await().atMost(Duration.ofSeconds(10)).until(() ->
          live.find("api1", "dev").deploymentId().equals(deploymentId) && responses.size() > seen + 1);
    }
    running.set(false);
    traffic.get(20, TimeUnit.SECONDS);

    assertThat(responses).hasSizeGreaterThan(20);
    assertThat(responses).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).matches("\\{\"v\":([1-9]|1[0-9]|2[01])\\}");
    });
    assertThat(responses.get(responses.size() - 1).body()).isEqualTo("{\"v\":21}");
  }

  @Test
  void aStageWhoseNewDeploymentCannotBeServedKeepsItsLastGoodSnapshotAndSaysSoOnce() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger("dev.archway.deploy.StageFailures");
    logger.addAppender(log);
    try {
      // Stored by an older version, say: CreateDeployment would refuse it now.
      DeployedApi unservable = deployed("api1", "d2", resource("/version", "GET",
          method(httpProxy("GET", "http://127.0.0.1:1/{id", null, null))));
      store.write(docs -> {
        docs.put(Kind.DEPLOYED_API, "api1", "d2", unservable);
        docs.put(Kind.STAGE, "api1", "dev", stage("dev", "d2", null));
        return null;
      });
      join(sync.settled());
      assertThat(live.find("api1", "dev").deploymentId()).isEqualTo("d1");
      assertThat(call().body()).isEqualTo("{\"v\":1}");
      assertThat(sync.notReady()).containsExactly("api1/broken: deployment d9 not found");
      assertThat(log.list).singleElement().satisfies(line -> {
        assertThat(line.getLevel()).isEqualTo(Level.ERROR);
        assertThat(line.getFormattedMessage())
            .startsWith("api api1 stage dev: deployment d2 cannot be served: GET /version: integration uri: ")
            .contains("http://127.0.0.1:1/{id")
            .endsWith("; it keeps serving deployment d1");
      });

      store.write(docs -> {
        docs.put(Kind.STAGE, "api1", "other", stage("other", "d1", null));
        return null;
      });
      join(sync.settled());
      assertThat(live.find("api1", "other")).isNotNull();
      assertThat(log.list).hasSize(1);

      store.write(docs -> {
        docs.put(Kind.DEPLOYED_API, "api1", "d3", version("d3", 3));
        docs.put(Kind.STAGE, "api1", "dev", stage("dev", "d3", null));
        return null;
      });
      join(sync.settled());
      assertThat(call().body()).isEqualTo("{\"v\":3}");
      assertThat(log.list).hasSize(1);
    } finally {
      logger.detachAppender(log);
    }
  }

  private HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/restapis/api1/dev/_user_request_/version"))
        .timeout(Duration.ofSeconds(10)).build();
  }

  private HttpResponse<String> call() throws Exception {
    return HttpClient.newHttpClient().send(request(), HttpResponse.BodyHandlers.ofString());
  }

  private static DeployedApi version(String deploymentId, int v) {
    return deployed("api1", deploymentId, resource("/version", "GET",
        method(mock("{\"statusCode\": 200}", response("200", null, Map.of(), "{\"v\":" + v + "}")), "200")));
  }

  private static <T> T join(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
