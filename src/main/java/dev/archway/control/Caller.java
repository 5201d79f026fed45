package dev.archway.control;

/** Who a management request acts as: the account and region its resources are scoped to. */
public record Caller(String accountId, String region) {
  /** The scope of this caller's REST APIs in the store. */
  public String scope() {
    return accountId + ":" + region;
  }
}
