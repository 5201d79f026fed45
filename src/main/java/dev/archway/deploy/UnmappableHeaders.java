package dev.archway.deploy;

import dev.archway.model.Integration;
import dev.archway.runtime.HeaderNames;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Request headers a REST integration may not map. AWS deploys such a method and fails each of its
 * calls with 500 ("Execution failed due to configuration error: ... header already present"), even
 * for AWS_PROXY, which otherwise ignores request parameters: the method then runs a
 * {@link dev.archway.runtime.ConfigurationErrorStep} and the rest of the stage is served. A request
 * template that sets one through {@code $context.requestOverride.header} fails its request the same
 * way ({@link #names}).
 */
final class UnmappableHeaders {
  /** Every integration: framing and the gateway's own tracing headers. */
  private static final Set<String> ANY = Set.of("content-length", "transfer-encoding", "x-amzn-trace-id",
      "x-amzn-apigateway-api-id");
  /** Lambda and AWS service calls also keep these to themselves. */
  private static final Set<String> AWS = Set.of("content-length", "transfer-encoding", "x-amzn-trace-id",
      "x-amzn-apigateway-api-id", "authorization", "connection", "expect", "proxy-authenticate", "te");
  private static final String PREFIX = "integration.request.header.";

  private UnmappableHeaders() {}

  /** The names the integration may not set, for the request template's overrides. */
  static HeaderNames names(Integration integration) {
    return HeaderNames.of(refused(integration).toArray(String[]::new));
  }

  private static Set<String> refused(Integration integration) {
    return integration.type() != null && integration.type().startsWith("AWS") ? AWS : ANY;
  }

  /** Why the integration's calls must fail, or null when it maps no such header. */
  static String refusal(Integration integration) {
    Map<String, String> mappings = integration.requestParameters() == null ? Map.of() : integration.requestParameters();
    Set<String> refused = refused(integration);
    for (String target : mappings.keySet()) {
      if (target.startsWith(PREFIX) && refused.contains(target.substring(PREFIX.length()).toLowerCase(Locale.ROOT))) {
        return target.substring(PREFIX.length()) + " header already present (" + target + " cannot be mapped)";
      }
    }
    return null;
  }
}
