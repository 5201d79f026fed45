package dev.archway.auth.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One condition of a statement: an operator, a context key and the values to compare with.
 * Supported keys: {@code aws:SourceIp} (with IpAddress/NotIpAddress), {@code aws:SourceVpce},
 * {@code aws:SourceVpc}, {@code aws:PrincipalAccount}, {@code aws:PrincipalArn} (with the String
 * operators). As in IAM, a key absent from the request fails a positive operator and passes a
 * negated one (the "deny unless from this VPC endpoint" pattern). A condition Archway cannot
 * evaluate reports {@link Result#UNKNOWN}; the statement then fails closed.
 */
record Condition(String operator, String key, List<String> values, List<CidrBlock> blocks) {
  private static final Set<String> STRING_OPERATORS = Set.of("StringEquals", "StringNotEquals",
      "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike");
  private static final Set<String> KEYS = Set.of("aws:sourceip", "aws:sourcevpce", "aws:sourcevpc",
      "aws:principalaccount", "aws:principalarn");

  enum Result { TRUE, FALSE, UNKNOWN }

  /** @throws IllegalArgumentException when an address block is malformed */
  static Condition of(String operator, String key, List<String> values) {
    boolean ip = operator.equals("IpAddress") || operator.equals("NotIpAddress");
    List<CidrBlock> blocks = ip && key.equalsIgnoreCase("aws:SourceIp")
        ? values.stream().map(CidrBlock::parse).toList() : List.of();
    return new Condition(operator, key, List.copyOf(values), blocks);
  }

  Result evaluate(PolicyRequest request) {
    String lowerKey = key.toLowerCase(Locale.ROOT);
    if (!KEYS.contains(lowerKey)) {
      return Result.UNKNOWN;
    }
    if (operator.equals("IpAddress") || operator.equals("NotIpAddress")) {
      if (!lowerKey.equals("aws:sourceip")) {
        return Result.UNKNOWN;
      }
      boolean inside = blocks.stream().anyMatch(b -> b.contains(request.sourceIp()));
      return of(operator.equals("IpAddress") == inside);
    }
    if (!STRING_OPERATORS.contains(operator)) {
      return Result.UNKNOWN;
    }
    String actual = value(lowerKey, request);
    boolean negated = operator.contains("Not");
    if (actual == null) {
      return of(negated);
    }
    boolean any = values.stream().anyMatch(v -> switch (operator) {
      case "StringEquals", "StringNotEquals" -> v.equals(actual);
      case "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase" -> v.equalsIgnoreCase(actual);
      default -> new Wildcard(v).matches(actual);
    });
    return of(negated != any);
  }

  private static String value(String key, PolicyRequest request) {
    return switch (key) {
      case "aws:sourceip" -> request.sourceIp();
      case "aws:principalaccount" -> request.caller() == null ? null : request.caller().accountId();
      case "aws:principalarn" -> request.caller() == null ? null : request.caller().arn();
      default -> null; // no VPC endpoints here: aws:SourceVpce and aws:SourceVpc are never present
    };
  }

  private static Result of(boolean value) {
    return value ? Result.TRUE : Result.FALSE;
  }

  @Override
  public String toString() {
    return operator + "{" + key + "=" + values + "}";
  }
}
