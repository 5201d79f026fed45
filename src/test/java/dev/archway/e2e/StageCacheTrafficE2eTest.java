package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The REST stage cache on the wire, against a backend that numbers its answers: hits and misses,
 * keys, TTL, {@code Cache-Control: max-age=0} under each strategy, FlushStageCache and a canary's
 * {@code useStageCache}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StageCacheTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String MAX_AGE_0 = "max-age=0";
  private static Vertx vertx;
  private static Backend backend;
  private static ApiGatewayClient aws;
  private static String apiId;

  /** Answers {@code n=<its count> uri=<the URI it got>}; {@code /big} answers a body just over 1 MB. */
  private record Backend(HttpServer server, AtomicInteger count, List<MultiMap> headers, List<String> uris) {
    static Backend start(Vertx vertx) throws Exception {
      AtomicInteger count = new AtomicInteger();
      List<MultiMap> headers = new CopyOnWriteArrayList<>();
      List<String> uris = new CopyOnWriteArrayList<>();
      HttpServer server = vertx.createHttpServer().requestHandler(request -> {
        int n = count.incrementAndGet();
        headers.add(MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
        uris.add(request.uri());
        String body = request.path().equals("/big") ? "x".repeat(1_048_577) : "n=" + n + " uri=" + request.uri();
        request.response().putHeader("Content-Type", "text/plain").end(body);
      }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return new Backend(server, count, headers, uris);
    }

    String url() {
      return "http://127.0.0.1:" + server.actualPort();
    }
  }

  @BeforeAll
  static void cachedApi() throws Exception {
    vertx = Vertx.vertx();
    backend = Backend.start(vertx);
    aws = server.client();
    var api = aws.createRestApi(r -> r.name("cached"));
    apiId = api.id();
    String items = proxied(api.rootResourceId(), "items", "GET", "NONE",
        List.of("method.request.querystring.type", "method.request.header.X-Tenant"));
    proxy(items, "POST", "NONE", List.of());
    for (String path : List.of("big", "short", "fail", "warn", "quiet", "open", "canary")) {
      proxied(api.rootResourceId(), path, "GET", "NONE", List.of());
    }
    proxied(api.rootResourceId(), "iam", "GET", "AWS_IAM", List.of());
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod").cacheClusterEnabled(true).cacheClusterSize("0.5"));
    patchStage("prod",
        "/*/*/caching/enabled", "true",
        "/~1short/GET/caching/enabled", "true",
        "/~1short/GET/caching/ttlInSeconds", "1",
        "/~1fail/GET/caching/enabled", "true",
        "/~1fail/GET/caching/unauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403",
        "/~1quiet/GET/caching/enabled", "true",
        "/~1quiet/GET/caching/unauthorizedCacheControlHeaderStrategy", "SUCCEED_WITHOUT_RESPONSE_HEADER",
        "/~1open/GET/caching/enabled", "true",
        "/~1open/GET/caching/requireAuthorizationForCacheControl", "false",
        "/~1iam/GET/caching/enabled", "true",
        "/~1iam/GET/caching/unauthorizedCacheControlHeaderStrategy", "FAIL_WITH_403");
    Fixtures.awaitServing(server.pathStyle(apiId, "prod", "/items"), "GET");
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @Test
  void aGetIsAnsweredFromTheCacheUntilItsKeyChanges() {
    String first = get("/items?type=a").body();
    int calls = backend.count().get();
    assertThat(get("/items?type=a").body()).isEqualTo(first);
    // Not in the key: another query parameter, another header.
    assertThat(get("/items?type=a&debug=1", "X-Forwarded-Host", "evil.example").body()).isEqualTo(first);
    assertThat(backend.count().get()).isEqualTo(calls);

    String other = get("/items?type=b").body();
    assertThat(other).isNotEqualTo(first).contains("uri=/items?type=b");
    String tenant = get("/items?type=a", "X-Tenant", "t2").body();
    assertThat(tenant).isNotEqualTo(first);
    assertThat(get("/items?type=a", "X-Tenant", "t2").body()).isEqualTo(tenant);
    assertThat(backend.count().get()).isEqualTo(calls + 2);
  }

  @Test
  void whatTheKeyLeavesOutNeverReachesTheIntegration() {
    get("/items?type=p&utm=evil", "X-Forwarded-Host", "evil.example", "X-Tenant", "t1");
    int last = backend.uris().size() - 1;
    assertThat(backend.uris().get(last)).isEqualTo("/items?type=p");
    assertThat(backend.headers().get(last).get("X-Forwarded-Host")).isNull();
    assertThat(backend.headers().get(last).get("X-Tenant")).isEqualTo("t1");
    // So the next caller without those gets an answer none of them shaped.
    assertThat(get("/items?type=p", "X-Tenant", "t1").body()).endsWith("uri=/items?type=p");
  }

  @Test
  void onlyGetIsCachedByTheStageDefaults() {
    String first = send("POST", "/items?type=a").body();
    assertThat(send("POST", "/items?type=a").body()).isNotEqualTo(first);
  }

  @Test
  void anAnswerOverOneMegabyteIsNotKept() {
    int calls = backend.count().get();
    assertThat(get("/big").body()).hasSize(1_048_577);
    assertThat(get("/big").body()).hasSize(1_048_577);
    assertThat(backend.count().get()).isEqualTo(calls + 2);
  }

  @Test
  void anEntryLivesForItsMethodsTtl() {
    String first = get("/short").body();
    await().atMost(10, TimeUnit.SECONDS).until(() -> !get("/short").body().equals(first));
  }

  @Test
  void anyoneMayInvalidateWhenAuthorizationIsNotRequired() {
    String first = get("/open").body();
    String fresh = get("/open", "Cache-Control", MAX_AGE_0).body();
    assertThat(fresh).isNotEqualTo(first);
    assertThat(get("/open").body()).isEqualTo(fresh);
  }

  @Test
  void anUnauthorizedInvalidationFailsWith403WhenTheMethodSaysSo() {
    String first = get("/fail").body();
    HttpResponse<String> refused = get("/fail", "Cache-Control", MAX_AGE_0);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
    assertThat(get("/fail").body()).isEqualTo(first);
  }

  @Test
  void anUnauthorizedInvalidationIsIgnoredWithAWarningByDefault() {
    String first = get("/warn").body();
    HttpResponse<String> ignored = get("/warn", "Cache-Control", "no-cache, max-age=0");
    assertThat(ignored.body()).isEqualTo(first);
    assertThat(ignored.headers().firstValue("Warning")).hasValueSatisfying(w -> assertThat(w).startsWith("199 "));
    assertThat(get("/warn").headers().firstValue("Warning")).isEmpty();
  }

  @Test
  void anUnauthorizedInvalidationIsIgnoredSilentlyWhenTheMethodSaysSo() {
    String first = get("/quiet").body();
    HttpResponse<String> ignored = get("/quiet", "Cache-Control", MAX_AGE_0);
    assertThat(ignored.body()).isEqualTo(first);
    assertThat(ignored.headers().firstValue("Warning")).isEmpty();
  }

  @Test
  void aVerifiedCallerOfAnIamMethodInvalidates() throws Exception {
    String first = signedGet(null).body();
    assertThat(signedGet(null).body()).isEqualTo(first);
    String fresh = signedGet(MAX_AGE_0).body();
    assertThat(fresh).isNotEqualTo(first);
    assertThat(signedGet(null).body()).isEqualTo(fresh);
  }

  @Test
  void flushStageCacheEmptiesTheStagesCache() {
    String first = get("/items?type=flush").body();
    assertThat(get("/items?type=flush").body()).isEqualTo(first);
    aws.flushStageCache(r -> r.restApiId(apiId).stageName("prod"));
    assertThat(get("/items?type=flush").body()).isNotEqualTo(first);
    assertThatThrownBy(() -> aws.flushStageCache(r -> r.restApiId(apiId).stageName("nope")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid stage identifier specified");
  }

  @Test
  void aCanaryUsesTheStageCacheOnlyWhenItSaysSo() {
    aws.createDeployment(r -> r.restApiId(apiId).stageName("blue").cacheClusterEnabled(true));
    patchStage("blue", "/*/*/caching/enabled", "true");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("blue")
        .canarySettings(c -> c.percentTraffic(0.0).useStageCache(false)));
    String stage = send("GET", "blue", "/canary").body();

    patchStage("blue", "/canarySettings/percentTraffic", "100.0");
    String canary = send("GET", "blue", "/canary").body();
    assertThat(canary).isNotEqualTo(stage);
    assertThat(send("GET", "blue", "/canary").body()).isEqualTo(canary);

    patchStage("blue", "/canarySettings/useStageCache", "true");
    assertThat(send("GET", "blue", "/canary").body()).isEqualTo(stage);
    patchStage("blue", "/canarySettings/percentTraffic", "0.0");
    assertThat(send("GET", "blue", "/canary").body()).isEqualTo(stage);
  }

  @Test
  void hitsAndMissesAreCountedAsAwsCountsThem() {
    aws.createDeployment(r -> r.restApiId(apiId).stageName("counted").cacheClusterEnabled(true));
    patchStage("counted", "/*/*/caching/enabled", "true");
    for (int i = 0; i < 3; i++) {
      send("GET", "counted", "/canary");
    }
    List<Dimension> stage = List.of(Dimension.builder().name("ApiName").value("cached").build(),
        Dimension.builder().name("Stage").value("counted").build());
    try (CloudWatchClient cw = CloudWatchClients.cloudWatch(server.adminPort())) {
      await().until(() -> sum(cw, "CacheHitCount", stage) == 2.0);
      assertThat(sum(cw, "CacheMissCount", stage)).isEqualTo(1.0);
    }
  }

  private static double sum(CloudWatchClient cw, String metric, List<Dimension> dimensions) {
    Instant now = Instant.now();
    var points = cw.getMetricStatistics(r -> r.namespace("AWS/ApiGateway").metricName(metric).dimensions(dimensions)
        .startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(3600)).period(7200).statistics(Statistic.SUM))
        .datapoints();
    return points.isEmpty() ? -1 : points.get(0).sum();
  }

  private static String proxied(String rootId, String pathPart, String httpMethod, String authorization,
      List<String> cacheKeys) {
    String id = aws.createResource(r -> r.restApiId(apiId).parentId(rootId).pathPart(pathPart)).id();
    proxy(id, httpMethod, authorization, cacheKeys);
    return id;
  }

  private static void proxy(String resourceId, String httpMethod, String authorization, List<String> cacheKeys) {
    Map<String, Boolean> parameters = new java.util.HashMap<>();
    cacheKeys.forEach(key -> parameters.put(key, false));
    String path = aws.getResource(r -> r.restApiId(apiId).resourceId(resourceId)).path();
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod).authorizationType(authorization)
        .requestParameters(parameters));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod)
        .type(IntegrationType.HTTP_PROXY).integrationHttpMethod(httpMethod).uri(backend.url() + path)
        .cacheKeyParameters(cacheKeys));
  }

  private static void patchStage(String stage, String... pathsAndValues) {
    PatchOperation[] ops = new PatchOperation[pathsAndValues.length / 2];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = PatchOperation.builder().op(Op.REPLACE).path(pathsAndValues[2 * i]).value(pathsAndValues[2 * i + 1]).build();
    }
    aws.updateStage(r -> r.restApiId(apiId).stageName(stage).patchOperations(ops));
  }

  private static HttpResponse<String> get(String path, String... headers) {
    return send("GET", "prod", path, headers);
  }

  private static HttpResponse<String> send(String method, String path) {
    return send(method, "prod", path);
  }

  private static HttpResponse<String> send(String method, String stage, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.pathStyle(apiId, stage, path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 403) { // the refusals are checked where they are expected
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }
      return response;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** A GET of {@code /iam} signed for execute-api (any key passes in dev mode), with {@code cacheControl} when not null. */
  private static HttpResponse<String> signedGet(String cacheControl) throws Exception {
    URI uri = server.pathStyle(apiId, "prod", "/iam");
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri);
    if (cacheControl != null) {
      unsigned.putHeader("Cache-Control", cacheControl);
    }
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.request(unsigned.build())
        .identity(AwsCredentialsIdentity.create("AKIDEXAMPLE", "secret"))
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(Instant.now(), ZoneOffset.UTC))).request();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> request.header(name, v));
      }
    });
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }
}
