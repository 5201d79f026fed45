package dev.archway.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gateway response of a REST API as the wire shows it (PutGatewayResponse). Only customised
 * types are stored; {@code defaultResponse} is true for the built-in ones GetGatewayResponses lists.
 */
public record GatewayResponse(
    String responseType, String statusCode, Map<String, String> responseParameters,
    Map<String, String> responseTemplates, Boolean defaultResponse) {

  /** AWS's default body template for every type. */
  public static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";

  /** The GatewayResponseType enum in the service model's order, with each type's default status (none for DEFAULT_4XX/5XX). */
  private static final Map<String, String> DEFAULT_STATUS = defaults();

  public static List<String> types() {
    return List.copyOf(DEFAULT_STATUS.keySet());
  }

  /** The built-in status of a type, or null for DEFAULT_4XX and DEFAULT_5XX (they keep the original code). */
  public static String defaultStatus(String type) {
    return DEFAULT_STATUS.get(type);
  }

  /** What GetGatewayResponse answers for a type nobody customised. */
  public static GatewayResponse builtIn(String type) {
    return new GatewayResponse(type, DEFAULT_STATUS.get(type), Map.of(),
        Map.of("application/json", DEFAULT_TEMPLATE), true);
  }

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("DEFAULT_4XX", null);
    m.put("DEFAULT_5XX", null);
    m.put("RESOURCE_NOT_FOUND", "404");
    m.put("UNAUTHORIZED", "401");
    m.put("INVALID_API_KEY", "403");
    m.put("ACCESS_DENIED", "403");
    m.put("AUTHORIZER_FAILURE", "500");
    m.put("AUTHORIZER_CONFIGURATION_ERROR", "500");
    m.put("INVALID_SIGNATURE", "403");
    m.put("EXPIRED_TOKEN", "403");
    m.put("MISSING_AUTHENTICATION_TOKEN", "403");
    m.put("INTEGRATION_FAILURE", "504");
    m.put("INTEGRATION_TIMEOUT", "504");
    m.put("API_CONFIGURATION_ERROR", "500");
    m.put("UNSUPPORTED_MEDIA_TYPE", "415");
    m.put("BAD_REQUEST_PARAMETERS", "400");
    m.put("BAD_REQUEST_BODY", "400");
    m.put("REQUEST_TOO_LARGE", "413");
    m.put("THROTTLED", "429");
    m.put("QUOTA_EXCEEDED", "429");
    m.put("WAF_FILTERED", "403");
    return java.util.Collections.unmodifiableMap(m);
  }
}
