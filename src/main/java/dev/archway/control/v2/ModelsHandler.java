package dev.archway.control.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.Call;
import dev.archway.control.ModelTemplates;
import dev.archway.control.wire.ApiException;
import dev.archway.deploy.ModelSchemas;
import dev.archway.model.Json;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Model;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.RouteResponse;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CreateModel, GetModel, GetModels, UpdateModel, DeleteModel and GetModelTemplate of apigatewayv2.
 * A schema must be JSON Schema draft 4 whose {@code $ref}s name models of the same API; a model a
 * route or route response uses cannot be deleted or renamed.
 */
final class ModelsHandler {
  private static final int MAX_SCHEMA = 32 * 1024;
  private static final Set<String> UPDATABLE = Set.of("contentType", "description", "name", "schema");

  private final Store store;

  ModelsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String contentType, String description, String name, String schema) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Model model = check(docs, api, new Model(req.contentType(), req.description(), V2Ids.childId(), req.name(), req.schema()));
      docs.put(V2Kinds.MODEL, api.apiId(), model.modelId(), model);
      return model;
    });
  }

  Object get(Call call) {
    return store.read(docs -> V2Drafts.model(docs, V2Drafts.api(docs, call.caller(), call.label("apiId")).apiId(),
        call.label("modelId")));
  }

  Object list(Call call) {
    List<Model> all = store.read(docs -> docs.list(V2Kinds.MODEL, V2Drafts.api(docs, call.caller(), call.label("apiId")).apiId()));
    return Page.of(all, call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Model current = V2Drafts.model(docs, api.apiId(), call.label("modelId"));
      Model updated = check(docs, api, Updates.merge(current, call, UPDATABLE, Model.class));
      if (!updated.name().equals(current.name())) {
        refuseInUse(docs, api, current, "renamed");
      }
      docs.put(V2Kinds.MODEL, api.apiId(), updated.modelId(), updated);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Model model = V2Drafts.model(docs, api.apiId(), call.label("modelId"));
      refuseInUse(docs, api, model, "deleted");
      docs.delete(V2Kinds.MODEL, api.apiId(), model.modelId());
      return null;
    });
  }

  /** A JSON skeleton of the model's schema, as a starting point for a mapping template. */
  Object template(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Model model = V2Drafts.model(docs, api.apiId(), call.label("modelId"));
      Map<String, String> schemas = docs.list(V2Kinds.MODEL, api.apiId()).stream()
          .collect(Collectors.toMap(Model::name, Model::schema, (a, b) -> a));
      String prefix = ModelSchemas.modelIri(api.apiId(), "");
      String value = ModelTemplates.generate(parse(model.schema()), ref -> {
        String schema = ref.startsWith(prefix) ? schemas.get(ref.substring(prefix.length())) : null;
        return schema == null ? null : parse(schema);
      });
      return Map.of("value", value);
    });
  }

  private static Model check(Documents docs, HttpApi api, Model model) {
    String name = Checks.required("name", model.name());
    if (!name.matches("[A-Za-z0-9]{1,128}")) {
      throw ApiException.badRequest("Invalid model name: " + Checks.abbreviate(name) + " (expected: 1..128 letters or digits)");
    }
    Checks.length("description", model.description(), 0, 1024);
    Checks.length("contentType", model.contentType(), 1, 256);
    String schema = Checks.required("schema", model.schema());
    if (schema.length() > MAX_SCHEMA) {
      throw ApiException.badRequest("Invalid schema: longer than " + MAX_SCHEMA + " characters");
    }
    List<Model> models = docs.list(V2Kinds.MODEL, api.apiId());
    for (Model other : models) {
      if (!other.modelId().equals(model.modelId()) && other.name().equals(name)) {
        throw ApiException.conflict("Model name already exists for this API: " + name);
      }
    }
    try {
      ModelSchemas.check(api.apiId(), schema, models.stream().map(Model::name).collect(Collectors.toSet()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid model schema specified: " + e.getMessage());
    }
    return model;
  }

  /** Refuses to delete or rename a model a route or route response names. */
  private static void refuseInUse(Documents docs, HttpApi api, Model model, String change) {
    for (Route route : docs.list(V2Kinds.ROUTE, api.apiId())) {
      if (names(route.requestModels(), model)) {
        throw ApiException.conflict("Model " + model.name() + " cannot be " + change + ": it is a request model of route "
            + route.routeKey());
      }
      for (RouteResponse response : docs.list(V2Kinds.ROUTE_RESPONSE, V2Kinds.childScope(api.apiId(), route.routeId()))) {
        if (names(response.responseModels(), model)) {
          throw ApiException.conflict("Model " + model.name() + " cannot be " + change
              + ": it is a response model of route " + route.routeKey());
        }
      }
    }
    String iri = ModelSchemas.modelIri(api.apiId(), model.name());
    for (Model other : docs.list(V2Kinds.MODEL, api.apiId())) {
      if (!other.modelId().equals(model.modelId()) && other.schema() != null && other.schema().contains(iri)) {
        throw ApiException.conflict("Model " + model.name() + " cannot be " + change + ": model " + other.name() + " refers to it");
      }
    }
  }

  private static boolean names(Map<String, String> models, Model model) {
    return models != null && models.values().stream().anyMatch(n -> Objects.equals(n, model.name()));
  }

  private static JsonNode parse(String schema) {
    try {
      JsonNode node = Json.MAPPER.readTree(schema == null ? "{}" : schema);
      return node == null ? Json.MAPPER.createObjectNode() : node;
    } catch (Exception e) {
      return Json.MAPPER.createObjectNode();
    }
  }
}
