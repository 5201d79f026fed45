package dev.archway.model.v2;

import dev.archway.model.v2.Route.ParameterConstraints;
import java.util.Map;

/**
 * A route response of a WebSocket route: its presence (key {@code $default}, the only key AWS
 * supports) makes the route two-way, so the integration's answer is sent back to the client.
 */
public record RouteResponse(
    String modelSelectionExpression,
    Map<String, String> responseModels,
    Map<String, ParameterConstraints> responseParameters,
    String routeResponseId,
    String routeResponseKey) {}
