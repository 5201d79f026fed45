package dev.archway.control.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.Call;
import dev.archway.control.v2.ImportedHttpApi.Part;
import dev.archway.control.wire.ApiException;
import dev.archway.model.Json;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ImportApi ({@code PUT /v2/apis}) and ReimportApi ({@code PUT /v2/apis/{apiId}}): an OpenAPI 3.0
 * definition becomes an HTTP API. Reimport overwrites: the API's routes, integrations and authorizers
 * are replaced by the definition's, and its name, description, version and CORS configuration taken
 * from it; stages and tags stay. Each import is one store transaction, so a definition that fails
 * half-way leaves nothing behind, and auto-deploy stages follow the change in the same transaction.
 */
final class ApiImports {
  private final Store store;
  private final Deployer deployer;
  private final ApiEndpoints endpoints;

  ApiImports(Store store, ApiEndpoints endpoints, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
    this.endpoints = endpoints;
  }

  record ImportRequest(String body) {}

  Object importApi(Call call) {
    ImportedHttpApi imported = read(call);
    String id = ApisHandler.customId(imported.tags()); // a _custom_id_ tag picks the id, as for CreateApi
    HttpApi api = ApisHandler.validate(new HttpApi(null, null, id, "$request.header.x-api-key", imported.cors(),
        V2Drafts.now(), imported.description(), null, Boolean.TRUE.equals(imported.disableExecuteApiEndpoint()), "ipv4",
        imported.name(), HttpApi.HTTP, ApisHandler.HTTP_ROUTE_SELECTION, imported.tags(), imported.version(),
        warnings(imported)));
    Checks.tags(imported.tags());
    HttpApi stored = store.write(docs -> {
      if (docs.scopeOf(V2Kinds.API, id).isPresent() || docs.scopeOf(Kind.REST_API, id).isPresent()) {
        throw ApiException.conflict("An API with the id " + id + " already exists");
      }
      docs.put(V2Kinds.API, call.caller().scope(), id, api);
      apply(docs, api, imported);
      return api;
    });
    return answer(stored, imported);
  }

  Object reimportApi(Call call) {
    ImportedHttpApi imported = read(call);
    HttpApi stored = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      if (!api.isHttp()) {
        throw ApiException.badRequest("ReimportApi is supported only for HTTP APIs");
      }
      HttpApi updated = ApisHandler.validate(new HttpApi(null, api.apiGatewayManaged(), api.apiId(),
          api.apiKeySelectionExpression(), imported.cors(), api.createdDate(), imported.description(),
          api.disableSchemaValidation(), imported.disableExecuteApiEndpoint() == null ? api.disableExecuteApiEndpoint()
              : imported.disableExecuteApiEndpoint(), api.ipAddressType(), imported.name(), api.protocolType(),
          api.routeSelectionExpression(), api.tags(), imported.version(), warnings(imported)));
      for (Route route : docs.list(V2Kinds.ROUTE, api.apiId())) {
        docs.delete(V2Kinds.ROUTE, api.apiId(), route.routeId());
      }
      for (Integration integration : docs.list(V2Kinds.INTEGRATION, api.apiId())) {
        docs.delete(V2Kinds.INTEGRATION, api.apiId(), integration.integrationId());
      }
      for (Authorizer authorizer : docs.list(V2Kinds.AUTHORIZER, api.apiId())) {
        docs.delete(V2Kinds.AUTHORIZER, api.apiId(), authorizer.authorizerId());
      }
      docs.put(V2Kinds.API, call.caller().scope(), api.apiId(), updated);
      apply(docs, updated, imported);
      deployer.changed(docs, updated);
      return updated;
    });
    return answer(stored, imported);
  }

  private static ImportedHttpApi read(Call call) {
    String body = call.bodyAs(ImportRequest.class).body();
    if (body == null) {
      throw ApiException.badRequest("body is required");
    }
    ImportedHttpApi imported = HttpApiOpenApiReader.read(body, call.query("basepath"));
    if ("true".equalsIgnoreCase(call.query("failOnWarnings")) && !imported.warnings().isEmpty()) {
      throw ApiException.badRequest("Warnings found during import:\n\t" + String.join("\n\t", imported.warnings()));
    }
    return imported;
  }

  /** Stores the definition's authorizers, integrations and routes under new ids, each checked as its Create operation checks it. */
  private static void apply(Documents docs, HttpApi api, ImportedHttpApi imported) {
    Map<String, String> authorizerIds = new HashMap<>();
    for (Part<Authorizer> part : imported.authorizers()) {
      Authorizer a = part.value();
      Authorizer checked = at(part, () -> AuthorizerRules.check(api, new Authorizer(a.authorizerCredentialsArn(),
          V2Ids.childId(), a.authorizerPayloadFormatVersion(), a.authorizerResultTtlInSeconds(), a.authorizerType(),
          a.authorizerUri(), a.enableSimpleResponses(), a.identitySource(), a.identityValidationExpression(),
          a.jwtConfiguration(), a.name())));
      docs.put(V2Kinds.AUTHORIZER, api.apiId(), checked.authorizerId(), checked);
      authorizerIds.put(a.authorizerId(), checked.authorizerId());
    }
    Map<String, String> integrationIds = new HashMap<>();
    for (Part<Integration> part : imported.integrations()) {
      Integration i = part.value();
      Integration checked = at(part, () -> IntegrationRules.check(api, new Integration(null, i.connectionId(),
          i.connectionType(), null, i.credentialsArn(), i.description(), V2Ids.childId(), i.integrationMethod(), null,
          i.integrationSubtype(), i.integrationType(), i.integrationUri(), null, i.payloadFormatVersion(),
          i.requestParameters(), null, i.responseParameters(), null, i.timeoutInMillis(), i.tlsConfig())));
      docs.put(V2Kinds.INTEGRATION, api.apiId(), checked.integrationId(), checked);
      integrationIds.put(i.integrationId(), checked.integrationId());
    }
    for (Part<Route> part : imported.routes()) {
      Route r = part.value();
      String target = r.integrationId() == null ? null : Route.TARGET_PREFIX + integrationIds.get(r.integrationId());
      Route checked = at(part, () -> RouteRules.check(docs, api, new Route(null, r.apiKeyRequired(), r.authorizationScopes(),
          r.authorizationType(), r.authorizerId() == null ? null : authorizerIds.get(r.authorizerId()),
          null, r.operationName(), null, null, V2Ids.childId(), r.routeKey(), null, target)));
      docs.put(V2Kinds.ROUTE, api.apiId(), checked.routeId(), checked);
    }
  }

  /** A rule's complaint about an imported resource, said as an import error that names where the definition says it. */
  private static <T> T at(Part<?> part, Supplier<T> check) {
    try {
      return check.get();
    } catch (ApiException e) {
      throw ApiException.badRequest("Errors found during import:\n\t" + part.where() + ": " + e.getMessage());
    }
  }

  private static List<String> warnings(ImportedHttpApi imported) {
    return imported.warnings().isEmpty() ? null : List.copyOf(imported.warnings());
  }

  /** The API as ImportApi answers it: with its endpoint, its warnings and the import's notes. */
  private ObjectNode answer(HttpApi api, ImportedHttpApi imported) {
    ObjectNode answer = Json.MAPPER.valueToTree(endpoints.render(api));
    if (!imported.importInfo().isEmpty()) {
      imported.importInfo().forEach(answer.putArray("importInfo")::add);
    }
    return answer;
  }
}
