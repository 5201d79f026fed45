package dev.archway.traffic;

import io.vertx.core.Future;

/**
 * Where several nodes count their quota windows together (Redis), so a quota of 1,000 spread over
 * any number of nodes admits 1,000. Called on the event loop, one round trip per request; never blocks.
 */
public interface SharedQuotas {

  /** Whether the shared counters answer now; while not, each node counts on its own (fail open, bounded). */
  boolean available();

  /**
   * Counts one request in the window named {@code window}, which allows {@code allowance} requests.
   *
   * @param used what this node knows was used in the window: the count the shared counter starts from when it has none
   * @param catchUp requests this node admitted on its own while the counters were away, added to a counter that outlived them
   * @param ttlMillis how long the counter is kept (past the window's end)
   * @return the window's count after this request, or -1 when the allowance is used up (the request is not counted)
   */
  Future<Long> consume(String window, long allowance, long used, long catchUp, long ttlMillis);
}
