package dev.archway.runtime;

import dev.archway.auth.Principal;
import dev.archway.auth.policy.Decision;
import dev.archway.auth.policy.MethodArn;
import dev.archway.auth.policy.PolicyDocument;
import dev.archway.auth.policy.PolicyRequest;
import io.vertx.core.Future;

/**
 * The REST API's resource policy, as AWS combines it with the method's authorization ("How API
 * Gateway resource policies affect authorization workflow"):
 * <ul>
 *   <li>NONE: only an explicit Allow lets the anonymous caller in;
 *   <li>CUSTOM and COGNITO_USER_POOLS: runs first; an explicit Deny stops the request before the
 *       authorizer is called; the verdict is kept for the authorizer step (an Allow covers a
 *       Lambda policy that matches nothing, table A);
 *   <li>AWS_IAM: runs after the signature is verified, with the caller's account: the same account
 *       as the API passes unless denied explicitly; another account needs an explicit Allow.
 * </ul>
 * Denials are 403 ACCESS_DENIED with AWS's text, the account id masked as AWS masks it.
 */
public final class ResourcePolicyStep implements Step {

  public enum Mode { NONE, AUTHORIZER, IAM }

  private final PolicyDocument policy;
  private final String apiArn;
  private final String apiAccountId;
  private final Mode mode;

  public ResourcePolicyStep(PolicyDocument policy, String apiArn, String apiAccountId, Mode mode) {
    this.policy = policy;
    this.apiArn = apiArn;
    this.apiAccountId = apiAccountId;
    this.mode = mode;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    String methodArn = MethodArn.of(apiArn, exchange.stage().stageName(), request.httpMethod(), request.path());
    Principal principal = mode == Mode.IAM ? exchange.caller() : null;
    String account = principal == null ? null : principal.accountId() == null ? apiAccountId : principal.accountId();
    PolicyRequest.Caller caller = principal == null ? null : new PolicyRequest.Caller(null, account);
    Decision decision = policy.evaluate(PolicyRequest.invoke(methodArn, request.sourceIp(), caller));
    exchange.resourcePolicy(decision);
    boolean allowed = switch (mode) {
      case NONE -> decision == Decision.ALLOW;
      case AUTHORIZER -> decision != Decision.EXPLICIT_DENY;
      case IAM -> decision == Decision.ALLOW || decision == Decision.IMPLICIT_DENY && apiAccountId.equals(account);
    };
    if (allowed) {
      return Future.succeededFuture();
    }
    String user = principal == null ? "anonymous" : principal.accessKeyId();
    return Future.failedFuture(new GatewayResponse.AccessDenied("User: " + user
        + " is not authorized to perform: execute-api:Invoke on resource: " + masked(methodArn)
        + (decision == Decision.EXPLICIT_DENY ? " with an explicit deny" : "")).failure());
  }

  /** AWS shows only the last four digits of the account in this message. */
  private static String masked(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || parts[4].length() < 4) {
      return arn;
    }
    parts[4] = "*".repeat(parts[4].length() - 4) + parts[4].substring(parts[4].length() - 4);
    return String.join(":", parts);
  }

  @Override
  public String toString() {
    return "ResourcePolicy(" + mode + ", " + policy + ")";
  }
}
