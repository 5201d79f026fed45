package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.mapping.ContextVariables;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A gateway response body template, parsed once at deploy time. AWS renders these with simple
 * variable substitution, not VTL: {@code $context.*} (the request's one {@link RequestContext}, as
 * mapping templates see it, plus {@code error.*}) and {@code $stageVariables.*} (also in the
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
    ContextVariables context = null; // made on the first $context variable that is not an error's
    for (Part part : parts) {
      if (part instanceof Text t) {
        out.append(t.text());
        continue;
      }
      Variable v = (Variable) part;
      String value;
      if (v.root().equals("stageVariables")) {
        value = exchange == null ? null : exchange.stage().variables().get(v.name());
      } else if (v.name().startsWith("error.")) {
        value = error(v.name(), error);
      } else {
        context = context != null || exchange == null ? context : Templates.context(exchange, null);
        Object found = context == null ? null : context.get(v.name());
        value = found == null || found instanceof Map<?, ?> ? null : String.valueOf(found);
      }
      out.append(value == null ? "" : value);
    }
    return out.toString();
  }

  private static String error(String name, GatewayResponse error) {
    return switch (name) {
      case "error.message" -> error.message();
      case "error.messageString" -> quoted(error.message());
      case "error.responseType" -> error.type();
      case "error.validationErrorString" -> error.validationErrorString();
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
