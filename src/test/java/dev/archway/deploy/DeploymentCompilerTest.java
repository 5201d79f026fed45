package dev.archway.deploy;

import static dev.archway.testing.RestFixtures.deployed;
import static dev.archway.testing.RestFixtures.httpProxy;
import static dev.archway.testing.RestFixtures.method;
import static dev.archway.testing.RestFixtures.mock;
import static dev.archway.testing.RestFixtures.resource;
import static dev.archway.testing.RestFixtures.response;
import static dev.archway.testing.RestFixtures.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.integration.HttpProxyIntegration;
import dev.archway.model.Integration;
import dev.archway.runtime.CompiledStage;
import io.vertx.core.Vertx;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeploymentCompilerTest {
  static Vertx vertx;
  static DeploymentCompiler compiler;

  @BeforeAll
  static void setUp() {
    vertx = Vertx.vertx();
    compiler = new DeploymentCompiler(HttpProxyIntegration.create(vertx));
  }

  @AfterAll
  static void tearDown() {
    vertx.close();
  }

  @Test
  void compilesRoutesWithTheirPrintedPipelines() {
    CompiledStage compiled = compiler.compile("a1", stage("dev", "d1", Map.of("v", "1")), deployed("a1", "d1",
        resource("/pets", "GET", method(mock("{\"statusCode\":200}",
            response("200", null, null, "[]"), response("404", "4\\d\\d", null, null)), "200", "404")),
        resource("/pets/{id}", "ANY", method(httpProxy("GET", "http://backend/pets/{id}",
            Map.of("integration.request.header.X-Id", "method.request.path.id"), 1000)))));

    assertThat(compiled.toString()).isEqualTo("stage a1/dev (deployment d1, 2 routes)");
    assertThat(compiled.variables()).containsEntry("v", "1");
    var list = compiled.routes().match("GET", "/pets");
    assertThat(list.target().toString()).isEqualTo(
        "GET /pets: MockIntegration(templates=[application/json], passthrough=WHEN_NO_MATCH) -> IntegrationResponse([/4\\d\\d/=>404], default=>200)");
    var one = compiled.routes().match("DELETE", "/pets/7");
    assertThat(one.pathParameters()).containsEntry("id", "7");
    assertThat(one.target().toString()).isEqualTo(
        "ANY /pets/{id}: HttpProxy(GET http://backend/pets/{id}, timeout=1000ms, header={X-Id=method.request.path.id})");
    assertThat(compiled.routes().match("GET", "/cats")).isNull();
  }

  @Test
  void aStageWithACanaryHoldsBothDeploymentsTheCanaryWithItsVariablesOverridden() {
    var deployment = deployed("a1", "d1", resource("/pets", "GET", method(mock("{\"statusCode\":200}",
        response("200", null, null, "[]")), "200")));
    var canaryDeployment = deployed("a1", "d2", resource("/cats", "GET", method(mock("{\"statusCode\":200}",
        response("200", null, null, "[]")), "200")));
    var stage = stage("prod", "d1", Map.of("a", "stage", "b", "stage")).withCanarySettings(
        new dev.archway.model.Stage.CanarySettings(12.5, "d2", Map.of("b", "canary", "c", "canary"), false));

    CompiledStage compiled = compiler.compile("a1", stage, deployment, canaryDeployment, null);

    assertThat(compiled.toString()).isEqualTo("stage a1/prod (deployment d1, 1 routes, canary 12.5 % to deployment d2)");
    assertThat(compiled.variables()).isEqualTo(Map.of("a", "stage", "b", "stage"));
    CompiledStage canary = compiled.canary().stage();
    assertThat(canary.deploymentId()).isEqualTo("d2");
    assertThat(canary.stageName()).isEqualTo("prod");
    assertThat(canary.canary()).isNull();
    assertThat(canary.variables()).isEqualTo(Map.of("a", "stage", "b", "canary", "c", "canary"));
    assertThat(canary.routes().match("GET", "/cats")).isNotNull();
    assertThat(canary.routes().match("GET", "/pets")).isNull();
    assertThatThrownBy(() -> compiler.compile("a1", stage, deployment, null, null))
        .isInstanceOf(CompileException.class).hasMessageContaining("canary deployment d2 not found");
  }

  @Test
  void aMethodWithoutIntegrationIsRejectedNamingTheRoute() {
    assertThatThrownBy(() -> compiler.compile("a1", stage("dev", "d1", null),
        deployed("a1", "d1", resource("/x", "GET", method(null)))))
        .isInstanceOf(CompileException.class)
        .hasMessageContaining("GET /x of api a1 stage dev")
        .hasMessageContaining("no integration");
  }

  @Test
  void badSelectionPatternIsRejected() {
    assertThatThrownBy(() -> compiler.compile("a1", stage("dev", "d1", null), deployed("a1", "d1",
        resource("/x", "GET", method(mock("{}", response("400", "4(\\d", null, null)), "400")))))
        .isInstanceOf(CompileException.class)
        .hasMessageContaining("GET /x")
        .hasMessageContaining("selectionPattern of integration response 400: 4(\\d");
  }

  @Test
  void badUriMappingAndTimeoutAreRejected() {
    assertThatThrownBy(() -> compileOne(httpProxy("GET", "ftp://x/", null, null)))
        .hasMessageContaining("integration uri: ftp://x/");
    assertThatThrownBy(() -> compileOne(httpProxy("GET", "http://x/{id", null, null)))
        .hasMessageContaining("expected: a '}'");
    assertThatThrownBy(() -> compileOne(httpProxy("GET", "http://x/", Map.of("integration.request.header.A", "method.request.foo.x"), null)))
        .hasMessageContaining("Invalid mapping expression specified: method.request.foo.x");
    assertThatThrownBy(() -> compileOne(httpProxy("GET", "http://x/", Map.of("integration.request.header.A", "method.request.body.a[?(@.b =~ /x/)]"), null)))
        .hasMessageContaining("regular-expression filter");
    assertThatThrownBy(() -> compileOne(httpProxy("GET", "http://x/", null, 10)))
        .hasMessageContaining("timeoutInMillis: 10 (expected: >= 50)");
  }

  @Test
  void aHeaderAwsWillNotMapDeploysAndFailsOnlyThatMethod() {
    assertThat(compileOne(httpProxy("GET", "http://x/", Map.of("integration.request.header.Content-Length", "'1'"), null))
        .routes().match("GET", "/x").target().toString()).isEqualTo("GET /x: ConfigurationError(Content-Length header"
            + " already present (integration.request.header.Content-Length cannot be mapped))");
    assertThat(compileOne(httpProxy("GET", "http://x/", Map.of("integration.request.header.X-Amzn-Trace-Id", "'1'"), null))
        .routes().match("GET", "/x").target().toString()).contains("ConfigurationError(X-Amzn-Trace-Id header already present");
    // Authorization may be mapped to an HTTP backend, not to Lambda (even AWS_PROXY, which ignores mappings otherwise).
    assertThat(compileOne(httpProxy("GET", "http://x/", Map.of("integration.request.header.Authorization", "'1'"), null))
        .routes().match("GET", "/x").target().toString()).startsWith("GET /x: HttpProxy(");
    String fn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations";
    Integration lambda = new Integration("AWS_PROXY", "POST", fn, null, null, null, Map.of("integration.request.header.te", "'x'"),
        null, null, null, null, null, null, null, null);
    assertThat(compileOne(lambda).routes().match("GET", "/x").target().toString())
        .isEqualTo("GET /x: ConfigurationError(te header already present (integration.request.header.te cannot be mapped))");
  }

  @Test
  void unsupportedIntegrationTypeIsRejected() {
    Integration other = new Integration("VPC", "POST", "http://x", null, null, null, null, null, null,
        null, null, null, null, null, null);
    assertThatThrownBy(() -> compileOne(other)).hasMessageContaining("integration type: VPC");
  }

  @Test
  void aLambdaUriThatIsNotTheInvokeApiIsRejectedNamingTheExpectedForm() {
    Integration lambda = new Integration("AWS_PROXY", "POST", "arn:aws:lambda", null, null, null, null, null, null,
        null, null, null, null, null, null);
    assertThatThrownBy(() -> compileOne(lambda))
        .hasMessageContaining("integration uri: arn:aws:lambda (expected: arn:aws:apigateway:<region>:lambda:path/");
  }

  @Test
  void lambdaAndAwsServiceRoutesPrintTheirPipelines() {
    String fn = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations";
    Integration proxy = new Integration("AWS_PROXY", "POST", fn, null, null, null, null, null, null, null, 1000, null, null, null, null);
    Integration custom = new Integration("AWS", "POST", fn, null, null, null, null, Map.of("application/json", "{}"), null,
        null, null, null, null, Map.of("200", response("200", null, null, null), "400", response("400", "Invalid.*", null, null)), null);
    Integration sqs = new Integration("AWS", "POST", "arn:aws:apigateway:us-east-1:sqs:action/SendMessage", null, null, null,
        null, null, null, null, null, null, null, Map.of("200", response("200", null, null, null)), null);
    CompiledStage compiled = compiler.compile("a1", stage("dev", "d1", null), deployed("a1", "d1",
        resource("/p", "ANY", method(proxy)), resource("/c", "POST", method(custom, "200", "400")),
        resource("/q", "POST", method(sqs, "200"))));

    assertThat(compiled.routes().match("GET", "/p").target().toString()).isEqualTo("ANY /p: LambdaProxy(" + fn + ", timeout=1000ms)");
    assertThat(compiled.routes().match("POST", "/c").target().toString()).isEqualTo("POST /c: Lambda(" + fn
        + ", templates=[application/json], passthrough=WHEN_NO_MATCH, timeout=29000ms)"
        + " -> IntegrationResponse(errorMessage: [/Invalid.*/=>400], default=>200)");
    assertThat(compiled.routes().match("POST", "/q").target().toString()).isEqualTo("POST /q: ConfigurationError(no endpoint"
        + " for AWS service sqs (expected: --aws-endpoint sqs=URL or aws.endpoints.sqs in --config))");
  }

  @Test
  void duplicateRouteShapesAreRejected() {
    assertThatThrownBy(() -> compiler.compile("a1", stage("dev", "d1", null), deployed("a1", "d1",
        resource("/p/{a}", "GET", method(mock("{}", response("200", null, null, null)), "200")),
        resource("/p/{b}", "GET", method(mock("{}", response("200", null, null, null)), "200")))))
        .isInstanceOf(CompileException.class)
        .hasMessageContaining("GET /p/{b}");
  }

  private static CompiledStage compileOne(Integration integration) {
    return compiler.compile("a1", stage("dev", "d1", null), deployed("a1", "d1", resource("/x", "GET", method(integration))));
  }
}
