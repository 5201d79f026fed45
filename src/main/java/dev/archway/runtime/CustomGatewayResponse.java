package dev.archway.runtime;

import java.util.Map;

/**
 * A gateway response the API customised (PutGatewayResponse), compiled: an optional status
 * override, header mappings and the body template for {@code contentType}.
 *
 * @param statusCode null keeps the status of the error being answered
 */
public record CustomGatewayResponse(
    Integer statusCode, Map<String, ParameterSource> headers, String contentType, ErrorTemplate template) {

  public CustomGatewayResponse {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return (statusCode == null ? "status kept" : "status " + statusCode) + ", headers " + headers.keySet()
        + ", " + contentType;
  }
}
