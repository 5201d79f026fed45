package dev.archway.runtime;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/**
 * Non-proxy integrations: picks the integration response whose {@code selectionPattern} matches
 * the endpoint status code (else the default one), then builds the method response from it.
 */
public final class IntegrationResponseStep implements Step {
  private final List<SelectableResponse> patterned;
  private final SelectableResponse fallback;

  /** @param fallback the response without a selectionPattern, or null when there is none */
  public IntegrationResponseStep(List<SelectableResponse> patterned, SelectableResponse fallback) {
    this.patterned = List.copyOf(patterned);
    this.fallback = fallback;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String status = Integer.toString(exchange.endpointResponse().statusCode());
    SelectableResponse chosen = fallback;
    for (SelectableResponse candidate : patterned) {
      if (candidate.selects(status)) {
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
    Buffer body = chosen.body() == null ? Buffer.buffer() : Buffer.buffer(chosen.body());
    exchange.methodResponse(new MethodResponse(Integer.parseInt(chosen.statusCode()), headers, body));
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "IntegrationResponse(" + patterned + (fallback == null ? "" : ", " + fallback) + ")";
  }
}
