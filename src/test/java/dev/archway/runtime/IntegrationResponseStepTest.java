package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.integration.BackendResponse;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** MOCK steps on a hand-built Exchange: status selection, header mapping, failures as gateway responses. */
class IntegrationResponseStepTest {
  static final CompiledStage STAGE = new CompiledStage("a1", "dev", "d1", Map.of("v", "sv"),
      dev.archway.runtime.route.RouteTable.<CompiledRoute>builder().build(), 0);

  @Test
  void patternMatchesTheWholeStatusCodeElseTheDefaultIsUsed() {
    IntegrationResponseStep step = new IntegrationResponseStep(
        List.of(new SelectableResponse("400", Pattern.compile("4\\d\\d"), true, Map.of(), "{\"e\":1}")),
        new SelectableResponse("200", null, true, Map.of(
            "X-Lit", new ParameterSource.Literal("lit"),
            "X-Var", new ParameterSource.StageVariable("v"),
            "X-Up", new ParameterSource.ResponseHeader("Up")), "{\"ok\":1}"));

    Exchange notFound = endpoint(404);
    assertThat(step.apply(notFound).succeeded()).isTrue();
    assertThat(notFound.methodResponse().statusCode()).isEqualTo(400);
    assertThat(notFound.methodResponse().body().toString()).isEqualTo("{\"e\":1}");

    Exchange longer = endpoint(4000 / 10 + 1000); // 1400: "4\d\d" must match the whole code
    step.apply(longer);
    assertThat(longer.methodResponse().statusCode()).isEqualTo(200);
    assertThat(longer.methodResponse().headers().get("X-Lit")).isEqualTo("lit");
    assertThat(longer.methodResponse().headers().get("X-Var")).isEqualTo("sv");
    assertThat(longer.methodResponse().headers().get("X-Up")).isEqualTo("from-backend");
  }

  @Test
  void undeclaredStatusOrNoMatchFailsWith500() {
    IntegrationResponseStep undeclared = new IntegrationResponseStep(List.of(),
        new SelectableResponse("200", null, false, Map.of(), null));
    Future<Void> result = undeclared.apply(endpoint(200));
    assertThat(result.failed()).isTrue();
    assertThat(((GatewayResponse.Failure) result.cause()).response()).isEqualTo(new GatewayResponse.InternalServerError());

    IntegrationResponseStep noDefault = new IntegrationResponseStep(
        List.of(new SelectableResponse("400", Pattern.compile("4\\d\\d"), true, Map.of(), null)), null);
    assertThat(noDefault.apply(endpoint(200)).failed()).isTrue();
  }

  @Test
  void aSelectionPatternThatBacktracksStopsAtItsBudgetWithA500() {
    // Recursion past the thread's stack, and backtracking past the budget: both end, as AWS's configuration error.
    Map<String, String> bombs = Map.of("^(a|aa)+$", "a".repeat(3_000) + "b", "^(a|a?)+$", "a".repeat(100_000),
        "^(\\w+\\s?)*$", "a".repeat(3_000) + "!", "(a+)+b", "a".repeat(200_000));
    bombs.forEach((pattern, message) -> {
      IntegrationResponseStep step = new IntegrationResponseStep(
          List.of(new SelectableResponse("400", Pattern.compile(pattern), true, Map.of(), null)),
          new SelectableResponse("200", null, true, Map.of(), null), IntegrationResponseStep.Selection.LAMBDA_ERROR_MESSAGE,
          BinaryMediaTypes.NONE, TemplateRunner.INLINE, true);
      Future<Void> result = step.apply(functionError(message));
      assertThat(result.failed()).as(pattern).isTrue();
      assertThat(((GatewayResponse.Failure) result.cause()).response()).isEqualTo(new GatewayResponse.ApiConfigurationError());

      Exchange matching = functionError("aaaab");
      assertThat(step.apply(matching).succeeded()).isTrue();
      assertThat(matching.methodResponse().statusCode()).as(pattern).isEqualTo(Pattern.matches(pattern, "aaaab") ? 400 : 200);
    });
  }

  @Test
  void anErrorThrownByAStepFailsThePipelineInsteadOfEscaping() {
    Step overflowing = exchange -> {
      throw new StackOverflowError();
    };
    Future<Void> result = new Pipeline(List.of(overflowing)).run(exchange(null));
    assertThat(result.failed()).isTrue();
    assertThat(result.cause()).isInstanceOf(StackOverflowError.class);
    assertThat(GatewayResponseRenderer.render(result.cause()).statusCode()).isEqualTo(500);
  }

  @Test
  void mockStepReadsTheTemplateForTheRequestContentType() {
    MockIntegrationStep step = new MockIntegrationStep(Map.of(
        "application/json", "#set($code = 200){\"statusCode\": $code}", "text/plain", "{\"statusCode\": 202}"));
    Exchange plain = exchange("text/plain; charset=utf-8");
    step.apply(plain);
    assertThat(plain.endpointResponse().statusCode()).isEqualTo(202);
    Exchange none = exchange(null);
    step.apply(none);
    assertThat(none.endpointResponse().statusCode()).isEqualTo(200);
    // No template for the type: the (empty) body passes through and names no status code, as on AWS.
    Exchange other = exchange("application/xml");
    assertThat(step.apply(other).failed()).isTrue();
  }

  @Test
  void renderedGatewayResponseIsAwsShaped() {
    MethodResponse r = GatewayResponseRenderer.render(new GatewayResponse.IntegrationTimeout());
    assertThat(r.statusCode()).isEqualTo(504);
    assertThat(r.body().toString()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    assertThat(r.headers().get("Content-Type")).isEqualTo("application/json");
    assertThat(GatewayResponseRenderer.render(new IllegalStateException("bug")).statusCode()).isEqualTo(500);
  }

  private static Exchange exchange(String contentType) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (contentType != null) {
      headers.add("Content-Type", contentType);
    }
    return new Exchange("req-1", STAGE, new MethodRequest("GET", "/x", Map.of(), null,
        MultiMap.caseInsensitiveMultiMap(), headers, Buffer.buffer()));
  }

  private static Exchange functionError(String message) {
    Exchange exchange = exchange(null);
    exchange.endpointResponse(new BackendResponse(200, MultiMap.caseInsensitiveMultiMap()
        .add(IntegrationResponseStep.FUNCTION_ERROR, "Unhandled"),
        Buffer.buffer(new io.vertx.core.json.JsonObject().put("errorMessage", message).encode())));
    return exchange;
  }

  private static Exchange endpoint(int status) {
    Exchange exchange = exchange(null);
    exchange.endpointResponse(new BackendResponse(status, MultiMap.caseInsensitiveMultiMap().add("Up", "from-backend"), Buffer.buffer()));
    return exchange;
  }
}
