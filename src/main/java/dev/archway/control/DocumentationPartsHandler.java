package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.openapi.DefinitionText;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.DocumentationPart;
import dev.archway.model.DocumentationPart.Location;
import dev.archway.model.Json;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CreateDocumentationPart, GetDocumentationPart(s), UpdateDocumentationPart, DeleteDocumentationPart
 * and ImportDocumentationParts. One part per location: a second part for the same entity is a 409,
 * and an import merges into (or, with {@code mode=overwrite}, replaces) what the API has.
 */
final class DocumentationPartsHandler {
  static final String EXTENSION = "x-amazon-apigateway-documentation";

  private final Store store;

  DocumentationPartsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(Location location, String properties) {}

  /** AWS's DocumentationPartIds shape. */
  record PartIds(List<String> ids, List<String> warnings) {}

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    Location location = DocumentationLocations.canonical(req.location(), "createDocumentationPartInput.location");
    String properties = properties(req.properties(), "createDocumentationPartInput.properties");
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      if (at(docs, apiId, location) != null) {
        throw ApiException.conflict("Documentation part already exists for the specified location: "
            + DocumentationLocations.describe(location) + ".");
      }
      DocumentationPart part = new DocumentationPart(newId(docs, apiId), location, properties);
      docs.put(Kind.DOCUMENTATION_PART, apiId, part.id(), part);
      return part;
    });
  }

  Object get(Call call) {
    return store.read(docs -> part(docs, call));
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    String type = call.query("type");
    if (type != null && !DocumentationLocations.TYPES.contains(type)) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value '" + type
          + "' at 'type' failed to satisfy constraint: Member must satisfy enum value set: ["
          + String.join(", ", DocumentationLocations.TYPES) + "]");
    }
    String status = call.query("locationStatus");
    if (status != null && !status.equals("DOCUMENTED") && !status.equals("UNDOCUMENTED")) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value '" + status
          + "' at 'locationStatus' failed to satisfy constraint: Member must satisfy enum value set: [DOCUMENTED, UNDOCUMENTED]");
    }
    String name = call.query("name");
    String path = call.query("path");
    List<DocumentationPart> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.DOCUMENTATION_PART, apiId);
    });
    List<DocumentationPart> shown = all.stream()
        .filter(p -> type == null || type.equals(p.location().type()))
        .filter(p -> path == null || path.equals(p.location().path()))
        .filter(p -> name == null || (p.location().name() != null
            && p.location().name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))))
        .filter(p -> status == null || status.equals("DOCUMENTED") == documented(p))
        .toList();
    return Paging.of(shown, call.query("position"), call.query("limit"));
  }

  /** Only {@code replace /properties}: the location is what identifies a part. */
  Object update(Call call) {
    List<PatchOperation> ops = PatchOperation.listFrom(call.body());
    return store.write(docs -> {
      DocumentationPart part = part(docs, call);
      String properties = part.properties();
      for (PatchOperation op : ops) {
        if (!"replace".equals(op.op()) || !"/properties".equals(op.path())) {
          throw ApiException.badRequest("Invalid patch path  '" + op.path() + "' specified for op '" + op.op()
              + "'. Must be one of: [/properties]");
        }
        properties = properties(op.value(), "updateDocumentationPartInput.properties");
      }
      DocumentationPart updated = part.withProperties(properties);
      docs.put(Kind.DOCUMENTATION_PART, call.label("restapi_id"), part.id(), updated);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      DocumentationPart part = part(docs, call);
      docs.delete(Kind.DOCUMENTATION_PART, call.label("restapi_id"), part.id());
      return null;
    });
  }

  /** ImportDocumentationParts: the {@code x-amazon-apigateway-documentation} of an OpenAPI document (JSON or YAML). */
  Object importParts(Call call) {
    String apiId = call.label("restapi_id");
    boolean overwrite = overwrite(call.query("mode"));
    JsonNode root = DefinitionText.read(call.rawBody());
    List<String> warnings = new ArrayList<>();
    List<String> ids = store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      List<String> put = put(docs, apiId, root.get(EXTENSION), overwrite, warnings);
      if ("true".equalsIgnoreCase(call.query("failonwarnings")) && !warnings.isEmpty()) {
        throw ApiException.badRequest("Warnings found during import:\n\t" + String.join("\n\t", warnings));
      }
      return put;
    });
    return new PartIds(ids, warnings.isEmpty() ? null : warnings);
  }

  /** {@code mode} of the imports: merge (the default) or overwrite. */
  static boolean overwrite(String mode) {
    if (mode == null || mode.equals("merge")) {
      return false;
    }
    if (mode.equals("overwrite")) {
      return true;
    }
    throw new ApiException(400, "ValidationException", "1 validation error detected: Value '" + mode
        + "' at 'mode' failed to satisfy constraint: Member must satisfy enum value set: [merge, overwrite]");
  }

  /**
   * Puts the parts of an {@code x-amazon-apigateway-documentation} object into the API: a part whose
   * location has a part already replaces its properties; with {@code overwrite} every other part is
   * deleted. A part that is not valid is skipped with a warning. Returns the ids of the parts put.
   */
  static List<String> put(Documents docs, String apiId, JsonNode documentation, boolean overwrite, List<String> warnings) {
    if (overwrite) {
      docs.list(Kind.DOCUMENTATION_PART, apiId).forEach(p -> docs.delete(Kind.DOCUMENTATION_PART, apiId, p.id()));
    }
    if (documentation == null || documentation.isNull()) {
      return List.of();
    }
    JsonNode parts = documentation.isArray() ? documentation : documentation.path("documentationParts");
    if (!parts.isArray()) {
      warnings.add(EXTENSION + ".documentationParts must be an array of documentation parts; nothing was imported from it");
      return List.of();
    }
    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
    for (int i = 0; i < parts.size(); i++) {
      String where = EXTENSION + ".documentationParts[" + i + "]";
      try {
        JsonNode node = parts.get(i);
        Location location = DocumentationLocations.canonical(
            Json.MAPPER.treeToValue(node.path("location"), Location.class), "location");
        JsonNode content = node.path("properties");
        String properties = properties(content.isTextual() ? content.asText() : content.isMissingNode() ? null
            : content.toString(), "properties");
        DocumentationPart existing = at(docs, apiId, location);
        DocumentationPart part = existing != null ? existing.withProperties(properties)
            : new DocumentationPart(newId(docs, apiId), location, properties);
        docs.put(Kind.DOCUMENTATION_PART, apiId, part.id(), part);
        ids.add(part.id());
      } catch (ApiException e) {
        warnings.add(where + " was not imported: " + e.getMessage());
      } catch (Exception e) {
        warnings.add(where + " was not imported: its location is not an object of type, path, method, statusCode and name");
      }
    }
    return List.copyOf(ids);
  }

  private static String properties(String properties, String member) {
    if (properties == null) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value null at '" + member
          + "' failed to satisfy constraint: Member must not be null");
    }
    try {
      JsonNode node = Json.MAPPER.readTree(properties);
      if (node != null && node.isObject()) {
        return properties;
      }
    } catch (Exception e) {
      // answered below
    }
    throw ApiException.badRequest("Invalid documentation content: " + (properties.length() > 100
        ? properties.substring(0, 100) + "..." : properties) + " (expected: a JSON object, such as {\"description\": \"...\"})");
  }

  /** A part "with content" (DOCUMENTED) has at least one property. */
  private static boolean documented(DocumentationPart part) {
    try {
      return Json.MAPPER.readTree(part.properties()).size() > 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static DocumentationPart at(Documents docs, String apiId, Location location) {
    return docs.list(Kind.DOCUMENTATION_PART, apiId).stream()
        .filter(p -> p.location().equals(location)).findFirst().orElse(null);
  }

  private static String newId(Documents docs, String apiId) {
    String id = Ids.shortId();
    while (docs.get(Kind.DOCUMENTATION_PART, apiId, id).isPresent()) {
      id = Ids.shortId();
    }
    return id;
  }

  private static DocumentationPart part(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.DOCUMENTATION_PART, apiId, call.label("part_id"))
        .orElseThrow(() -> ApiException.notFound("Invalid Documentation part identifier specified"));
  }
}
