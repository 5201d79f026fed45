package dev.archway.runtime;

import dev.archway.runtime.route.RouteTable;
import java.util.Map;

/** A stage with its deployment compiled: what a request to {@code /{stage}/...} is served from. Immutable. */
public record CompiledStage(
    String apiId, String stageName, String deploymentId, Map<String, String> variables,
    RouteTable<CompiledRoute> routes, int routeCount, CustomGatewayResponses gatewayResponses) {

  public CompiledStage {
    variables = Map.copyOf(variables);
    gatewayResponses = gatewayResponses == null ? CustomGatewayResponses.NONE : gatewayResponses;
  }

  /** A stage whose API customised no gateway response. */
  public CompiledStage(String apiId, String stageName, String deploymentId, Map<String, String> variables,
      RouteTable<CompiledRoute> routes, int routeCount) {
    this(apiId, stageName, deploymentId, variables, routes, routeCount, CustomGatewayResponses.NONE);
  }

  @Override
  public String toString() {
    return "stage " + apiId + "/" + stageName + " (deployment " + deploymentId + ", " + routeCount + " routes)";
  }
}
