package dev.archway.runtime;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import dev.archway.mapping.Overrides;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Non-proxy integrations: picks the integration response whose {@code selectionPattern} matches
 * the endpoint status code (for Lambda: the {@code errorMessage} of a function error; a success
 * never matches a pattern), else the default one, then builds the method response from it.
 */
public final class IntegrationResponseStep implements Step {
  /** Lambda's header marking a function error; the Lambda step keeps it on the endpoint response. */
  public static final String FUNCTION_ERROR = "X-Amz-Function-Error";

  /** What a selectionPattern is matched against. */
  public enum Selection { STATUS_CODE, LAMBDA_ERROR_MESSAGE }

  private final List<SelectableResponse> patterned;
  private final SelectableResponse fallback;
  private final Selection selection;

  /** @param fallback the response without a selectionPattern, or null when there is none */
  public IntegrationResponseStep(List<SelectableResponse> patterned, SelectableResponse fallback) {
    this(patterned, fallback, Selection.STATUS_CODE);
  }

  public IntegrationResponseStep(List<SelectableResponse> patterned, SelectableResponse fallback, Selection selection) {
    this.patterned = List.copyOf(patterned);
    this.fallback = fallback;
    this.selection = selection;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String selector = selection == Selection.STATUS_CODE
        ? Integer.toString(exchange.endpointResponse().statusCode())
        : LambdaErrors.errorMessage(exchange.endpointResponse());
    SelectableResponse chosen = fallback;
    for (SelectableResponse candidate : patterned) {
      if (selector != null && candidate.selects(selector)) {
        chosen = candidate;
        break;
      }
    }
    // AWS: "No match for output mapping and no default output mapping specified", or a status
    // the method does not declare: both are configuration errors answered with 500.
    if (chosen == null || !chosen.methodResponseDefined()) {
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    for (Map.Entry<String, ParameterSource> mapping : chosen.headers().entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        headers.set(mapping.getKey(), value);
      }
    }
    // No template: the endpoint's body passes through (a MOCK's is empty; a Lambda error's is its error document).
    Buffer body = exchange.endpointResponse().body();
    if (chosen.template() != null) {
      try {
        body = Buffer.buffer(Templates.render(chosen.template(), exchange, body.toString(StandardCharsets.UTF_8)));
      } catch (GatewayResponse.Failure failure) {
        return Future.failedFuture(failure);
      }
    }
    Overrides overrides = exchange.overrides();
    overrides.responseHeaders().forEach(headers::set);
    Integer override = overrides.responseStatus();
    // AWS ignores a responseOverride.status outside 100-599 (AWS-BEHAVIOUR A.19).
    int status = override != null && override >= 100 && override <= 599 ? override : Integer.parseInt(chosen.statusCode());
    exchange.methodResponse(new MethodResponse(status, headers, body));
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "IntegrationResponse(" + (selection == Selection.STATUS_CODE ? "" : "errorMessage: ")
        + patterned + (fallback == null ? "" : ", " + fallback) + ")";
  }
}
