package dev.archway.control.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which paths of one resource kind can be patched and how each value is typed. AWS sends every
 * value as a string, so the rule for a path is what turns {@code "true"} into a boolean and
 * {@code "5000"} into a number in the stored document. Declared once per resource kind (see
 * {@link Patchable}); immutable and shared.
 */
public final class PatchRules {

  /** What lives at a declared path; decides the value type and which ops make sense there. */
  enum Kind {
    STRING, BOOLEAN, INTEGER, NUMBER,
    /** An object of string values; the path's last element is the key: {@code /variables/k}. */
    STRING_MAP,
    /** An object of booleans, e.g. a Method's requestParameters ("true" = required). */
    BOOLEAN_MAP,
    /** A list of strings; the item is named by the path's last element or, if absent, the value. */
    STRING_LIST,
    /** A nested object that is only removed whole ({@code remove /accessLogSettings}); its members have rules of their own. */
    OBJECT;

    /** Sits at exactly its path (no key or item after it). */
    boolean isScalar() {
      return this == STRING || this == BOOLEAN || this == INTEGER || this == NUMBER || this == OBJECT;
    }
  }

  /** One declared path: its (unescaped) member names from the document root, and its kind. */
  record Rule(List<String> names, Kind kind, boolean required) {
    String pointer() {
      return "/" + String.join("/", names);
    }
  }

  private final List<Rule> rules;
  private final boolean namesValidPaths;

  private PatchRules(List<Rule> rules, boolean namesValidPaths) {
    this.rules = List.copyOf(rules);
    this.namesValidPaths = namesValidPaths;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds the rule an op's path points at, or fails with AWS's "Invalid patch path" message. A
   * scalar matches its exact path; a map or list also matches one extra element (key or item).
   */
  PatchTarget resolve(String op, String path) {
    List<String> elements = PatchTarget.split(path);
    if (elements != null) {
      for (Rule rule : rules) {
        int extra = elements.size() - rule.names().size();
        if (extra < 0 || !elements.subList(0, rule.names().size()).equals(rule.names())) {
          continue;
        }
        boolean keyed = rule.kind() == Kind.STRING_MAP || rule.kind() == Kind.BOOLEAN_MAP;
        if (extra == 0 && !keyed) {
          return new PatchTarget(rule, path, null);
        }
        if (extra == 1 && !rule.kind().isScalar()) {
          return new PatchTarget(rule, path, elements.get(elements.size() - 1));
        }
      }
    }
    throw invalidPath(op, path);
  }

  /** AWS's general text is "Invalid patch path /x"; some resources (Resource) list valid paths. */
  ApiException invalidPath(String op, String path) {
    if (!namesValidPaths) {
      return ApiException.badRequest("Invalid patch path " + path);
    }
    String valid = rules.stream().map(Rule::pointer).sorted().collect(Collectors.joining(", "));
    return ApiException.badRequest("Invalid patch path  '" + path + "' specified for op '" + op
        + "'. Must be one of: [" + valid + "]");
  }

  /** The op is known and the path is valid, but the two do not go together (add on a scalar). */
  ApiException unsupportedOp(String op, PatchTarget target) {
    if (namesValidPaths) {
      return ApiException.badRequest("Invalid patch path  '" + target.path()
          + "' specified for op '" + op + "'. Please choose supported operations");
    }
    return ApiException.badRequest("Invalid patch operation specified. Must be one of: "
        + target.supportedOps());
  }

  /** Declares a resource kind's patchable paths; names may be nested: "tlsConfig/insecureSkipVerification". */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private boolean namesValidPaths;

    private Builder() {}

    /** An optional string member: replace sets it, remove deletes it. */
    public Builder string(String name) {
      return add(name, Kind.STRING, false);
    }

    /** A string the resource cannot exist without (RestApi name): replace only, never remove. */
    public Builder requiredString(String name) {
      return add(name, Kind.STRING, true);
    }

    /** A boolean; only "true" and "false" (any case) are accepted. */
    public Builder bool(String name) {
      return add(name, Kind.BOOLEAN, false);
    }

    /** A whole number; an empty value clears it, as AWS does for minimumCompressionSize. */
    public Builder integer(String name) {
      return add(name, Kind.INTEGER, false);
    }

    /** A decimal number such as canarySettings/percentTraffic. */
    public Builder number(String name) {
      return add(name, Kind.NUMBER, false);
    }

    public Builder stringMap(String name) {
      return add(name, Kind.STRING_MAP, false);
    }

    public Builder boolMap(String name) {
      return add(name, Kind.BOOLEAN_MAP, false);
    }

    public Builder stringList(String name) {
      return add(name, Kind.STRING_LIST, false);
    }

    /** A nested object whose members are declared separately; the object itself can only be removed. */
    public Builder removableObject(String name) {
      return add(name, Kind.OBJECT, false);
    }

    /** Use AWS's longer message that names the valid paths, as AWS does for Resource. */
    public Builder namingValidPathsInErrors() {
      namesValidPaths = true;
      return this;
    }

    public PatchRules build() {
      return new PatchRules(rules, namesValidPaths);
    }

    private Builder add(String name, Kind kind, boolean required) {
      String trimmed = name.startsWith("/") ? name.substring(1) : name;
      List<String> names = Arrays.asList(trimmed.split("/", -1));
      if (trimmed.isEmpty() || names.contains("")) {
        throw new IllegalArgumentException("patch rule name: '" + name + "' (expected: a/b/c)");
      }
      if (rules.stream().anyMatch(r -> r.names().equals(names))) {
        throw new IllegalArgumentException("patch rule name: '" + name + "' (declared twice)");
      }
      rules.add(new Rule(List.copyOf(names), kind, required));
      return this;
    }
  }
}
