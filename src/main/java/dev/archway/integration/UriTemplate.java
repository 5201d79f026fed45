package dev.archway.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An integration URI parsed once at deploy time: literal text, {@code {name}} path parameters
 * and {@code ${stageVariables.name}} references, expanded per request without parsing.
 */
public final class UriTemplate {
  private static final String STAGE_VARIABLE = "${stageVariables.";

  private sealed interface Part {}

  private record Literal(String text) implements Part {}

  private record PathParameter(String name) implements Part {}

  private record StageVariable(String name) implements Part {}

  private final String source;
  private final List<Part> parts;

  private UriTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  public static UriTemplate parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new IllegalArgumentException("integration uri: " + uri + " (expected: an http or https URL)");
    }
    if (!uri.startsWith("http://") && !uri.startsWith("https://") && !uri.startsWith(STAGE_VARIABLE)) {
      throw new IllegalArgumentException("integration uri: " + uri + " (expected: an http or https URL)");
    }
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < uri.length()) {
      boolean stageVariable = uri.startsWith(STAGE_VARIABLE, i);
      int open = stageVariable ? i : uri.indexOf('{', i);
      if (!stageVariable && open > 0 && uri.startsWith(STAGE_VARIABLE, open - 1)) {
        open = open - 1;
        stageVariable = true;
      }
      if (open < 0) {
        parts.add(new Literal(uri.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new Literal(uri.substring(i, open)));
      }
      int close = uri.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException("integration uri: " + uri + " (expected: a '}' after position " + open + ")");
      }
      String name = uri.substring(open + (stageVariable ? STAGE_VARIABLE.length() : 1), close);
      if (!name.matches("[A-Za-z0-9._+-]+")) {
        throw new IllegalArgumentException("integration uri: " + uri + " has the bad variable name '" + name + "'");
      }
      parts.add(stageVariable ? new StageVariable(name) : new PathParameter(name.replace("+", "")));
      i = close + 1;
    }
    return new UriTemplate(uri, parts);
  }

  /**
   * Whether the authority of an http(s) URI, or of a template of one, holds user information
   * ({@code http://user:password@host}): Archway never sends it, so it is refused rather than dropped.
   */
  public static boolean hasUserInfo(String uri) {
    int scheme = uri.indexOf("://");
    for (int i = scheme < 0 ? uri.length() : scheme + 3; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '@') {
        return true;
      }
      if (c == '/' || c == '?' || c == '#') {
        return false;
      }
    }
    return false;
  }

  /** The names of the {@code {name}} path parameters, in order. */
  public List<String> pathParameters() {
    return parts.stream().filter(PathParameter.class::isInstance).map(p -> ((PathParameter) p).name()).toList();
  }

  /**
   * The URI for one request. Path parameter values arrive decoded and are percent-encoded again
   * segment by segment, so a greedy value keeps its slashes and nothing else can change the URL's shape.
   * An absent value expands to nothing.
   */
  public String expand(Function<String, String> pathParameter, Map<String, String> stageVariables) {
    if (parts.size() == 1 && parts.get(0) instanceof Literal l) {
      return l.text();
    }
    StringBuilder out = new StringBuilder(source.length() + 32);
    for (Part part : parts) {
      if (part instanceof Literal l) {
        out.append(l.text());
      } else if (part instanceof PathParameter p) {
        String value = pathParameter.apply(p.name());
        if (value != null) {
          out.append(encodeSegments(value));
        }
      } else if (part instanceof StageVariable s) {
        out.append(stageVariables.getOrDefault(s.name(), ""));
      }
    }
    return out.toString();
  }

  static String encodeSegments(String value) {
    String[] segments = value.split("/", -1);
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        out.append('/');
      }
      out.append(URLEncoder.encode(segments[i], StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return source;
  }
}
