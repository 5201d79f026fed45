package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway response body template, parsed once at deploy time. AWS renders these with simple
 * variable substitution, not VTL: {@code $context.*} and {@code $stageVariables.*} (also in the
 * {@code ${...}} form) are replaced, everything else is copied as written. An unknown variable
 * renders as nothing.
 */
public final class ErrorTemplate {
  private static final Pattern VARIABLE =
      Pattern.compile("\\$(?:\\{(context|stageVariables)((?:\\.[A-Za-z0-9_-]+)+)}|(context|stageVariables)((?:\\.[A-Za-z0-9_-]+)+))");

  /** AWS's default for every type: {@code {"message":$context.error.messageString}}. */
  public static final ErrorTemplate DEFAULT = parse("{\"message\":$context.error.messageString}");

  /** AWS's default for ACCESS_DENIED: the only one with a capital {@code Message} key (AWS-BEHAVIOUR A.9). */
  public static final ErrorTemplate ACCESS_DENIED = parse("{\"Message\":$context.error.messageString}");

  private sealed interface Part {}

  private record Text(String text) implements Part {}

  private record Variable(String root, String name) implements Part {}

  private final List<Part> parts;
  private final String source;

  private ErrorTemplate(List<Part> parts, String source) {
    this.parts = List.copyOf(parts);
    this.source = source;
  }

  public static ErrorTemplate parse(String template) {
    List<Part> parts = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Text(template.substring(last, m.start())));
      }
      String root = m.group(1) != null ? m.group(1) : m.group(3);
      String path = m.group(2) != null ? m.group(2) : m.group(4);
      parts.add(new Variable(root, path.substring(1)));
      last = m.end();
    }
    if (last < template.length()) {
      parts.add(new Text(template.substring(last)));
    }
    return new ErrorTemplate(parts, template);
  }

  /** The built-in template for a response type that nobody customised. */
  public static ErrorTemplate defaultFor(GatewayResponse response) {
    return response.type().equals("ACCESS_DENIED") ? ACCESS_DENIED : DEFAULT;
  }

  /** @param exchange the request being answered, or null before a stage was found */
  public String render(GatewayResponse error, Exchange exchange) {
    StringBuilder out = new StringBuilder();
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(t.text());
      } else if (part instanceof Variable v) {
        String value = v.root().equals("stageVariables")
            ? (exchange == null ? null : exchange.stage().variables().get(v.name()))
            : context(v.name(), error, exchange);
        out.append(value == null ? "" : value);
      }
    }
    return out.toString();
  }

  private static String context(String name, GatewayResponse error, Exchange exchange) {
    return switch (name) {
      case "error.message" -> error.message();
      case "error.messageString" -> quoted(error.message());
      case "error.responseType" -> error.type();
      case "error.validationErrorString" -> error.validationErrorString();
      case "requestId", "extendedRequestId" -> exchange == null ? null : exchange.requestId();
      case "apiId" -> exchange == null ? null : exchange.stage().apiId();
      case "stage" -> exchange == null ? null : exchange.stage().stageName();
      case "deploymentId" -> exchange == null ? null : exchange.stage().deploymentId();
      case "httpMethod" -> exchange == null ? null : exchange.methodRequest().httpMethod();
      case "path" -> exchange == null ? null : "/" + exchange.stage().stageName() + exchange.methodRequest().path();
      default -> null;
    };
  }

  static String quoted(String message) {
    try {
      return Json.MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON string", e);
    }
  }

  @Override
  public String toString() {
    return source;
  }
}
