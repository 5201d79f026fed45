package dev.archway.auth.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * An IAM policy document ({@code Version}, {@code Statement}), parsed once and evaluated per
 * request with IAM's rules: an explicit Deny wins, then an Allow, else an implicit deny. Used for
 * the policies Lambda authorizers return and for REST API resource policies. Immutable.
 */
public final class PolicyDocument {
  private final List<Statement> statements;

  private PolicyDocument(List<Statement> statements) {
    this.statements = List.copyOf(statements);
  }

  /** A policy given as JSON text, such as a RestApi's {@code policy}. @throws IllegalArgumentException saying what is wrong */
  public static PolicyDocument parse(String json, UnaryOperator<String> resources) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("policy: not valid JSON (expected: an IAM policy document)");
    }
    return of(node, resources);
  }

  /**
   * @param resources rewrites each Resource before matching, e.g. expands the
   *     {@code execute-api:/stage/GET/path} shorthand of resource policies
   * @throws IllegalArgumentException naming the part that is not a valid policy
   */
  public static PolicyDocument of(JsonNode node, UnaryOperator<String> resources) {
    if (node != null && node.isTextual()) {
      return parse(node.asText(), resources);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("policyDocument: " + kind(node) + " (expected: an object with Statement)");
    }
    JsonNode statement = node.get("Statement");
    List<JsonNode> raw = new ArrayList<>();
    if (statement != null && statement.isArray()) {
      statement.forEach(raw::add);
    } else if (statement != null && statement.isObject()) {
      raw.add(statement);
    } else {
      throw new IllegalArgumentException("policyDocument Statement: " + kind(statement) + " (expected: an array of statements)");
    }
    List<Statement> parsed = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      parsed.add(statement(raw.get(i), i, resources));
    }
    return new PolicyDocument(parsed);
  }

  public Decision evaluate(PolicyRequest request) {
    boolean allowed = false;
    for (Statement statement : statements) {
      Condition.Result applies = statement.applies(request);
      if (!statement.allow() && applies != Condition.Result.FALSE) {
        return Decision.EXPLICIT_DENY; // a Deny that might apply denies: fail closed
      }
      allowed |= statement.allow() && applies == Condition.Result.TRUE;
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private static Statement statement(JsonNode node, int index, UnaryOperator<String> rewrite) {
    String where = "Statement[" + index + "]";
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + ": " + kind(node) + " (expected: an object)");
    }
    String effect = node.path("Effect").asText("");
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new IllegalArgumentException(where + " Effect: " + node.get("Effect") + " (expected: Allow or Deny)");
    }
    boolean notAction = node.has("NotAction");
    List<Wildcard> actions = strings(node.get(notAction ? "NotAction" : "Action"), where + " Action").stream()
        .map(Wildcard::new).toList();
    boolean notResource = node.has("NotResource");
    List<Wildcard> resources = strings(node.get(notResource ? "NotResource" : "Resource"), where + " Resource").stream()
        .map(rewrite).map(Wildcard::new).toList();
    Statement.Principals principals = node.has("Principal") ? principals(node.get("Principal"), where) : null;
    String unsupported = node.has("NotPrincipal") ? "NotPrincipal" : null;
    List<Condition> conditions = new ArrayList<>();
    JsonNode condition = node.get("Condition");
    if (condition != null) {
      if (!condition.isObject()) {
        throw new IllegalArgumentException(where + " Condition: " + kind(condition) + " (expected: an object)");
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = condition.fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!op.getValue().isObject()) {
          throw new IllegalArgumentException(where + " Condition " + op.getKey() + ": " + kind(op.getValue()) + " (expected: an object)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
          Map.Entry<String, JsonNode> key = keys.next();
          conditions.add(Condition.of(op.getKey(), key.getKey(), strings(key.getValue(), where + " Condition " + key.getKey())));
        }
      }
    }
    return new Statement(effect.equals("Allow"), principals, actions, notAction, resources, notResource, conditions, unsupported);
  }

  private static Statement.Principals principals(JsonNode node, String where) {
    if (node.isTextual() && node.asText().equals("*")) {
      return new Statement.Principals(true, List.of());
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " Principal: " + node + " (expected: \"*\" or {\"AWS\": ...})");
    }
    JsonNode aws = node.get("AWS");
    List<String> named = aws == null ? List.of() : strings(aws, where + " Principal AWS");
    return new Statement.Principals(named.contains("*"), named);
  }

  private static List<String> strings(JsonNode node, String where) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isTextual()) {
      out.add(node.asText());
    } else if (node != null && node.isArray() && !node.isEmpty()) {
      for (JsonNode item : node) {
        if (!item.isValueNode() || item.isNull()) {
          throw new IllegalArgumentException(where + ": " + kind(item) + " (expected: strings)");
        }
        out.add(item.asText());
      }
    } else {
      throw new IllegalArgumentException(where + ": " + kind(node) + " (expected: a string or a non-empty array of strings)");
    }
    return out;
  }

  private static String kind(JsonNode node) {
    return node == null ? "missing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return "PolicyDocument(" + statements.size() + " statements)";
  }
}
