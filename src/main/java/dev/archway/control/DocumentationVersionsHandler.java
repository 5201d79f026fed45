package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.model.DocumentationSnapshot;
import dev.archway.model.DocumentationVersion;
import dev.archway.model.Stage;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;

/**
 * CreateDocumentationVersion (a snapshot of the API's documentation parts, optionally associated with
 * a stage), GetDocumentationVersion(s), UpdateDocumentationVersion, DeleteDocumentationVersion.
 */
final class DocumentationVersionsHandler {
  private final Store store;

  DocumentationVersionsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String documentationVersion, String stageName, String description) {}

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.documentationVersion() == null || req.documentationVersion().isBlank()) {
      throw new ApiException(400, "ValidationException", "1 validation error detected: Value null at "
          + "'createDocumentationVersionInput.documentationVersion' failed to satisfy constraint: Member must not be null");
    }
    String name = req.documentationVersion();
    if (name.length() > 64 || !name.matches("[A-Za-z0-9._-]+")) {
      throw ApiException.badRequest("Invalid documentation version: " + (name.length() > 100 ? name.substring(0, 100) + "..." : name)
          + " (expected: 1-64 letters, digits, '.', '_' or '-')");
    }
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      if (docs.get(Kind.DOCUMENTATION_VERSION, apiId, name).isPresent()) {
        throw ApiException.conflict("Documentation version already exists");
      }
      DocumentationVersion version = new DocumentationVersion(name, Drafts.now(), req.description());
      docs.put(Kind.DOCUMENTATION_VERSION, apiId, name, version);
      docs.put(Kind.DOCUMENTATION_SNAPSHOT, apiId, name,
          new DocumentationSnapshot(name, docs.list(Kind.DOCUMENTATION_PART, apiId)));
      if (req.stageName() != null) {
        Stage stage = docs.get(Kind.STAGE, apiId, req.stageName())
            .orElseThrow(() -> ApiException.notFound("Invalid Stage identifier specified"));
        docs.put(Kind.STAGE, apiId, stage.stageName(), stage.withDocumentationVersion(name));
      }
      return version;
    });
  }

  Object get(Call call) {
    return store.read(docs -> version(docs, call));
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    List<DocumentationVersion> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.DOCUMENTATION_VERSION, apiId);
    });
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  /** Only the description changes: a version's parts are what it froze. */
  Object update(Call call) {
    List<PatchOperation> ops = PatchOperation.listFrom(call.body());
    return store.write(docs -> {
      DocumentationVersion version = version(docs, call);
      String description = version.description();
      for (PatchOperation op : ops) {
        if (!"/description".equals(op.path()) || !List.of("replace", "add", "remove").contains(op.op())) {
          throw ApiException.badRequest("Invalid patch path  '" + op.path() + "' specified for op '" + op.op()
              + "'. Must be one of: [/description]");
        }
        description = "remove".equals(op.op()) ? null : op.value();
      }
      DocumentationVersion updated = version.withDescription(description);
      docs.put(Kind.DOCUMENTATION_VERSION, call.label("restapi_id"), version.version(), updated);
      return updated;
    });
  }

  /** A version a stage is associated with stays: the stage publishes it. */
  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      DocumentationVersion version = version(docs, call);
      for (Stage stage : docs.list(Kind.STAGE, apiId)) {
        if (version.version().equals(stage.documentationVersion())) {
          throw ApiException.badRequest("Cannot delete documentation version because there are API Stages associated with it. "
              + "Stage: " + stage.stageName());
        }
      }
      docs.delete(Kind.DOCUMENTATION_VERSION, apiId, version.version());
      docs.delete(Kind.DOCUMENTATION_SNAPSHOT, apiId, version.version());
      return null;
    });
  }

  /** For CreateStage and UpdateStage: a stage may name only a documentation version of its API. */
  static void requireVersion(Documents docs, String apiId, String version) {
    if (version != null && docs.get(Kind.DOCUMENTATION_VERSION, apiId, version).isEmpty()) {
      throw ApiException.badRequest("Invalid documentation version specified: " + version);
    }
  }

  private static DocumentationVersion version(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.DOCUMENTATION_VERSION, apiId, call.label("doc_version"))
        .orElseThrow(() -> ApiException.notFound("Invalid Documentation version identifier specified"));
  }
}
