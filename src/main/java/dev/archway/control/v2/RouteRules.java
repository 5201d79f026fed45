package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Route;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Set;

/** What a route may say: its key, its authorization and its target, checked against the API's other resources. */
final class RouteRules {
  private static final Set<String> HTTP_AUTH = Set.of("NONE", "JWT", "AWS_IAM", "CUSTOM");
  private static final Set<String> WEBSOCKET_AUTH = Set.of("NONE", "AWS_IAM", "CUSTOM");

  private RouteRules() {}

  /** The route with AWS's defaults, once valid; refuses a route key that another route of the API already has. */
  static Route check(Documents docs, HttpApi api, Route route) {
    String shape = RouteKeys.check(api.isHttp(), route.routeKey());
    for (Route other : docs.list(V2Kinds.ROUTE, api.apiId())) {
      if (!other.routeId().equals(route.routeId()) && RouteKeys.check(api.isHttp(), other.routeKey()).equals(shape)) {
        throw ApiException.conflict("Route with key " + route.routeKey() + " conflicts with route " + other.routeId()
            + " (" + other.routeKey() + ") of this API");
      }
    }
    String type = route.authorizationType() == null ? "NONE" : route.authorizationType();
    Checks.oneOf("authorizationType", type, api.isHttp() ? HTTP_AUTH : WEBSOCKET_AUTH);
    boolean authorized = type.equals("JWT") || type.equals("CUSTOM");
    // An update cannot send null, so switching to NONE or AWS_IAM drops the authorizer and scopes instead of refusing them.
    String authorizerId = authorized ? route.authorizerId() : null;
    List<String> scopes = authorized ? route.authorizationScopes() : null;
    if (authorized) {
      checkAuthorizer(docs, api, type, authorizerId);
    }
    if (scopes != null && !scopes.isEmpty() && !type.equals("JWT") && api.isHttp()) {
      throw ApiException.badRequest("authorizationScopes are supported only with authorizationType JWT");
    }
    if (!api.isHttp()) {
      WebSocketRules.route(docs, api, route, type);
    }
    Checks.length("operationName", route.operationName(), 1, 64);
    String target = route.target();
    if (target != null) {
      if (route.integrationId() == null) {
        throw ApiException.badRequest("Invalid target: " + Checks.abbreviate(target) + " (expected: integrations/{integrationId})");
      }
      V2Drafts.integration(docs, api.apiId(), route.integrationId());
    }
    return new Route(route.apiGatewayManaged(), route.apiKeyRequired() == null ? Boolean.FALSE : route.apiKeyRequired(),
        scopes, type, authorizerId, route.modelSelectionExpression(), route.operationName(),
        route.requestModels(), route.requestParameters(), route.routeId(), route.routeKey(),
        route.routeResponseSelectionExpression(), target);
  }

  private static void checkAuthorizer(Documents docs, HttpApi api, String type, String authorizerId) {
    if (authorizerId == null) {
      throw ApiException.badRequest("authorizerId is required with authorizationType " + type);
    }
    Authorizer authorizer = V2Drafts.authorizer(docs, api.apiId(), authorizerId);
    String expected = type.equals("JWT") ? "JWT" : "REQUEST";
    if (!expected.equals(authorizer.authorizerType())) {
      throw ApiException.badRequest("Authorizer " + authorizerId + " is of type " + authorizer.authorizerType()
          + "; authorizationType " + type + " needs a " + expected + " authorizer");
    }
  }

  /** The routes of the API whose target is this integration. */
  static List<Route> using(Documents docs, String apiId, String integrationId) {
    return docs.list(V2Kinds.ROUTE, apiId).stream().filter(r -> integrationId.equals(r.integrationId())).toList();
  }
}
