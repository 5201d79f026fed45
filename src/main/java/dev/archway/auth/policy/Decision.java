package dev.archway.auth.policy;

/** The outcome of evaluating IAM policies for one request, in IAM's words. */
public enum Decision {
  /** A statement allows the request and none denies it. */
  ALLOW,
  /** A Deny statement matches: wins over every Allow. */
  EXPLICIT_DENY,
  /** No statement matches: denied by default. */
  IMPLICIT_DENY
}
