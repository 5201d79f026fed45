package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Route.ParameterConstraints;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateRoute, GetRoute, GetRoutes, UpdateRoute, DeleteRoute; each change redeploys auto-deploy stages. */
final class RoutesHandler {
  private static final Set<String> UPDATABLE = Set.of("apiKeyRequired", "authorizationScopes", "authorizationType",
      "authorizerId", "modelSelectionExpression", "operationName", "requestModels", "requestParameters", "routeKey",
      "routeResponseSelectionExpression", "target");

  private final Store store;
  private final Deployer deployer;

  RoutesHandler(Store store, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
  }

  record CreateRequest(
      Boolean apiKeyRequired, List<String> authorizationScopes, String authorizationType, String authorizerId,
      String modelSelectionExpression, String operationName, Map<String, String> requestModels,
      Map<String, ParameterConstraints> requestParameters, String routeKey, String routeResponseSelectionExpression,
      String target) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Route route = RouteRules.check(docs, api, new Route(null, req.apiKeyRequired(), req.authorizationScopes(),
          req.authorizationType(), req.authorizerId(), req.modelSelectionExpression(), req.operationName(),
          req.requestModels(), req.requestParameters(), V2Ids.childId(), req.routeKey(),
          req.routeResponseSelectionExpression(), req.target()));
      docs.put(V2Kinds.ROUTE, api.apiId(), route.routeId(), route);
      deployer.changed(docs, api);
      return route;
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return V2Drafts.route(docs, api.apiId(), call.label("routeId"));
    });
  }

  Object list(Call call) {
    List<Route> all = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return docs.list(V2Kinds.ROUTE, api.apiId());
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      Route merged = Updates.merge(route, call, UPDATABLE, Route.class);
      if (Boolean.TRUE.equals(route.apiGatewayManaged()) && !merged.routeKey().equals(route.routeKey())) {
        throw ApiException.badRequest("The route key of a route managed by API Gateway (quick create) can be changed only with UpdateApi");
      }
      Route updated = RouteRules.check(docs, api, merged);
      docs.put(V2Kinds.ROUTE, api.apiId(), updated.routeId(), updated);
      deployer.changed(docs, api);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      if (Boolean.TRUE.equals(route.apiGatewayManaged())) {
        throw ApiException.badRequest("Route " + route.routeId() + " is managed by API Gateway (quick create) and cannot be deleted");
      }
      docs.delete(V2Kinds.ROUTE, api.apiId(), route.routeId());
      docs.deleteScope(V2Kinds.childScope(api.apiId(), route.routeId()));
      deployer.changed(docs, api);
      return null;
    });
  }

  /** DeleteRouteRequestParameter (WebSocket APIs): a key the route does not have is 404. */
  Object deleteRequestParameter(Call call) {
    String key = call.label("requestParameterKey");
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Route route = V2Drafts.route(docs, api.apiId(), call.label("routeId"));
      if (route.requestParameters() == null || !route.requestParameters().containsKey(key)) {
        throw ApiException.notFound("Invalid request parameter key specified " + key);
      }
      Map<String, ParameterConstraints> kept = new LinkedHashMap<>(route.requestParameters());
      kept.remove(key);
      Route updated = new Route(route.apiGatewayManaged(), route.apiKeyRequired(), route.authorizationScopes(),
          route.authorizationType(), route.authorizerId(), route.modelSelectionExpression(), route.operationName(),
          route.requestModels(), kept, route.routeId(), route.routeKey(), route.routeResponseSelectionExpression(),
          route.target());
      docs.put(V2Kinds.ROUTE, api.apiId(), route.routeId(), updated);
      deployer.changed(docs, api);
      return null;
    });
  }
}
