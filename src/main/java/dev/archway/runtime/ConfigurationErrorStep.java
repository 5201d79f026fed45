package dev.archway.runtime;

import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for an integration that was deployed but cannot run (AWS accepts the deployment too):
 * every request gets AWS's 500 "Internal server error" and the log says why.
 */
public final class ConfigurationErrorStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationErrorStep.class);

  private final String reason;

  public ConfigurationErrorStep(String reason) {
    this.reason = reason;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    LOG.error("request {}: Execution failed due to configuration error: {}", exchange.requestId(), reason);
    return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
  }

  @Override
  public String toString() {
    return "ConfigurationError(" + reason + ")";
  }
}
