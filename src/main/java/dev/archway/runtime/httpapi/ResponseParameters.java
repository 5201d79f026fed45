package dev.archway.runtime.httpapi;

import dev.archway.runtime.Exchange;
import dev.archway.runtime.MethodResponse;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An integration's response parameter mappings, selected by the integration's status code:
 * {@code overwrite:statuscode} and {@code append|overwrite|remove:header.<name>}. Values read the
 * integration's response ({@code $response.header.x}, {@code $response.body.x}), the request and
 * {@code $context}/{@code $stageVariables}.
 */
public final class ResponseParameters {
  public static final ResponseParameters NONE = new ResponseParameters(Map.of());

  private final Map<Integer, RequestParameters> headersByStatus;
  private final Map<Integer, ParameterMapping> statusByStatus;

  private ResponseParameters(Map<Integer, List<ParameterMapping>> byStatus) {
    Map<Integer, RequestParameters> headers = new TreeMap<>();
    Map<Integer, ParameterMapping> status = new TreeMap<>();
    byStatus.forEach((code, mappings) -> {
      headers.put(code, new RequestParameters(mappings.stream().filter(m -> m.location().equals("header")).toList()));
      mappings.stream().filter(m -> m.location().equals("statuscode")).findFirst().ifPresent(m -> status.put(code, m));
    });
    this.headersByStatus = Map.copyOf(headers);
    this.statusByStatus = Map.copyOf(status);
  }

  /** @param byStatus mappings by the integration status code they apply to (200..599) */
  public static ResponseParameters of(Map<Integer, List<ParameterMapping>> byStatus) {
    return byStatus.isEmpty() ? NONE : new ResponseParameters(byStatus);
  }

  /** The client's response: the integration's, with the mappings of its status applied. */
  public MethodResponse apply(Exchange exchange, String routeKey, MethodResponse response) {
    RequestParameters headers = headersByStatus.get(response.statusCode());
    ParameterMapping status = statusByStatus.get(response.statusCode());
    if (headers == null && status == null) {
      return response;
    }
    MultiMap out = MultiMap.caseInsensitiveMultiMap().addAll(response.headers());
    if (headers != null) {
      headers.apply(exchange, routeKey, out, new java.util.ArrayList<>());
    }
    int code = response.statusCode();
    if (status != null) {
      String value = status.value().valueFrom(exchange, routeKey).trim();
      // A value that is no status code leaves the integration's status, rather than failing the request.
      if (value.matches("[1-5]\\d\\d")) {
        code = Integer.parseInt(value);
      }
    }
    return new MethodResponse(code, out, response.body());
  }

  @Override
  public String toString() {
    return "byStatus(headers=" + headersByStatus + ", status=" + statusByStatus + ")";
  }
}
