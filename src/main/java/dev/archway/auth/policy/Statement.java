package dev.archway.auth.policy;

import java.util.List;

/**
 * One statement of a policy document. {@code principals} is null when the statement names none
 * (identity policies, such as a Lambda authorizer's); {@code notActions}/{@code notResources}
 * invert the match as in IAM. {@code unsupported} holds what Archway cannot evaluate
 * (NotPrincipal...): such a statement fails closed.
 */
record Statement(
    boolean allow, Principals principals, List<Wildcard> actions, boolean notAction, List<Wildcard> resources,
    boolean notResource, List<Condition> conditions, String unsupported) {

  /**
   * TRUE when the statement applies to the request, FALSE when not, UNKNOWN when a part of it
   * cannot be evaluated.
   */
  Condition.Result applies(PolicyRequest request) {
    if (unsupported != null) {
      return Condition.Result.UNKNOWN;
    }
    if (principals != null && !principals.matches(request.caller())) {
      return Condition.Result.FALSE;
    }
    boolean action = actions.stream().anyMatch(a -> a.matchesIgnoringCase(request.action()));
    if (action == notAction) {
      return Condition.Result.FALSE;
    }
    boolean resource = resources.stream().anyMatch(r -> r.matches(request.resource()));
    if (resource == notResource) {
      return Condition.Result.FALSE;
    }
    Condition.Result result = Condition.Result.TRUE;
    for (Condition condition : conditions) {
      Condition.Result one = condition.evaluate(request);
      if (one == Condition.Result.FALSE) {
        return one;
      }
      if (one == Condition.Result.UNKNOWN) {
        result = one;
      }
    }
    return result;
  }

  /**
   * {@code Principal} of a resource policy: everyone ({@code "*"}), or AWS accounts and IAM ARNs.
   * An anonymous caller matches only everyone.
   */
  record Principals(boolean everyone, List<String> aws) {
    boolean matches(PolicyRequest.Caller caller) {
      if (everyone) {
        return true;
      }
      if (caller == null) {
        return false;
      }
      for (String principal : aws) {
        if (principal.equals(caller.arn()) || principal.equals(caller.accountId())
            || principal.equals("arn:aws:iam::" + caller.accountId() + ":root")) {
          return true;
        }
      }
      return false;
    }
  }
}
