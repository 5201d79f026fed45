package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quick create of HTTP APIs: a {@code target} (a URL or a Lambda ARN) and an optional
 * {@code routeKey} give the API an integration, a route (default {@code $default}) and a
 * {@code $default} stage that deploys automatically, all marked {@code apiGatewayManaged}.
 */
final class QuickCreate {
  private QuickCreate() {}

  /** Creates the managed integration, route and stage of a new API, and its first deployment. */
  static void create(Deployer deployer, Documents docs, HttpApi api, String target, String routeKey, String credentialsArn) {
    Integration integration = IntegrationRules.check(api, integration(V2Ids.childId(), target, credentialsArn));
    docs.put(V2Kinds.INTEGRATION, api.apiId(), integration.integrationId(), integration);
    Route route = RouteRules.check(docs, api, new Route(true, false, null, "NONE", null, null, null, null, null,
        V2Ids.childId(), routeKey == null ? RouteKeys.DEFAULT : routeKey, null,
        Route.TARGET_PREFIX + integration.integrationId()));
    docs.put(V2Kinds.ROUTE, api.apiId(), route.routeId(), route);
    String now = V2Drafts.now();
    Stage stage = new Stage(null, true, true, null, now, new Stage.RouteSettings(null, false, null, null, null),
        null, null, null, now, Map.of(), Stage.DEFAULT, Map.of(), Map.of());
    deployer.deploy(docs, api, List.of(stage));
  }

  /** UpdateApi's quick-create members: a new target rewrites the managed integration, a new routeKey the managed route. */
  static void update(Documents docs, HttpApi api, String target, String routeKey, String credentialsArn) {
    if (target == null && routeKey == null && credentialsArn == null) {
      return;
    }
    Optional<Integration> managed = docs.list(V2Kinds.INTEGRATION, api.apiId()).stream()
        .filter(i -> Boolean.TRUE.equals(i.apiGatewayManaged())).findFirst();
    if (managed.isEmpty()) {
      throw ApiException.badRequest("target, routeKey and credentialsArn can be updated only on APIs made by quick create");
    }
    Integration current = managed.get();
    if (target != null || credentialsArn != null) {
      Integration changed = IntegrationRules.check(api, integration(current.integrationId(),
          target == null ? current.integrationUri() : target,
          credentialsArn == null ? current.credentialsArn() : credentialsArn));
      docs.put(V2Kinds.INTEGRATION, api.apiId(), changed.integrationId(), changed);
    }
    if (routeKey != null) {
      docs.list(V2Kinds.ROUTE, api.apiId()).stream()
          .filter(r -> Boolean.TRUE.equals(r.apiGatewayManaged()))
          .findFirst()
          .ifPresent(r -> {
            Route changed = RouteRules.check(docs, api, new Route(true, r.apiKeyRequired(), r.authorizationScopes(),
                r.authorizationType(), r.authorizerId(), r.modelSelectionExpression(), r.operationName(),
                r.requestModels(), r.requestParameters(), r.routeId(), routeKey, r.routeResponseSelectionExpression(),
                r.target()));
            docs.put(V2Kinds.ROUTE, api.apiId(), changed.routeId(), changed);
          });
    }
  }

  /** A URL target makes an HTTP_PROXY integration for any method; an ARN a Lambda proxy integration with payload 2.0. */
  private static Integration integration(String id, String target, String credentialsArn) {
    boolean lambda = target.startsWith("arn:");
    return new Integration(true, null, "INTERNET", null, credentialsArn, null, id, lambda ? "POST" : "ANY", null, null,
        lambda ? "AWS_PROXY" : "HTTP_PROXY", target, null, lambda ? "2.0" : "1.0", null, null, null, null, 30000, null);
  }
}
