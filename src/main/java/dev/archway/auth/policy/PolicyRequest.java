package dev.archway.auth.policy;

/**
 * What a policy is evaluated against: the action ({@code execute-api:Invoke}), the resource ARN
 * (the method ARN), the caller's address for {@code aws:SourceIp}, and the caller: null for an
 * anonymous caller (only {@code Principal: "*"} names it), else its IAM ARN and account.
 */
public record PolicyRequest(String action, String resource, String sourceIp, Caller caller) {

  /** An authenticated IAM caller. {@code arn} is e.g. {@code arn:aws:iam::111122223333:user/alice}. */
  public record Caller(String arn, String accountId) {}

  public static PolicyRequest invoke(String methodArn, String sourceIp, Caller caller) {
    return new PolicyRequest("execute-api:Invoke", methodArn, sourceIp, caller);
  }
}
