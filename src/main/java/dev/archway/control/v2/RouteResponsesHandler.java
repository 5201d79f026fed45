package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Route.ParameterConstraints;
import dev.archway.model.v2.RouteResponse;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CreateRouteResponse, GetRouteResponse, GetRouteResponses, UpdateRouteResponse, DeleteRouteResponse
 * (WebSocket APIs). A route with a {@code $default} route response is two-way once deployed.
 */
final class RouteResponsesHandler {
  private static final String WHAT = "Route responses";
  private static final Set<String> UPDATABLE =
      Set.of("modelSelectionExpression", "responseModels", "responseParameters", "routeResponseKey");

  private final Store store;

  RouteResponsesHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String modelSelectionExpression, Map<String, String> responseModels,
      Map<String, ParameterConstraints> responseParameters, String routeResponseKey) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      RouteResponse response = check(docs, api, route, new RouteResponse(req.modelSelectionExpression(),
          req.responseModels(), req.responseParameters(), V2Ids.childId(), req.routeResponseKey()));
      docs.put(V2Kinds.ROUTE_RESPONSE, scope(api, route), response.routeResponseId(), response);
      return response;
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      return V2Drafts.routeResponse(docs, api.apiId(), route.routeId(), call.label("routeResponseId"));
    });
  }

  Object list(Call call) {
    List<RouteResponse> all = store.read(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      return docs.list(V2Kinds.ROUTE_RESPONSE, scope(api, route));
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      RouteResponse current = V2Drafts.routeResponse(docs, api.apiId(), route.routeId(), call.label("routeResponseId"));
      RouteResponse updated = check(docs, api, route, Updates.merge(current, call, UPDATABLE, RouteResponse.class));
      docs.put(V2Kinds.ROUTE_RESPONSE, scope(api, route), updated.routeResponseId(), updated);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      RouteResponse response = V2Drafts.routeResponse(docs, api.apiId(), route.routeId(), call.label("routeResponseId"));
      docs.delete(V2Kinds.ROUTE_RESPONSE, scope(api, route), response.routeResponseId());
      return null;
    });
  }

  /** The key is {@code $default} (the only one AWS supports), once per route; models and parameters as a route's. */
  private static RouteResponse check(Documents docs, HttpApi api, Route route, RouteResponse response) {
    String key = Checks.required("routeResponseKey", response.routeResponseKey());
    if (!key.equals(WebSocketRules.DEFAULT)) {
      throw ApiException.badRequest("Invalid routeResponseKey: " + Checks.abbreviate(key)
          + " (expected: $default, the only route response key AWS supports)");
    }
    for (RouteResponse other : docs.list(V2Kinds.ROUTE_RESPONSE, scope(api, route))) {
      if (!other.routeResponseId().equals(response.routeResponseId()) && other.routeResponseKey().equals(key)) {
        throw ApiException.conflict("Route response with key " + key + " already exists for route " + route.routeId());
      }
    }
    WebSocketRules.selection("modelSelectionExpression", response.modelSelectionExpression());
    WebSocketRules.models(docs, api, "responseModels", response.responseModels());
    if (response.responseParameters() != null && !response.responseParameters().isEmpty()) {
      throw ApiException.badRequest("responseParameters of route responses are not supported by Archway");
    }
    return response;
  }

  private static String scope(HttpApi api, Route route) {
    return V2Kinds.childScope(api.apiId(), route.routeId());
  }
}
