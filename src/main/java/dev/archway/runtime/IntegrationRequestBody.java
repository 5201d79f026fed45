package dev.archway.runtime;

import dev.archway.mapping.MappingTemplate;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of a non-proxy integration request: the request template (VTL) chosen by the request's
 * Content-Type ({@code application/json} when there is none), else the client's body passed
 * through as {@code passthroughBehavior} allows (WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER;
 * refused = 415 UNSUPPORTED_MEDIA_TYPE).
 */
public final class IntegrationRequestBody {
  private static final String DEFAULT_TYPE = "application/json";

  /** The body to send and its media type. */
  public record Rendered(Buffer body, String contentType) {}

  private final Map<String, MappingTemplate> templates;
  private final String passthroughBehavior;

  /** Compiles the templates now. @throws IllegalArgumentException for a bad template or passthroughBehavior */
  public IntegrationRequestBody(Map<String, String> templates, String passthroughBehavior) {
    TreeMap<String, MappingTemplate> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    (templates == null ? Map.<String, String>of() : templates).forEach((type, source) ->
        byType.put(type, Templates.compile("request template " + type, source)));
    this.templates = byType;
    this.passthroughBehavior = passthroughBehavior == null ? "WHEN_NO_MATCH" : passthroughBehavior;
    if (!this.passthroughBehavior.matches("WHEN_NO_MATCH|WHEN_NO_TEMPLATES|NEVER")) {
      throw new IllegalArgumentException("passthroughBehavior: " + passthroughBehavior
          + " (expected: WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER)");
    }
  }

  /** @throws GatewayResponse.Failure 415 when the body may not pass through, 500 when the template fails */
  public Rendered render(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String type = request.mediaType() == null ? DEFAULT_TYPE : request.mediaType();
    MappingTemplate template = templates.get(type);
    if (template != null) {
      String output = Templates.render(template, exchange, request.body().toString(StandardCharsets.UTF_8));
      return new Rendered(Buffer.buffer(output), type);
    }
    boolean passes = switch (passthroughBehavior) {
      case "WHEN_NO_TEMPLATES" -> templates.isEmpty();
      case "NEVER" -> false;
      default -> true;
    };
    if (!passes) {
      throw new GatewayResponse.UnsupportedMediaType().failure();
    }
    String contentType = request.headers().get("Content-Type");
    return new Rendered(request.body(), contentType == null ? DEFAULT_TYPE : contentType);
  }

  @Override
  public String toString() {
    return "templates=" + templates.keySet() + ", passthrough=" + passthroughBehavior;
  }
}
