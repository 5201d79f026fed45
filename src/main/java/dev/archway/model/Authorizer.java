package dev.archway.model;

import java.util.List;

/** A REST API authorizer: a Lambda function (TOKEN, REQUEST) or Cognito user pools (COGNITO_USER_POOLS). */
public record Authorizer(
    String id,
    String name,
    String type,
    List<String> providerARNs,
    String authType,
    String authorizerUri,
    String authorizerCredentials,
    String identitySource,
    String identityValidationExpression,
    Integer authorizerResultTtlInSeconds) {

  public Authorizer withId(String newId) {
    return new Authorizer(newId, name, type, providerARNs, authType, authorizerUri, authorizerCredentials,
        identitySource, identityValidationExpression, authorizerResultTtlInSeconds);
  }
}
