package dev.archway.control;

import static dev.archway.control.RestApiImports.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.rest.RestDefinition;
import dev.archway.control.openapi.rest.RestDefinition.Part;
import dev.archway.model.Authorizer;
import dev.archway.model.Json;
import dev.archway.model.RequestValidator;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The management operations an import makes, run by the handlers themselves inside the import's
 * transaction; each refusal names what the definition was creating, as AWS's import errors do.
 */
final class RestImportCalls {
  /** What a model whose schema names other models is created with, before every model exists. */
  private static final String PLACEHOLDER = "{\"type\":\"object\"}";

  private final Caller caller;
  private final Operation createRestApi;
  private final Operation createResource;
  private final Operation putMethod;
  private final Operation deleteMethod;
  private final Operation putMethodResponse;
  private final Operation putIntegration;
  private final Operation putIntegrationResponse;
  private final Operation createModel;
  private final Operation updateModel;
  private final Operation createAuthorizer;
  private final Operation createRequestValidator;
  private final Operation putGatewayResponse;

  /** Each operation behind the same service-model checks as when a user calls it. */
  RestImportCalls(Store transaction, Caller caller) {
    this.caller = caller;
    MethodsHandler methods = new MethodsHandler(transaction);
    IntegrationsHandler integrations = new IntegrationsHandler(transaction);
    ModelsHandler models = new ModelsHandler(transaction);
    createRestApi = ManagementApi.modelChecked("CreateRestApi", new RestApisHandler(transaction)::create);
    createResource = ManagementApi.modelChecked("CreateResource", new ResourcesHandler(transaction)::create);
    putMethod = ManagementApi.modelChecked("PutMethod", methods::put);
    deleteMethod = ManagementApi.modelChecked("DeleteMethod", methods::delete);
    putMethodResponse = ManagementApi.modelChecked("PutMethodResponse", methods::putResponse);
    putIntegration = ManagementApi.modelChecked("PutIntegration", integrations::put);
    putIntegrationResponse = ManagementApi.modelChecked("PutIntegrationResponse", integrations::putResponse);
    createModel = ManagementApi.modelChecked("CreateModel", models::create);
    updateModel = ManagementApi.modelChecked("UpdateModel", models::update);
    createAuthorizer = ManagementApi.modelChecked("CreateAuthorizer", new AuthorizersHandler(transaction)::create);
    createRequestValidator = ManagementApi.modelChecked("CreateRequestValidator", new RequestValidatorsHandler(transaction)::create);
    putGatewayResponse = ManagementApi.modelChecked("PutGatewayResponse", new GatewayResponsesHandler(transaction)::put);
  }

  RestApi createRestApi(ObjectNode body) {
    return (RestApi) createRestApi.handle(call(Map.of(), body));
  }

  void putGatewayResponse(String apiId, String type, ObjectNode body) {
    putGatewayResponse.handle(call(Map.of("restapi_id", apiId, "response_type", type), body));
  }

  Call call(Map<String, String> labels, JsonNode body) {
    return new Call(caller, labels, Map.of(), body);
  }

  /**
   * CreateModel for each model; a model that exists (a built-in one, or one PutRestApi merges into)
   * and a model whose schema names others (created first with a placeholder) get their schema by UpdateModel.
   */
  void models(Documents docs, String apiId, List<Part> definitions) {
    List<Part> later = new ArrayList<>();
    for (Part model : definitions) {
      boolean exists = docs.get(Kind.MODEL, apiId, model.key()).isPresent();
      if (!exists) {
        ObjectNode body = model.body().deepCopy();
        body.put("schema", RestDefinition.namesModels(model) ? PLACEHOLDER : RestDefinition.modelSchema(model, apiId));
        at("Unable to create model for '" + model.key() + "'", () -> createModel.handle(call(Map.of("restapi_id", apiId), body)));
      }
      if (exists || RestDefinition.namesModels(model)) {
        later.add(model);
      }
    }
    for (Part model : later) {
      at("Unable to create model for '" + model.key() + "'", () -> updateModel.handle(call(
          Map.of("restapi_id", apiId, "model_name", model.key()),
          RestApiImports.patch("/schema", RestDefinition.modelSchema(model, apiId)))));
    }
  }

