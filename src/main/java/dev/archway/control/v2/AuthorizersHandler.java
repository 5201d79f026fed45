package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Authorizer.JwtConfiguration;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Route;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Set;

/** CreateAuthorizer, GetAuthorizer, GetAuthorizers, UpdateAuthorizer, DeleteAuthorizer. */
final class AuthorizersHandler {
  private static final Set<String> UPDATABLE = Set.of("authorizerCredentialsArn", "authorizerPayloadFormatVersion",
      "authorizerResultTtlInSeconds", "authorizerType", "authorizerUri", "enableSimpleResponses", "identitySource",
      "identityValidationExpression", "jwtConfiguration", "name");

  private final Store store;
  private final Deployer deployer;

  AuthorizersHandler(Store store, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
  }

  record CreateRequest(
      String authorizerCredentialsArn, String authorizerPayloadFormatVersion, Integer authorizerResultTtlInSeconds,
      String authorizerType, String authorizerUri, Boolean enableSimpleResponses, List<String> identitySource,
      String identityValidationExpression, JwtConfiguration jwtConfiguration, String name) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Authorizer authorizer = AuthorizerRules.check(api, new Authorizer(req.authorizerCredentialsArn(), V2Ids.childId(),
          req.authorizerPayloadFormatVersion(), req.authorizerResultTtlInSeconds(), req.authorizerType(),
          req.authorizerUri(), req.enableSimpleResponses(), req.identitySource(), req.identityValidationExpression(),
          req.jwtConfiguration(), req.name()));
      docs.put(V2Kinds.AUTHORIZER, api.apiId(), authorizer.authorizerId(), authorizer);
      deployer.changed(docs, api);
      return authorizer;
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return V2Drafts.authorizer(docs, api.apiId(), call.label("authorizerId"));
    });
  }

  Object list(Call call) {
    List<Authorizer> all = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return docs.list(V2Kinds.AUTHORIZER, api.apiId());
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Authorizer authorizer = V2Drafts.authorizer(docs, api.apiId(), call.label("authorizerId"));
      Authorizer updated = AuthorizerRules.check(api, Updates.merge(authorizer, call, UPDATABLE, Authorizer.class));
      if (!updated.authorizerType().equals(authorizer.authorizerType()) && !routesUsing(docs, api, authorizer).isEmpty()) {
        throw ApiException.conflict("Authorizer " + authorizer.authorizerId() + " is used by routes: its type cannot change");
      }
      docs.put(V2Kinds.AUTHORIZER, api.apiId(), updated.authorizerId(), updated);
      deployer.changed(docs, api);
      return updated;
    });
  }

  /** Refused while a route uses the authorizer: a deployment must never name a missing authorizer. */
  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Authorizer authorizer = V2Drafts.authorizer(docs, api.apiId(), call.label("authorizerId"));
      List<Route> using = routesUsing(docs, api, authorizer);
      if (!using.isEmpty()) {
        throw ApiException.conflict("Authorizer " + authorizer.authorizerId() + " is used by route(s) "
            + using.stream().map(Route::routeKey).toList() + ": change or delete them first");
      }
      docs.delete(V2Kinds.AUTHORIZER, api.apiId(), authorizer.authorizerId());
      deployer.changed(docs, api);
      return null;
    });
  }

  private static List<Route> routesUsing(dev.archway.store.Documents docs, HttpApi api, Authorizer authorizer) {
    return docs.list(V2Kinds.ROUTE, api.apiId()).stream()
        .filter(r -> authorizer.authorizerId().equals(r.authorizerId())).toList();
  }
}
