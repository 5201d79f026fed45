package dev.archway.runtime.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed AWS resource path template such as {@code /pets/{petId}} or {@code /files/{proxy+}}.
 * Parsed once, when the route table is built.
 */
record ResourcePath(String text, List<Segment> segments) {

  enum Kind { LITERAL, PARAM, GREEDY }

  /** One path part: literal text, or the name of a {@code {param}} / {@code {param+}}. */
  record Segment(Kind kind, String value) {}

  static ResourcePath parse(String text) {
    if (text == null || !text.startsWith("/")) {
      throw new IllegalArgumentException("resourcePath: " + text + " (expected: starts with '/')");
    }
    if (text.equals("/")) {
      return new ResourcePath(text, List.of());
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Segment> segments = new ArrayList<>(parts.length);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < parts.length; i++) {
      Segment segment = segment(text, parts[i]);
      if (segment.kind() == Kind.GREEDY && i != parts.length - 1) {
        throw new IllegalArgumentException("resourcePath: " + text + " (expected: greedy segment {"
            + segment.value() + "+} to be the last segment)");
      }
      if (segment.kind() != Kind.LITERAL && !names.add(segment.value())) {
        throw new IllegalArgumentException("resourcePath: " + text
            + " (expected: each path parameter name once, '" + segment.value() + "' repeats)");
      }
      segments.add(segment);
    }
    return new ResourcePath(text, List.copyOf(segments));
  }

  private static Segment segment(String text, String part) {
    if (part.isEmpty()) {
      throw new IllegalArgumentException("resourcePath: " + text
          + " (expected: no empty segment and no trailing '/')");
    }
    if (part.startsWith("{") && part.endsWith("}")) {
      boolean greedy = part.endsWith("+}");
      String name = part.substring(1, part.length() - (greedy ? 2 : 1));
      if (name.isEmpty() || name.contains("{") || name.contains("}") || name.contains("+")) {
        throw new IllegalArgumentException("resourcePath: " + text
            + " (expected: a parameter segment like {name} or {name+}, got '" + part + "')");
      }
      return new Segment(greedy ? Kind.GREEDY : Kind.PARAM, name);
    }
    // AWS path parts are whole-segment templates only; "pre{id}" would silently never match.
    if (part.contains("{") || part.contains("}")) {
      throw new IllegalArgumentException("resourcePath: " + text
          + " (expected: '{' and '}' only around a whole segment, got '" + part + "')");
    }
    // Requests with dot segments are rejected, so such a route could never be reached.
    if (part.equals(".") || part.equals("..")) {
      throw new IllegalArgumentException("resourcePath: " + text + " (expected: no '.' or '..' segment)");
    }
    return new Segment(Kind.LITERAL, part);
  }

  /**
   * The template with parameter names erased: "/pets/{petId}" and "/pets/{id}" are the same
   * resource to the matcher, so the builder uses this to find duplicate routes.
   */
  String shape() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append('/').append(switch (s.kind()) {
        case LITERAL -> s.value();
        case PARAM -> "{}";
        case GREEDY -> "{+}";
      });
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  /**
   * Path parameters for decoded request segments that matched this template; a greedy one is the
   * rest of {@code rawPath}, decoded, with any {@code //} in it kept, as AWS keeps it.
   */
  Map<String, String> parameters(String[] request, String rawPath) {
    int count = 0;
    for (Segment s : segments) {
      if (s.kind() != Kind.LITERAL) {
        count++;
      }
    }
    if (count == 0) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map.Entry<String, String>[] entries = new Map.Entry[count];
    int n = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      switch (s.kind()) {
        case LITERAL -> { }
        case PARAM -> entries[n++] = Map.entry(s.value(), request[i]);
        case GREEDY -> entries[n++] = Map.entry(s.value(), RequestPath.remainder(rawPath, i));
      }
    }
    return Map.ofEntries(entries);
  }

  @Override
  public String toString() {
    return text;
  }
}
