package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.runtime.route.RouteTable;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderer on hand-built stages: AWS defaults, customisations, the DEFAULT_4XX/5XX fallback, templates. */
class GatewayResponseRendererTest {

  @Test
  void withoutCustomisationTheAwsDefaultIsRendered() {
    MethodResponse r = GatewayResponseRenderer.render(new GatewayResponse.BadRequestBody("[x]"), exchange(Map.of()));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().get("x-amzn-ErrorType")).isEqualTo("BadRequestException");
    assertThat(r.body().toString()).isEqualTo("{\"message\":\"Invalid request body\"}");
    assertThat(GatewayResponseRenderer.render(new GatewayResponse.BadRequestParameters("say \"hi\"")).body().toString())
        .isEqualTo("{\"message\":\"say \\\"hi\\\"\"}");
  }

  @Test
  void theSpecificTypeWinsOverDefault4xx() {
    Exchange ex = exchange(Map.of(
        "MISSING_AUTHENTICATION_TOKEN", custom(404, "{\"t\":\"$context.error.responseType\"}"),
        "DEFAULT_4XX", custom(null, "{\"d\":$context.error.messageString}")));
    MethodResponse specific = GatewayResponseRenderer.render(new GatewayResponse.MissingAuthenticationToken(), ex);
    assertThat(specific.statusCode()).isEqualTo(404);
    assertThat(specific.body().toString()).isEqualTo("{\"t\":\"MISSING_AUTHENTICATION_TOKEN\"}");
    assertThat(specific.headers().get("X-Lit")).isEqualTo("lit");
    assertThat(specific.headers().get("X-Req")).isEqualTo("from-client");

    MethodResponse fallback = GatewayResponseRenderer.render(new GatewayResponse.RequestTooLarge(), ex);
    assertThat(fallback.statusCode()).isEqualTo(413);
    assertThat(fallback.body().toString()).isEqualTo("{\"d\":\"Request Too Long\"}");

    MethodResponse fiveHundred = GatewayResponseRenderer.render(new GatewayResponse.IntegrationTimeout(), ex);
    assertThat(fiveHundred.body().toString()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
  }

  @Test
  void default5xxCoversServerErrorsAndNonGatewayFailures() {
    Exchange ex = exchange(Map.of("DEFAULT_5XX", custom(503, "$context.error.message at ${context.stage}/$stageVariables.v $context.nope.")));
    MethodResponse r = GatewayResponseRenderer.render(new IllegalStateException("bug"), ex);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body().toString()).isEqualTo("Internal server error at dev/sv .");
  }

  @Test
  void templatesAreParsedOnce() {
    ErrorTemplate t = ErrorTemplate.parse("{\"id\":\"$context.requestId\",\"v\":\"$context.error.validationErrorString\"}");
    assertThat(t.render(new GatewayResponse.BadRequestBody("[bad]"), exchange(Map.of())))
        .isEqualTo("{\"id\":\"r1\",\"v\":\"[bad]\"}");
    assertThat(t.toString()).startsWith("{\"id\"");
  }

  static CustomGatewayResponse custom(Integer status, String template) {
    return new CustomGatewayResponse(status, Map.of(
        "X-Lit", new ParameterSource.Literal("lit"),
        "X-Req", new ParameterSource.RequestParameter("header", "X-Client")), "application/json", ErrorTemplate.parse(template));
  }

  static Exchange exchange(Map<String, CustomGatewayResponse> custom) {
    CompiledStage stage = new CompiledStage("a1", "dev", "d1", Map.of("v", "sv"), RouteTable.<CompiledRoute>builder().build(), 0,
        new CustomGatewayResponses(custom));
    return new Exchange("r1", stage, new MethodRequest("GET", "/x", Map.of(), null, MultiMap.caseInsensitiveMultiMap(),
        MultiMap.caseInsensitiveMultiMap().add("X-Client", "from-client"), Buffer.buffer()));
  }
}
