package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.rest.RestDefinition;
import dev.archway.control.openapi.rest.RestDefinition.Operation;
import dev.archway.control.openapi.rest.RestDefinition.Part;
import dev.archway.control.openapi.rest.RestDefinitionReader;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.ServiceModel;
import dev.archway.model.Json;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * ImportRestApi ({@code POST /restapis?mode=import}) and PutRestApi ({@code PUT /restapis/{id}},
 * {@code mode} merge or overwrite): a Swagger 2.0 or OpenAPI 3.x definition becomes a REST API by the
 * very operations a user would call (CreateRestApi, CreateModel, CreateResource, PutMethod,
 * PutIntegration...), so it is checked as they check it, all in one store transaction: an error, or
 * a warning with {@code failonwarnings=true}, leaves nothing behind.
 */
final class RestApiImports {
  private final Store store;

  RestApiImports(Store store) {
    this.store = store;
  }

  Object importApi(Call call) {
    RestDefinition definition = read(call);
    ObjectNode body = definition.api().deepCopy();
    String types = call.query("endpointConfigurationTypes");
    if (types != null) {
      ObjectNode endpoint = body.has("endpointConfiguration") ? (ObjectNode) body.get("endpointConfiguration")
          : body.putObject("endpointConfiguration");
      endpoint.putArray("types").add(types);
    }
    return store.write(docs -> {
      RestImportCalls calls = new RestImportCalls(new InTransaction(docs), call.caller());
      RestApi api = at("Unable to create the REST API", () -> calls.createRestApi(body));
      return build(docs, call, calls, api, definition, false);
    });
  }

  Object putApi(Call call) {
    boolean overwrite = DocumentationPartsHandler.overwrite(call.query("mode"));
    RestDefinition definition = read(call);
    return store.write(docs -> {
      RestApi current = Drafts.api(docs, call.caller(), call.label("restapi_id"));
      if (overwrite) {
        clear(docs, current.id(), ignoresDocumentation(call));
      }
      RestApi api = at("Unable to update the REST API", () -> {
        RestApi updated = settings(current, definition.api(), overwrite);
        // Checked as UpdateRestApi checks a patched API: as a CreateRestApi input.
        ServiceModel.apigateway().operation("CreateRestApi").verify(Map.of(), Map.of(), Json.MAPPER.valueToTree(updated));
        return RestApisHandler.validate(updated);
      });
      docs.put(Kind.REST_API, call.caller().scope(), api.id(), api);
      return build(docs, call, new RestImportCalls(new InTransaction(docs), call.caller()), api, definition, !overwrite);
    });
  }

  private static RestDefinition read(Call call) {
    if (call.rawBody().length == 0) {
      throw ApiException.badRequest("Invalid OpenAPI input.");
    }
    RestDefinition definition = RestDefinitionReader.read(call.rawBody(), call.query("basepath"), !ignoresDocumentation(call));
    failOnWarnings(call, definition.warnings());
    return definition;
  }

  private static boolean ignoresDocumentation(Call call) {
    return "documentation".equals(call.query("ignore"));
  }

  private static void failOnWarnings(Call call, List<String> warnings) {
    if ("true".equalsIgnoreCase(call.query("failonwarnings")) && !warnings.isEmpty()) {
      throw ApiException.badRequest("Warnings found during import:\n\t" + String.join("\n\t", warnings));
    }
  }

  /** Everything the definition describes, in the order the operations need it; then the warnings, kept on the API. */
  private static RestApi build(Documents docs, Call call, RestImportCalls calls, RestApi api, RestDefinition definition,
      boolean merge) {
    List<String> warnings = new ArrayList<>(definition.warnings());
    String apiId = api.id();
    calls.models(docs, apiId, definition.models());
    Map<String, String> authorizers = calls.authorizers(docs, apiId, definition.authorizers(), merge);
    Map<String, String> validators = calls.validators(docs, apiId, definition.validators(), merge);
    for (Part response : definition.gatewayResponses()) {
      at("Unable to put gateway response '" + response.key() + "'", () -> {
        calls.putGatewayResponse(apiId, response.key(), response.body());
        return null;
      });
    }
    Map<String, String> resources = calls.resources(docs, apiId, definition.paths());
    for (Operation operation : definition.operations()) {
      String resourceId = resources.get(operation.path());
      ObjectNode method = operation.method().deepCopy();
      if (method.has("authorizerId")) {
        method.put("authorizerId", authorizers.get(method.get("authorizerId").asText()));
      }
      if (method.has("requestValidatorId")) {
        String name = method.get("requestValidatorId").asText();
        if (validators.containsKey(name)) {
          method.put("requestValidatorId", validators.get(name));
        } else {
          method.remove("requestValidatorId");
          warnings.add(operation.where() + ": the request validator '" + name + "' is not defined in "
              + "x-amazon-apigateway-request-validators; the method was imported without one");
        }
      }
      calls.method(docs, apiId, resourceId, operation, method, merge);
    }
    if (definition.documentation() != null) {
      DocumentationPartsHandler.put(docs, apiId, definition.documentation(), false, warnings);
    }
    failOnWarnings(call, warnings);
    RestApi stored = docs.get(Kind.REST_API, call.caller().scope(), apiId).orElseThrow()
        .withWarnings(warnings.isEmpty() ? null : List.copyOf(warnings));
    docs.put(Kind.REST_API, call.caller().scope(), apiId, stored);
    return stored;
  }

