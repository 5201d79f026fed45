package dev.archway.model.v2;

import java.util.Map;

/** An integration of an apigatewayv2 API: where a route's requests go. */
public record Integration(
    Boolean apiGatewayManaged,
    String connectionId,
    String connectionType,
    String contentHandlingStrategy,
    String credentialsArn,
    String description,
    String integrationId,
    String integrationMethod,
    String integrationResponseSelectionExpression,
    String integrationSubtype,
    String integrationType,
    String integrationUri,
    String passthroughBehavior,
    String payloadFormatVersion,
    Map<String, String> requestParameters,
    Map<String, String> requestTemplates,
    Map<String, Map<String, String>> responseParameters,
    String templateSelectionExpression,
    Integer timeoutInMillis,
    TlsConfig tlsConfig) {

  public record TlsConfig(String serverNameToVerify) {}

  public Integration withRequestParameters(Map<String, String> parameters) {
    return new Integration(apiGatewayManaged, connectionId, connectionType, contentHandlingStrategy, credentialsArn,
        description, integrationId, integrationMethod, integrationResponseSelectionExpression, integrationSubtype,
        integrationType, integrationUri, passthroughBehavior, payloadFormatVersion, parameters, requestTemplates,
        responseParameters, templateSelectionExpression, timeoutInMillis, tlsConfig);
  }
}
