package dev.archway.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A method of a resource, with its method responses and integration embedded. */
public record Method(
    String httpMethod,
    String authorizationType,
    String authorizerId,
    Boolean apiKeyRequired,
    String requestValidatorId,
    String operationName,
    Map<String, Boolean> requestParameters,
    Map<String, String> requestModels,
    Map<String, MethodResponse> methodResponses,
    Integration methodIntegration,
    List<String> authorizationScopes) {

  static final Method EMPTY = new Method(null, null, null, null, null, null, null, null, null, null, null);

  public Method withIntegration(Integration integration) {
    return new Method(httpMethod, authorizationType, authorizerId, apiKeyRequired, requestValidatorId,
        operationName, requestParameters, requestModels, methodResponses, integration, authorizationScopes);
  }

  public Method withResponse(String statusCode, MethodResponse response) {
    Map<String, MethodResponse> responses = methodResponses == null ? new LinkedHashMap<>() : new LinkedHashMap<>(methodResponses);
    if (response == null) {
      responses.remove(statusCode);
    } else {
      responses.put(statusCode, response);
    }
    return new Method(httpMethod, authorizationType, authorizerId, apiKeyRequired, requestValidatorId,
        operationName, requestParameters, requestModels, responses.isEmpty() ? null : responses,
        methodIntegration, authorizationScopes);
  }

  public Method withAuthorizationType(String type) {
    return new Method(httpMethod, type, authorizerId, apiKeyRequired, requestValidatorId, operationName,
        requestParameters, requestModels, methodResponses, methodIntegration, authorizationScopes);
  }

  /** Keeps what a patch may not change: the name, the responses and the integration. */
  public Method withChildrenOf(Method previous) {
    return new Method(previous.httpMethod, authorizationType, authorizerId, apiKeyRequired, requestValidatorId,
        operationName, requestParameters, requestModels, previous.methodResponses,
        previous.methodIntegration, authorizationScopes);
  }
}
