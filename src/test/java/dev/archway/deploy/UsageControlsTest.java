package dev.archway.deploy;

import static dev.archway.testing.RestFixtures.mock;
import static dev.archway.testing.RestFixtures.response;
import static dev.archway.testing.RestFixtures.restApi;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.integration.HttpProxyIntegration;
import dev.archway.runtime.TemplateRunner;
import dev.archway.model.DeployedApi;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import dev.archway.model.MethodSetting;
import dev.archway.model.RequestValidator;
import dev.archway.model.Resource;
import dev.archway.model.Stage;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Step;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.LocalBuckets;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The access-control steps the compiler puts in each pipeline, in AWS's order, and the stage limits it resolves. */
class UsageControlsTest {
  static Vertx vertx;
  static DeploymentCompiler compiler;
  static LocalBuckets buckets = new LocalBuckets();

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    HttpProxyIntegration http = HttpProxyIntegration.create(vertx);
    compiler = new DeploymentCompiler(http, AwsIntegrations.unconfigured(http), TemplateRunner.INLINE,
        new UsageControls(new LiveAccess(), buckets), AuthControl.unconfigured());
  }

  @AfterAll
  static void tearDown() {
    vertx.close();
  }

  private static Method method(boolean apiKeyRequired, String validatorId) {
    return new Method(null, "NONE", null, apiKeyRequired, validatorId, null, null, null,
        Map.of("200", new MethodResponse("200", null, null)), mock("{\"statusCode\":200}", response("200", null, null, "{}")), null);
  }

  private static Resource resource(String path, Method get) {
    Map<String, Method> methods = new LinkedHashMap<>();
    methods.put("GET", get);
    return new Resource("r" + Math.abs(path.hashCode()), "root", path.substring(1), path, methods);
  }

  private static Stage stage(Map<String, MethodSetting> settings) {
    return new Stage("d1", null, "prod", null, false, null, null, settings, Map.of(), null, null, null, false,
        null, null, 0L, 0L);
  }

  private static MethodSetting throttle(int burst, double rate) {
    return new MethodSetting(false, "OFF", false, burst, rate, false, 300, false, true, "SUCCEED_WITH_RESPONSE_HEADER");
  }

  private CompiledStage compile(Map<String, MethodSetting> settings) {
    return compile("a1", settings);
  }

  private CompiledStage compile(String apiId, Map<String, MethodSetting> settings) {
    return compiler.compile(apiId, stage(settings), new DeployedApi("d1", restApi(apiId), List.of(
        resource("/pets", method(true, "v1")), resource("/open", method(false, null))),
        List.of(), List.of(), List.of(new RequestValidator("v1", "params", false, true)), List.of()));
  }

  @Test
  void keyThrottleAndQuotaComeBeforeValidationAndOnlyKeyedMethodsCheckKeys() {
    CompiledStage compiled = compile(null);
    assertThat(compiled.routes().match("GET", "/pets").target().toString()).isEqualTo(
        "GET /pets: ApiKey(source=HEADER) -> Throttle(/pets/GET) -> Quota -> RequestValidation(parameters=[])"
            + " -> MockIntegration(templates=[application/json], passthrough=WHEN_NO_MATCH) -> IntegrationResponse([], default=>200)");
    assertThat(compiled.routes().match("GET", "/open").target().toString()).isEqualTo(
        "GET /open: Throttle(/open/GET) -> MockIntegration(templates=[application/json], passthrough=WHEN_NO_MATCH) -> IntegrationResponse([], default=>200)");
  }

  @Test
  void aMethodsOwnSettingsWinOverTheStageDefault() {
    CompiledStage compiled = compile(Map.of("*/*", throttle(100, 50.0), "~1pets/GET", throttle(5, 1.0)));
    assertThat(compiled.routes().match("GET", "/pets").target().toString())
        .contains("Throttle(/pets/GET, stage TokenBucket(rate=1.0/s, burst=5))");
    assertThat(compiled.routes().match("GET", "/open").target().toString())
        .contains("Throttle(/open/GET, stage TokenBucket(rate=50.0/s, burst=100))");
    assertThat(compiled.buckets()).containsExactlyInAnyOrder("stage/a1/prod/~1pets/GET", "stage/a1/prod/~1open/GET");
    assertThat(compile(null).buckets()).isEmpty();
  }

  @Test
  void aRecompileWithTheSameLimitKeepsTheBucketAndItsTokens() {
    var first = compile(Map.of("*/*", throttle(1, 0.0))).routes().match("GET", "/open").target().pipeline().steps().get(0);
    var second = compile(Map.of("*/*", throttle(1, 0.0))).routes().match("GET", "/open").target().pipeline().steps().get(0);
    var exchange = new dev.archway.runtime.Exchange("r", null, null);
    assertThat(first.apply(exchange).succeeded()).isTrue();
    assertThat(second.apply(exchange).succeeded()).as("the same bucket, already spent").isFalse();
  }

  @Test
  void publishingForgetsTheBucketsNoServedStageUses() {
    CompiledStage limited = compile("a2", Map.of("*/*", throttle(1, 0.0)));
    var exchange = new dev.archway.runtime.Exchange("r", null, null);
    assertThat(openThrottle(limited).apply(exchange).succeeded()).isTrue();

    compiler.published("a2", List.of(limited), java.util.Set.of());
    assertThat(openThrottle(compile("a2", Map.of("*/*", throttle(1, 0.0)))).apply(exchange).succeeded())
        .as("still served: the same bucket, spent").isFalse();

    compiler.published("a2", List.of(), java.util.Set.of());
    assertThat(openThrottle(compile("a2", Map.of("*/*", throttle(1, 0.0)))).apply(exchange).succeeded())
        .as("forgotten: a new, full bucket").isTrue();
  }

  private static Step openThrottle(CompiledStage stage) {
    return stage.routes().match("GET", "/open").target().pipeline().steps().get(0);
  }
}
