package dev.archway.runtime;

import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.route.RouteTable;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stage with its deployment compiled: what a request to {@code /{stage}/...} is served from. Immutable.
 *
 * @param buckets the names of the token buckets its throttles draw from, so that publishing a
 *     recompiled API can forget the buckets no stage uses any more
 * @param canary the stage's canary release (REST APIs), or null when it has none; the canary's own
 *     stage has none
 * @param telemetry how its requests are observed
 */
public record CompiledStage(
    String apiId, String stageName, String deploymentId, Map<String, String> variables,
    RouteTable<CompiledRoute> routes, int routeCount, CustomGatewayResponses gatewayResponses, Set<String> buckets,
    CanaryRelease canary, StageTelemetry telemetry) {

  public CompiledStage {
    variables = Map.copyOf(variables);
    gatewayResponses = gatewayResponses == null ? CustomGatewayResponses.NONE : gatewayResponses;
    buckets = Set.copyOf(buckets);
    telemetry = telemetry == null ? StageTelemetry.NONE : telemetry;
  }

  /** A stage without a canary, observed as {@code telemetry} says. */
  public CompiledStage(String apiId, String stageName, String deploymentId, Map<String, String> variables,
      RouteTable<CompiledRoute> routes, int routeCount, CustomGatewayResponses gatewayResponses, Set<String> buckets,
      StageTelemetry telemetry) {
    this(apiId, stageName, deploymentId, variables, routes, routeCount, gatewayResponses, buckets, null, telemetry);
  }

  /** A stage without a canary, nobody observes. */
  public CompiledStage(String apiId, String stageName, String deploymentId, Map<String, String> variables,
      RouteTable<CompiledRoute> routes, int routeCount, CustomGatewayResponses gatewayResponses, Set<String> buckets) {
    this(apiId, stageName, deploymentId, variables, routes, routeCount, gatewayResponses, buckets, StageTelemetry.NONE);
  }

  /** A stage without throttles of its own (the account and usage plans may still throttle it). */
  public CompiledStage(String apiId, String stageName, String deploymentId, Map<String, String> variables,
      RouteTable<CompiledRoute> routes, int routeCount, CustomGatewayResponses gatewayResponses) {
    this(apiId, stageName, deploymentId, variables, routes, routeCount, gatewayResponses, Set.of());
  }

  /** The same, when its API customised no gateway response either. */
  public CompiledStage(String apiId, String stageName, String deploymentId, Map<String, String> variables,
      RouteTable<CompiledRoute> routes, int routeCount) {
    this(apiId, stageName, deploymentId, variables, routes, routeCount, CustomGatewayResponses.NONE);
  }

  /** The same stage serving {@code release} to its share of requests; its buckets are this stage's too. */
  public CompiledStage withCanary(CanaryRelease release) {
    Set<String> all = new HashSet<>(buckets);
    all.addAll(release.stage().buckets());
    return new CompiledStage(apiId, stageName, deploymentId, variables, routes, routeCount, gatewayResponses, all,
        release, telemetry);
  }

  /** The buckets any of these stages draws from. */
  public static Set<String> bucketsOf(Collection<CompiledStage> stages) {
    return stages.stream().flatMap(stage -> stage.buckets().stream()).collect(Collectors.toSet());
  }

  @Override
  public String toString() {
    return "stage " + apiId + "/" + stageName + " (deployment " + deploymentId + ", " + routeCount + " routes"
        + (canary == null ? "" : ", " + canary) + ")";
  }
}