  /**
   * The API's own settings after PutRestApi: the definition's where it says them; otherwise, in merge
   * mode, the API's, and in overwrite mode AWS's defaults. Tags are added to the API's.
   */
  private static RestApi settings(RestApi current, ObjectNode definition, boolean overwrite) {
    RestApi read;
    try {
      read = Json.MAPPER.treeToValue(definition, RestApi.class);
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid OpenAPI input.");
    }
    Map<String, String> tags = new java.util.LinkedHashMap<>(current.tags() == null ? Map.of() : current.tags());
    if (read.tags() != null) {
      tags.putAll(read.tags());
    }
    return new RestApi(current.id(), read.name(), pick(read.description(), current.description(), overwrite),
        current.createdDate(), pick(read.version(), current.version(), overwrite), null,
        pick(read.binaryMediaTypes(), current.binaryMediaTypes(), overwrite),
        pick(read.minimumCompressionSize(), current.minimumCompressionSize(), overwrite),
        read.apiKeySource() != null ? read.apiKeySource() : overwrite ? "HEADER" : current.apiKeySource(),
        read.endpointConfiguration() != null && read.endpointConfiguration().types() != null
            ? read.endpointConfiguration() : current.endpointConfiguration(),
        pick(read.policy(), current.policy(), overwrite), tags,
        read.disableExecuteApiEndpoint() != null ? read.disableExecuteApiEndpoint() : current.disableExecuteApiEndpoint(),
        current.rootResourceId());
  }

  private static <T> T pick(T fromDefinition, T current, boolean overwrite) {
    return fromDefinition != null || overwrite ? fromDefinition : current;
  }

  /** PutRestApi in overwrite mode: the draft loses what the definition would describe; stages, deployments and tags stay. */
  private static void clear(Documents docs, String apiId, boolean keepDocumentation) {
    for (Resource resource : docs.list(Kind.RESOURCE, apiId)) {
      if (resource.parentId() == null) {
        docs.put(Kind.RESOURCE, apiId, resource.id(), new Resource(resource.id(), null, null, "/", null));
      } else {
        docs.delete(Kind.RESOURCE, apiId, resource.id());
      }
    }
    docs.list(Kind.MODEL, apiId).forEach(m -> docs.delete(Kind.MODEL, apiId, m.name()));
    ModelsHandler.builtIns().forEach(model -> docs.put(Kind.MODEL, apiId, model.name(), model));
    docs.list(Kind.AUTHORIZER, apiId).forEach(a -> docs.delete(Kind.AUTHORIZER, apiId, a.id()));
    docs.list(Kind.REQUEST_VALIDATOR, apiId).forEach(v -> docs.delete(Kind.REQUEST_VALIDATOR, apiId, v.id()));
    docs.list(Kind.GATEWAY_RESPONSE, apiId).forEach(r -> docs.delete(Kind.GATEWAY_RESPONSE, apiId, r.responseType()));
    if (!keepDocumentation) {
      docs.list(Kind.DOCUMENTATION_PART, apiId).forEach(p -> docs.delete(Kind.DOCUMENTATION_PART, apiId, p.id()));
    }
  }

  /** A refusal of one of the operations, said as an import error that names what was being imported. */
  static <T> T at(String what, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (ApiException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Errors found during import")) {
        throw e;
      }
      throw ApiException.badRequest("Errors found during import:\n\t" + what + ": " + e.getMessage());
    }
  }

  static JsonNode patch(String path, String value) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.putArray("patchOperations").addObject().put("op", "replace").put("path", path).put("value", value);
    return body;
  }
}