  /** The authorizers by security scheme name; merging replaces an authorizer of the same name in place. */
  Map<String, String> authorizers(Documents docs, String apiId, List<Part> definitions, boolean merge) {
    Map<String, String> ids = new HashMap<>();
    for (Part part : definitions) {
      String what = "Unable to create authorizer '" + part.key() + "'";
      Authorizer existing = merge ? docs.list(Kind.AUTHORIZER, apiId).stream()
          .filter(a -> a.name().equals(part.key())).findFirst().orElse(null) : null;
      Authorizer created = existing == null
          ? at(what, () -> (Authorizer) createAuthorizer.handle(call(Map.of("restapi_id", apiId), part.body())))
          : at(what, () -> AuthorizerRules.validate(Json.MAPPER.convertValue(part.body(), Authorizer.class).withId(existing.id())));
      docs.put(Kind.AUTHORIZER, apiId, created.id(), created);
      ids.put(part.key(), created.id());
    }
    return ids;
  }

  /** The request validators by name; merging replaces a validator of the same name in place. */
  Map<String, String> validators(Documents docs, String apiId, List<Part> definitions, boolean merge) {
    Map<String, String> ids = new HashMap<>();
    for (Part part : definitions) {
      RequestValidator existing = merge ? docs.list(Kind.REQUEST_VALIDATOR, apiId).stream()
          .filter(v -> part.key().equals(v.name())).findFirst().orElse(null) : null;
      RequestValidator validator = existing == null
          ? at("Unable to create request validator '" + part.key() + "'",
              () -> (RequestValidator) createRequestValidator.handle(call(Map.of("restapi_id", apiId), part.body())))
          : new RequestValidator(existing.id(), part.key(), part.body().path("validateRequestBody").asBoolean(),
              part.body().path("validateRequestParameters").asBoolean());
      docs.put(Kind.REQUEST_VALIDATOR, apiId, validator.id(), validator);
      ids.put(part.key(), validator.id());
    }
    return ids;
  }

  /** CreateResource for each path the API lacks, parents first; answers every path's resource id. */
  Map<String, String> resources(Documents docs, String apiId, List<String> paths) {
    Map<String, String> ids = new HashMap<>();
    docs.list(Kind.RESOURCE, apiId).forEach(r -> ids.put(r.path(), r.id()));
    for (String path : paths) {
      if (ids.containsKey(path)) {
        continue;
      }
      int slash = path.lastIndexOf('/');
      String parent = ids.get(slash == 0 ? "/" : path.substring(0, slash));
      ObjectNode body = Json.MAPPER.createObjectNode().put("pathPart", path.substring(slash + 1));
      Resource created = at("Unable to create resource at path '" + path + "'",
          () -> (Resource) createResource.handle(call(Map.of("restapi_id", apiId, "resource_id", parent), body)));
      ids.put(path, created.id());
    }
    return ids;
  }

  /** PutMethod, PutMethodResponse, PutIntegration and PutIntegrationResponse; merging replaces a method of the same verb. */
  void method(Documents docs, String apiId, String resourceId, RestDefinition.Operation operation, ObjectNode method, boolean merge) {
    String verb = operation.httpMethod();
    String where = "'" + verb + "' for resource at path '" + operation.path() + "'";
    Map<String, String> labels = Map.of("restapi_id", apiId, "resource_id", resourceId, "http_method", verb);
    if (merge && docs.get(Kind.RESOURCE, apiId, resourceId).map(r -> r.method(verb)).isPresent()) {
      deleteMethod.handle(call(labels, null));
    }
    at("Unable to put method '" + verb + "' on resource at path '" + operation.path() + "'", () -> putMethod.handle(call(labels, method)));
    operation.methodResponses().forEach((status, body) -> at("Unable to put method response on " + where,
        () -> putMethodResponse.handle(call(withStatus(labels, status), body))));
    if (operation.integration() != null) {
      at("Unable to put integration on " + where, () -> putIntegration.handle(call(labels, operation.integration())));
      operation.integrationResponses().forEach((status, body) -> at("Unable to put integration response on " + where,
          () -> putIntegrationResponse.handle(call(withStatus(labels, status), body))));
    }
  }

  private static Map<String, String> withStatus(Map<String, String> labels, String status) {
    Map<String, String> with = new HashMap<>(labels);
    with.put("status_code", status);
    return with;
  }

}
