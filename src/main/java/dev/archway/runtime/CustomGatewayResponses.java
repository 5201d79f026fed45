package dev.archway.runtime;

import java.util.Map;

/**
 * The customised gateway responses of a deployment, by AWS response type. Picks the one that
 * answers an error the AWS way: the error's own type if customised, else DEFAULT_5XX or
 * DEFAULT_4XX by the error's status class if customised, else none (the built-in default).
 */
public record CustomGatewayResponses(Map<String, CustomGatewayResponse> byType) {
  public static final CustomGatewayResponses NONE = new CustomGatewayResponses(Map.of());

  public CustomGatewayResponses {
    byType = Map.copyOf(byType);
  }

  /** @return the customisation to apply, or null for AWS's built-in answer */
  public CustomGatewayResponse find(GatewayResponse error) {
    CustomGatewayResponse specific = byType.get(error.type());
    if (specific != null) {
      return specific;
    }
    return byType.get(error.statusCode() >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
  }

  @Override
  public String toString() {
    return "gateway responses " + byType.keySet();
  }
}
