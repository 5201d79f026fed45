package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.Unserved;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.HttpApi.Cors;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateApi (with quick create), GetApi, GetApis, UpdateApi, DeleteApi, DeleteCorsConfiguration. */
final class ApisHandler {
  /** The tag that picks the API id, as for REST APIs (LocalStack's convention). */
  static final String CUSTOM_ID_TAG = "_custom_id_";
  /** What AWS answers for every HTTP API; the documented {@code ${request.method} ${request.path}} is accepted as the same. */
  static final String HTTP_ROUTE_SELECTION = "$request.method $request.path";
  private static final String HTTP_ROUTE_SELECTION_BRACED = "${request.method} ${request.path}";
  private static final Set<String> UPDATABLE = Set.of("apiKeySelectionExpression", "corsConfiguration", "description",
      "disableSchemaValidation", "disableExecuteApiEndpoint", "ipAddressType", "name", "routeSelectionExpression", "version");
  private static final List<String> KEY_SELECTIONS = List.of("$request.header.x-api-key", "$context.authorizer.usageIdentifierKey");

  private final Store store;
  private final Deployer deployer;
  private final ApiEndpoints endpoints;

  ApisHandler(Store store, ApiEndpoints endpoints, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
    this.endpoints = endpoints;
  }

  record CreateRequest(
      String apiKeySelectionExpression, Cors corsConfiguration, String credentialsArn, String description,
      Boolean disableSchemaValidation, Boolean disableExecuteApiEndpoint, String ipAddressType, String name,
      String protocolType, String routeKey, String routeSelectionExpression, Map<String, String> tags, String target,
      String version) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.protocolType() == null) {
      throw ApiException.badRequest("protocolType is required");
    }
    boolean http = HttpApi.HTTP.equals(req.protocolType());
    if (!http && (req.target() != null || req.routeKey() != null || req.credentialsArn() != null)) {
      throw ApiException.badRequest("target, routeKey and credentialsArn (quick create) are supported only for HTTP APIs");
    }
    if (req.target() == null && (req.routeKey() != null || req.credentialsArn() != null)) {
      throw ApiException.badRequest("routeKey and credentialsArn need a target (quick create)");
    }
    Checks.tags(req.tags());
    String id = customId(req.tags());
    HttpApi api = validate(new HttpApi(null, null, id,
        req.apiKeySelectionExpression() == null ? KEY_SELECTIONS.get(0) : req.apiKeySelectionExpression(),
        req.corsConfiguration(), V2Drafts.now(), req.description(), req.disableSchemaValidation(),
        Boolean.TRUE.equals(req.disableExecuteApiEndpoint()), req.ipAddressType() == null ? "ipv4" : req.ipAddressType(),
        req.name(), req.protocolType(),
        req.routeSelectionExpression(),
        req.tags() == null ? Map.of() : req.tags(), req.version(), null));
    HttpApi created = store.write(docs -> {
      if (docs.scopeOf(V2Kinds.API, id).isPresent() || docs.scopeOf(Kind.REST_API, id).isPresent()) {
        throw ApiException.conflict("An API with the id " + id + " already exists");
      }
      docs.put(V2Kinds.API, call.caller().scope(), id, api);
      if (req.target() != null) {
        QuickCreate.create(deployer, docs, api, req.target(), req.routeKey(), req.credentialsArn());
      }
      return api;
    });
    new Unserved.Ignored("API " + id).executeApiEndpoint(req.disableExecuteApiEndpoint()).warn();
    return endpoints.render(created);
  }

  Object get(Call call) {
    return endpoints.render(store.read(docs -> V2Drafts.api(docs, call.caller(), call.label("apiId"))));
  }

  Object list(Call call) {
    List<HttpApi> all = store.read(docs -> docs.list(V2Kinds.API, call.caller().scope()));
    return Page.of(all.stream().map(endpoints::render).toList(), call);
  }

  Object update(Call call) {
    HttpApi written = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      HttpApi updated = validate(Updates.merge(api, call, UPDATABLE, HttpApi.class));
      docs.put(V2Kinds.API, call.caller().scope(), api.apiId(), updated);
      if (updated.isHttp()) {
        QuickCreate.update(docs, updated, text(call, "target"), text(call, "routeKey"), text(call, "credentialsArn"));
      }
      deployer.changed(docs, updated);
      return updated;
    });
    new Unserved.Ignored("API " + written.apiId())
        .executeApiEndpoint(Updates.has(call, "disableExecuteApiEndpoint") ? written.disableExecuteApiEndpoint() : null).warn();
    return endpoints.render(written);
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      // Route and integration responses live in scopes of their own, below the API's.
      docs.list(V2Kinds.ROUTE, api.apiId()).forEach(r -> docs.deleteScope(V2Kinds.childScope(api.apiId(), r.routeId())));
      docs.list(V2Kinds.INTEGRATION, api.apiId())
          .forEach(i -> docs.deleteScope(V2Kinds.childScope(api.apiId(), i.integrationId())));
      docs.deleteScope(api.apiId());
      docs.delete(V2Kinds.API, call.caller().scope(), api.apiId());
      return null;
    });
  }

  Object deleteCors(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      HttpApi updated = api.withCors(null);
      docs.put(V2Kinds.API, call.caller().scope(), api.apiId(), updated);
      deployer.changed(docs, updated);
      return null;
    });
  }

  private static String text(Call call, String member) {
    return Updates.has(call, member) ? call.body().get(member).asText() : null;
  }

  static String customId(Map<String, String> tags) {
    String custom = tags == null ? null : tags.get(CUSTOM_ID_TAG);
    if (custom == null) {
      return V2Ids.apiId();
    }
    if (!custom.matches("[A-Za-z0-9_-]{1,64}")) {
      throw ApiException.badRequest("Invalid " + CUSTOM_ID_TAG + " tag: " + Checks.abbreviate(custom)
          + " (expected: 1-64 letters, digits, - or _)");
    }
    return custom;
  }

  static HttpApi validate(HttpApi given) {
    String expression = given.routeSelectionExpression();
    HttpApi api = given.isHttp() && (expression == null || expression.equals(HTTP_ROUTE_SELECTION_BRACED))
        ? given.withRouteSelectionExpression(HTTP_ROUTE_SELECTION) : given;
    Checks.required("name", api.name());
    Checks.length("name", api.name(), 1, 128);
    Checks.length("description", api.description(), 0, 1024);
    Checks.length("version", api.version(), 1, 64);
    Checks.oneOf("apiKeySelectionExpression", api.apiKeySelectionExpression(), KEY_SELECTIONS);
    String selection = api.routeSelectionExpression();
    if (api.isHttp()) {
      Checks.oneOf("routeSelectionExpression", selection, List.of(HTTP_ROUTE_SELECTION));
    } else {
      WebSocketRules.api(api);
    }
    Cors cors = api.corsConfiguration();
    if (cors != null) {
      if (!api.isHttp()) {
        throw ApiException.badRequest("corsConfiguration is supported only for HTTP APIs");
      }
      Checks.range("corsConfiguration.maxAge", cors.maxAge(), -1, 86400);
      if (Boolean.TRUE.equals(cors.allowCredentials()) && cors.allowOrigins() != null && cors.allowOrigins().contains("*")) {
        throw ApiException.badRequest("allowCredentials is not supported when allowOrigins is '*'");
      }
    }
    return api;
  }
}
