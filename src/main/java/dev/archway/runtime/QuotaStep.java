package dev.archway.runtime;

import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaMeter;
import io.vertx.core.Future;

/**
 * Counts the request against the quota of the caller's key in its usage plan; when the period's
 * quota is used up, 429 Limit Exceeded. Counting is in memory (the ledger writes it to the store),
 * or one round trip to the counters several nodes share.
 */
public final class QuotaStep implements Step {
  private static final Future<Void> EXCEEDED = Future.failedFuture(new GatewayResponse.QuotaExceeded().failure());

  @Override
  public Future<Void> apply(Exchange exchange) {
    PlanKey key = exchange.apiKey();
    QuotaMeter quota = key == null ? null : key.quota();
    if (quota == null) {
      return Future.succeededFuture();
    }
    Future<Boolean> admitted = quota.consume();
    if (admitted.isComplete()) { // counted on this node: no allocation
      return admitted.result() ? Future.succeededFuture() : EXCEEDED;
    }
    return admitted.compose(ok -> ok ? Future.succeededFuture() : EXCEEDED);
  }

  @Override
  public String toString() {
    return "Quota";
  }
}
