package dev.archway.control;

import dev.archway.model.Account;
import dev.archway.model.ThrottleSettings;
import dev.archway.traffic.QuotaCounters;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the management API needs to know of the data plane: which stages are not serving (for
 * {@code /health/ready}) and when the changes written so far are live. A write is answered only
 * once its effect is served, so a client that deploys and then calls its API never sees the old one.
 * {@code quotas} are the data plane's quota counters, so GetUsage sees requests still counted in
 * memory and UpdateUsage reaches the running meters; null means the store's counters alone.
 * {@code accountThrottle} is the account-level limit the data plane enforces, which GetAccount reports.
 * {@code draining} turns true when the server stops taking traffic: {@code /health/ready} then
 * answers 503 at once, so load balancers take the node out. {@code node} is this node among
 * others sharing the store (null for one node alone).
 */
public record Serving(Supplier<List<String>> notReady, Supplier<Future<Void>> settled, QuotaCounters quotas,
    ThrottleSettings accountThrottle, BooleanSupplier draining, Supplier<NodeStatus> node) {

  public Serving {
    accountThrottle = accountThrottle == null ? Account.defaults().throttleSettings() : accountThrottle;
    draining = draining == null ? () -> false : draining;
  }

  public Serving(Supplier<List<String>> notReady, Supplier<Future<Void>> settled, QuotaCounters quotas,
      ThrottleSettings accountThrottle, BooleanSupplier draining) {
    this(notReady, settled, quotas, accountThrottle, draining, null);
  }

  public Serving(Supplier<List<String>> notReady, Supplier<Future<Void>> settled, QuotaCounters quotas,
      ThrottleSettings accountThrottle) {
    this(notReady, settled, quotas, accountThrottle, null);
  }

  public Serving(Supplier<List<String>> notReady, Supplier<Future<Void>> settled, QuotaCounters quotas) {
    this(notReady, settled, quotas, null);
  }

  public Serving(Supplier<List<String>> notReady, Supplier<Future<Void>> settled) {
    this(notReady, settled, null);
  }
}
