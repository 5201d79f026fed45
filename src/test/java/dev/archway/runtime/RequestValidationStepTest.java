package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validation step on hand-built exchanges: parameter messages, model choice, bodies. */
class RequestValidationStepTest {
  static final JsonSchema PET = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
      .getSchema("{\"type\":\"object\",\"required\":[\"name\"]}");
  static final JsonSchema EMPTY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema("{\"type\":\"object\"}");

  @Test
  void missingAndBlankParametersAreReportedInOneMessage() {
    RequestValidationStep step = new RequestValidationStep(List.of(
        new RequestValidationStep.RequiredParameter("header", "X-Key"),
        new RequestValidationStep.RequiredParameter("path", "id"),
        new RequestValidationStep.RequiredParameter("querystring", "q")), Map.of(), null, false);
    GatewayResponse error = failure(step.apply(exchange(Map.of("id", " "), "", null, MultiMap.caseInsensitiveMultiMap().add("x-key", "k"))));
    assertThat(error).isEqualTo(new GatewayResponse.BadRequestParameters("Missing required request parameters: [id, q]"));
    assertThat(error.statusCode()).isEqualTo(400);
    assertThat(step.apply(exchange(Map.of("id", "7"), "", null, MultiMap.caseInsensitiveMultiMap().add("X-Key", "k")
        .add("ignored", "x"), "q=1")).succeeded()).isTrue();
  }

  @Test
  void theModelIsChosenByContentTypeThenDefault() {
    RequestValidationStep step = new RequestValidationStep(List.of(), Map.of("application/json", PET), null, true);
    assertThat(failure(step.apply(exchange(Map.of(), "{}", "application/json; charset=utf-8", headers()))))
        .isInstanceOf(GatewayResponse.BadRequestBody.class);
    assertThat(failure(step.apply(exchange(Map.of(), "", null, headers())))).isInstanceOf(GatewayResponse.BadRequestBody.class);
    assertThat(step.apply(exchange(Map.of(), "{\"name\":\"x\"}", "APPLICATION/JSON", headers())).succeeded()).isTrue();
    assertThat(step.apply(exchange(Map.of(), "not json", "text/plain", headers())).succeeded()).isTrue();

    RequestValidationStep withDefault = new RequestValidationStep(List.of(), Map.of("$default", PET), null, true);
    assertThat(failure(withDefault.apply(exchange(Map.of(), "x", "text/plain", headers()))))
        .isInstanceOf(GatewayResponse.BadRequestBody.class);
  }

  @Test
  void withoutModelsTheFallbackChecksEveryBody() {
    RequestValidationStep step = new RequestValidationStep(List.of(), Map.of(), EMPTY, true);
    assertThat(step.apply(exchange(Map.of(), "", null, headers())).succeeded()).isTrue();
    GatewayResponse error = failure(step.apply(exchange(Map.of(), "[1]", "text/plain", headers())));
    assertThat(error.message()).isEqualTo("Invalid request body");
    assertThat(error.validationErrorString()).startsWith("[").endsWith("]").contains("array");
    assertThat(step.toString()).isEqualTo("RequestValidation(parameters=[], body=[Empty])");
  }

  static GatewayResponse failure(Future<Void> result) {
    assertThat(result.failed()).isTrue();
    return ((GatewayResponse.Failure) result.cause()).response();
  }

  static MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap();
  }

  static Exchange exchange(Map<String, String> path, String body, String contentType, MultiMap headers) {
    return exchange(path, body, contentType, headers, null);
  }

  static Exchange exchange(Map<String, String> path, String body, String contentType, MultiMap headers, String query) {
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    MultiMap params = MultiMap.caseInsensitiveMultiMap();
    if (query != null) {
      String[] kv = query.split("=", 2);
      params.add(kv[0], kv[1]);
    }
    return new Exchange("r1", IntegrationResponseStepTest.STAGE,
        new MethodRequest("POST", "/x", path, query, params, headers, Buffer.buffer(body)));
  }
}
