package dev.archway.model.v2;

import java.util.List;

/** An authorizer of an apigatewayv2 API: JWT (issuer and audience) or REQUEST (a Lambda function). */
public record Authorizer(
    String authorizerCredentialsArn,
    String authorizerId,
    String authorizerPayloadFormatVersion,
    Integer authorizerResultTtlInSeconds,
    String authorizerType,
    String authorizerUri,
    Boolean enableSimpleResponses,
    List<String> identitySource,
    String identityValidationExpression,
    JwtConfiguration jwtConfiguration,
    String name) {

  public record JwtConfiguration(List<String> audience, String issuer) {}
}
