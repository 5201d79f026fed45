package dev.archway.runtime;

import dev.archway.mapping.MappingTemplate;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of a non-proxy integration request. First the payload is converted as AWS's "Content
 * type conversions" table says: a body whose Content-Type matches {@code binaryMediaTypes} is
 * binary; CONVERT_TO_TEXT base64-encodes a binary body, CONVERT_TO_BINARY base64-decodes a text
 * body, unset leaves it as it is. Then a text payload goes through the request template (VTL)
 * chosen by the request's Content-Type ({@code application/json} when there is none), else passes
 * through as {@code passthroughBehavior} allows (WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER;
 * refused = 415 UNSUPPORTED_MEDIA_TYPE). A payload that stays binary is never templated. A template
 * that sets a header the integration may not send ({@code $context.requestOverride.header.Content-Length})
 * fails the request with 500, as a static mapping of it does on AWS.
 */
public final class IntegrationRequestBody {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationRequestBody.class);
  static final String DEFAULT_TYPE = "application/json";

  /** The body to send and its media type. */
  public record Rendered(Buffer body, String contentType) {}

  private final Map<String, MappingTemplate> templates;
  private final String passthroughBehavior;
  private final ContentHandling contentHandling;
  private final BinaryMediaTypes binaryMediaTypes;
  private final TemplateRunner runner;
  private final HeaderNames unsettableHeaders;

  /**
   * Compiles the templates now.
   *
   * @param unsettableHeaders the headers a template's overrides may not set for this integration
   * @throws IllegalArgumentException for a bad template, passthroughBehavior or contentHandling
   */
  public IntegrationRequestBody(Map<String, String> templates, String passthroughBehavior, String contentHandling,
      BinaryMediaTypes binaryMediaTypes, TemplateRunner runner, HeaderNames unsettableHeaders) {
    TreeMap<String, MappingTemplate> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    (templates == null ? Map.<String, String>of() : templates).forEach((type, source) ->
        byType.put(type, Templates.compile("request template " + type, source)));
    this.templates = byType;
    this.passthroughBehavior = passthroughBehavior == null ? "WHEN_NO_MATCH" : passthroughBehavior;
    if (!this.passthroughBehavior.matches("WHEN_NO_MATCH|WHEN_NO_TEMPLATES|NEVER")) {
      throw new IllegalArgumentException("passthroughBehavior: " + passthroughBehavior
          + " (expected: WHEN_NO_MATCH, WHEN_NO_TEMPLATES or NEVER)");
    }
    this.contentHandling = ContentHandling.of(contentHandling);
    this.binaryMediaTypes = binaryMediaTypes;
    this.runner = runner;
    this.unsettableHeaders = unsettableHeaders;
  }

  /** @return the body, or a failure: 415 when the body may not pass through, 500 when conversion or the template fails */
  public Future<Rendered> render(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String type = request.mediaType() == null ? DEFAULT_TYPE : request.mediaType();
    boolean binary = binaryMediaTypes.matches(request.headers().get("Content-Type"));
    Buffer payload;
    try {
      payload = contentHandling.convert(request.body(), binary);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ContentHandling.failure(exchange, e));
    }
    boolean text = contentHandling.producesText(binary);
    MappingTemplate template = templates.get(type);
    if (template != null && text) {
      return Templates.render(runner, template, exchange, payload.toString(StandardCharsets.UTF_8)).compose(output -> {
        for (String name : exchange.overrides().requestHeaders().keySet()) {
          if (unsettableHeaders.contains(name)) {
            String reason = name + " header already present ($context.requestOverride.header." + name + " cannot be set)";
            LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), reason);
            exchange.executionLog().add("Execution failed due to configuration error: " + reason);
            return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
          }
        }
        return Future.succeededFuture(new Rendered(Buffer.buffer(output), type));
      });
    }
    boolean passes = !text || switch (passthroughBehavior) {
      case "WHEN_NO_TEMPLATES" -> templates.isEmpty();
      case "NEVER" -> false;
      default -> true;
    };
    if (!passes) {
      return Future.failedFuture(new GatewayResponse.UnsupportedMediaType().failure());
    }
    String contentType = request.headers().get("Content-Type");
    return Future.succeededFuture(new Rendered(payload, contentType == null ? DEFAULT_TYPE : contentType));
  }

  @Override
  public String toString() {
    return "templates=" + templates.keySet() + ", passthrough=" + passthroughBehavior
        + (contentHandling == ContentHandling.PASSTHROUGH ? "" : ", " + contentHandling);
  }
}
