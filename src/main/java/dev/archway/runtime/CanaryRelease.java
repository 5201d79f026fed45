package dev.archway.runtime;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A stage's canary: the canary deployment compiled as the stage serves it (its stage variables
 * overridden by {@code stageVariableOverrides}), and the share of requests it serves. Immutable;
 * each request is one random draw.
 *
 * @param percentTraffic 0.0 to 100.0
 */
public record CanaryRelease(CompiledStage stage, double percentTraffic) {

  /** Whether this request goes to the canary: {@code percentTraffic} percent of draws do. */
  public boolean drawn() {
    return percentTraffic > 0 && ThreadLocalRandom.current().nextDouble(100.0) < percentTraffic;
  }

  @Override
  public String toString() {
    return "canary " + percentTraffic + " % to deployment " + stage.deploymentId();
  }
}
