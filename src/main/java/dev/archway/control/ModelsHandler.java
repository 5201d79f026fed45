package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.deploy.ModelSchemas;
import dev.archway.model.Json;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import dev.archway.model.Model;
import dev.archway.model.Resource;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** CreateModel, GetModel, GetModels, UpdateModel, DeleteModel, GetModelTemplate. */
final class ModelsHandler {
  /** "The maximum size of the model is 400 KB" (CreateModel). */
  private static final int MAX_SCHEMA_BYTES = 400 * 1024;

  private final Store store;

  ModelsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String name, String description, String schema, String contentType) {}

  /** The two models AWS gives every new REST API. */
  static List<Model> builtIns() {
    return List.of(
        new Model(Ids.shortId(), "Empty", "This is a default empty schema model",
            "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Empty Schema\",\n  \"type\" : \"object\"\n}",
            "application/json"),
        new Model(Ids.shortId(), "Error", "This is a default error schema model",
            "{\n  \"$schema\" : \"http://json-schema.org/draft-04/schema#\",\n  \"title\" : \"Error Schema\",\n"
                + "  \"type\" : \"object\",\n  \"properties\" : {\n    \"message\" : { \"type\" : \"string\" }\n  }\n}",
            "application/json"));
  }

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.name() == null || req.name().isEmpty()) {
      throw ApiException.badRequest("Model name must be non-empty");
    }
    if (!req.name().matches("[A-Za-z0-9]{1,255}")) {
      throw ApiException.badRequest("Model name must be alphanumeric: " + req.name());
    }
    if (req.contentType() == null || req.contentType().isBlank()) {
      throw ApiException.badRequest("Content type must be non-empty (expected: a media type such as application/json)");
    }
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      if (docs.get(Kind.MODEL, apiId, req.name()).isPresent()) {
        throw ApiException.conflict("Model name already exists for this REST API");
      }
      checkSchema(docs, apiId, req.schema());
      Model model = new Model(Ids.shortId(), req.name(), req.description(), req.schema(), req.contentType());
      docs.put(Kind.MODEL, apiId, model.name(), model);
      return model;
    });
  }

  Object get(Call call) {
    String apiId = call.label("restapi_id");
    return store.read(docs -> {
      Model model = model(docs, call);
      if (!"true".equalsIgnoreCase(call.query("flatten"))) {
        return model;
      }
      Map<String, String> schemas = schemas(docs, apiId);
      JsonNode flat = inline(parse(model.schema()), schemas, apiId, 0);
      return model.withSchemaAndDescription(flat.toString(), model.description());
    });
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    List<Model> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.MODEL, apiId);
    });
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  /** AWS allows only replace of /schema and /description here, with its own messages. */
  Object update(Call call) {
    String apiId = call.label("restapi_id");
    List<PatchOperation> ops = PatchOperation.listFrom(call.body());
    return store.write(docs -> {
      Model model = model(docs, call);
      String schema = model.schema();
      String description = model.description();
      for (PatchOperation op : ops) {
        if (!"replace".equals(op.op())) {
          throw ApiException.badRequest("Invalid patch path  '" + op.path() + "' specified for op '" + op.op()
              + "'. Please choose supported operations");
        }
        if ("/schema".equals(op.path())) {
          schema = op.value();
        } else if ("/description".equals(op.path())) {
          description = op.value();
        } else {
          throw ApiException.badRequest("Invalid patch path  '" + op.path()
              + "' specified for op 'replace'. Must be one of: [/description, /schema]");
        }
      }
      if (!java.util.Objects.equals(schema, model.schema())) {
        checkSchema(docs, apiId, schema);
      }
      Model updated = model.withSchemaAndDescription(schema, description);
      docs.put(Kind.MODEL, apiId, model.name(), updated);
      return updated;
    });
  }

  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      Model model = model(docs, call);
      for (Resource resource : docs.list(Kind.RESOURCE, apiId)) {
        for (Map.Entry<String, Method> m : resource.resourceMethods() == null ? Set.<Map.Entry<String, Method>>of()
            : resource.resourceMethods().entrySet()) {
          String where = resource.path() + "/" + m.getKey();
          if (references(m.getValue().requestModels(), model.name())) {
            throw ApiException.conflict("Cannot delete model '" + model.name() + "', is referenced in method request: " + where);
          }
          for (MethodResponse response : m.getValue().methodResponses() == null ? List.<MethodResponse>of()
              : m.getValue().methodResponses().values()) {
            if (references(response.responseModels(), model.name())) {
              throw ApiException.conflict("Cannot delete model '" + model.name() + "', is referenced in method response: " + where);
            }
          }
        }
      }
      String iri = ModelSchemas.modelIri(apiId, model.name());
      for (Model other : docs.list(Kind.MODEL, apiId)) {
        if (!other.name().equals(model.name()) && other.schema() != null && other.schema().contains(iri)) {
          throw ApiException.conflict("Cannot delete model '" + model.name() + "', is referenced in model: " + other.name());
        }
      }
      docs.delete(Kind.MODEL, apiId, model.name());
      return null;
    });
  }

  Object template(Call call) {
    String apiId = call.label("restapi_id");
    return store.read(docs -> {
      Model model = model(docs, call);
      Map<String, String> schemas = schemas(docs, apiId);
      String prefix = ModelSchemas.modelIri(apiId, "");
      String value = ModelTemplates.generate(parse(model.schema()), ref -> {
        String schema = ref.startsWith(prefix) ? schemas.get(ref.substring(prefix.length())) : null;
        return schema == null ? null : parse(schema);
      });
      return Map.of("value", value);
    });
  }

  private static Model model(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    String name = call.label("model_name");
    return docs.get(Kind.MODEL, apiId, name)
        .orElseThrow(() -> ApiException.notFound("Invalid model name specified: " + name));
  }

  private static void checkSchema(Documents docs, String apiId, String schema) {
    if (schema == null || schema.isBlank()) {
      throw ApiException.badRequest("Model schema must have at least 1 property or array items defined");
    }
    if (schema.getBytes(StandardCharsets.UTF_8).length > MAX_SCHEMA_BYTES) {
      throw ApiException.badRequest("Invalid model schema specified: larger than 400 KB");
    }
    Set<String> names = docs.list(Kind.MODEL, apiId).stream().map(Model::name).collect(Collectors.toSet());
    try {
      ModelSchemas.check(apiId, schema, names);
    } catch (IllegalArgumentException e) {
      // AWS's wording for a schema its validator refuses, with the reason in the errors list.
      throw ApiException.badRequest("Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified. "
          + e.getMessage() + "]");
    }
  }

  private static boolean references(Map<String, String> models, String name) {
    return models != null && models.containsValue(name);
  }

  private static Map<String, String> schemas(Documents docs, String apiId) {
    return docs.list(Kind.MODEL, apiId).stream()
        .filter(m -> m.schema() != null)
        .collect(Collectors.toMap(Model::name, Model::schema, (a, b) -> a));
  }

  private static JsonNode parse(String schema) {
    try {
      JsonNode node = Json.MAPPER.readTree(schema == null ? "{}" : schema);
      return node == null ? Json.MAPPER.createObjectNode() : node;
    } catch (Exception e) {
      return Json.MAPPER.createObjectNode();
    }
  }

  /** GetModel?flatten=true: references to other models replaced by their schemas (bounded for cycles). */
  private static JsonNode inline(JsonNode node, Map<String, String> schemas, String apiId, int depth) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      String prefix = ModelSchemas.modelIri(apiId, "");
      if (ref != null && ref.isTextual() && ref.asText().startsWith(prefix) && depth < 10) {
        String target = schemas.get(ref.asText().substring(prefix.length()));
        JsonNode inlined = target == null ? null : inline(parse(target), schemas, apiId, depth + 1);
        if (inlined instanceof ObjectNode object) {
          object.remove("$schema");
          return object;
        }
      }
      ObjectNode copy = Json.MAPPER.createObjectNode();
      node.fields().forEachRemaining(f -> copy.set(f.getKey(), inline(f.getValue(), schemas, apiId, depth)));
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.MAPPER.createArrayNode();
      node.forEach(item -> copy.add(inline(item, schemas, apiId, depth)));
      return copy;
    }
    return node;
  }
}
