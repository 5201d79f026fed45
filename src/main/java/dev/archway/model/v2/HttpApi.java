package dev.archway.model.v2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;

/**
 * An apigatewayv2 API (HTTP or WebSocket), member names as on the wire. Dates are ISO-8601
 * strings, as the v2 model sends them. {@code apiEndpoint} is not stored: it depends on the
 * execute listener's address and is filled in when the API is returned.
 */
public record HttpApi(
    String apiEndpoint,
    Boolean apiGatewayManaged,
    String apiId,
    String apiKeySelectionExpression,
    Cors corsConfiguration,
    String createdDate,
    String description,
    Boolean disableSchemaValidation,
    Boolean disableExecuteApiEndpoint,
    String ipAddressType,
    String name,
    String protocolType,
    String routeSelectionExpression,
    Map<String, String> tags,
    String version,
    List<String> warnings) {

  public static final String HTTP = "HTTP";
  public static final String WEBSOCKET = "WEBSOCKET";

  /** CORS settings of an HTTP API. */
  public record Cors(
      Boolean allowCredentials,
      List<String> allowHeaders,
      List<String> allowMethods,
      List<String> allowOrigins,
      List<String> exposeHeaders,
      Integer maxAge) {}

  @JsonIgnore
  public boolean isHttp() {
    return HTTP.equals(protocolType);
  }

  public HttpApi withEndpoint(String endpoint) {
    return new HttpApi(endpoint, apiGatewayManaged, apiId, apiKeySelectionExpression, corsConfiguration, createdDate,
        description, disableSchemaValidation, disableExecuteApiEndpoint, ipAddressType, name, protocolType,
        routeSelectionExpression, tags, version, warnings);
  }

  public HttpApi withCors(Cors cors) {
    return new HttpApi(apiEndpoint, apiGatewayManaged, apiId, apiKeySelectionExpression, cors, createdDate,
        description, disableSchemaValidation, disableExecuteApiEndpoint, ipAddressType, name, protocolType,
        routeSelectionExpression, tags, version, warnings);
  }

  public HttpApi withRouteSelectionExpression(String expression) {
    return new HttpApi(apiEndpoint, apiGatewayManaged, apiId, apiKeySelectionExpression, corsConfiguration, createdDate,
        description, disableSchemaValidation, disableExecuteApiEndpoint, ipAddressType, name, protocolType,
        expression, tags, version, warnings);
  }

  public HttpApi withTags(Map<String, String> newTags) {
    return new HttpApi(apiEndpoint, apiGatewayManaged, apiId, apiKeySelectionExpression, corsConfiguration, createdDate,
        description, disableSchemaValidation, disableExecuteApiEndpoint, ipAddressType, name, protocolType,
        routeSelectionExpression, newTags, version, warnings);
  }
}
