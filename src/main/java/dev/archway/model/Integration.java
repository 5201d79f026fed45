package dev.archway.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A method's integration. {@code httpMethod} is the integration's HTTP method (PutIntegration's integrationHttpMethod). */
public record Integration(
    String type,
    String httpMethod,
    String uri,
    String connectionType,
    String connectionId,
    String credentials,
    Map<String, String> requestParameters,
    Map<String, String> requestTemplates,
    String passthroughBehavior,
    String contentHandling,
    Integer timeoutInMillis,
    String cacheNamespace,
    List<String> cacheKeyParameters,
    Map<String, IntegrationResponse> integrationResponses,
    TlsConfig tlsConfig) {

  public record TlsConfig(Boolean insecureSkipVerification) {}

  public Integration withResponse(String statusCode, IntegrationResponse response) {
    Map<String, IntegrationResponse> responses = integrationResponses == null ? new LinkedHashMap<>() : new LinkedHashMap<>(integrationResponses);
    if (response == null) {
      responses.remove(statusCode);
    } else {
      responses.put(statusCode, response);
    }
    return withResponses(responses.isEmpty() ? null : responses);
  }

  public Integration withResponses(Map<String, IntegrationResponse> responses) {
    return new Integration(type, httpMethod, uri, connectionType, connectionId, credentials, requestParameters,
        requestTemplates, passthroughBehavior, contentHandling, timeoutInMillis, cacheNamespace,
        cacheKeyParameters, responses, tlsConfig);
  }
}
