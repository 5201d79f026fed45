package dev.archway.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.DefinitionOutput;
import dev.archway.control.openapi.rest.ExportOptions;
import dev.archway.control.openapi.rest.RestDefinitionWriter;
import dev.archway.control.wire.ApiException;
import dev.archway.model.DeployedApi;
import dev.archway.model.DocumentationSnapshot;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GetExport ({@code GET /restapis/{id}/stages/{stage}/exports/{oas30|swagger}}): what the stage serves
 * (its deployment, never the draft) as an OpenAPI document, JSON or YAML as {@code Accept} asks,
 * with the extensions the {@code extensions} parameter names.
 */
final class RestApiExports {
  /** The label the route fills with the request's Accept header ("" when absent). */
  static final String ACCEPT = "accept";
  private static final Logger log = LoggerFactory.getLogger(RestApiExports.class);

  private final Store store;
  private final Function<String, String> endpoints;

  /** @param endpoints an API id to its invoke URL without a stage */
  RestApiExports(Store store, Function<String, String> endpoints) {
    this.store = store;
    this.endpoints = endpoints;
  }

  Object export(Call call) {
    String exportType = call.label("export_type");
    ExportOptions options = ExportOptions.of(exportType, call.query("extensions"));
    boolean yaml = yaml(call.label(ACCEPT));
    if (options.postman()) {
      log.warn("GetExport extensions=postman: Archway writes no Postman-specific members; the export is plain {}", exportType);
    }
    String apiId = call.label("restapi_id");
    String stageName = call.label("stage_name");
    record Export(RestApi api, ObjectNode document) {}
    Export export = store.read(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), apiId);
      Stage stage = docs.get(Kind.STAGE, apiId, stageName)
          .orElseThrow(() -> ApiException.notFound("Invalid Stage identifier specified"));
      DeployedApi deployed = docs.get(Kind.DEPLOYED_API, apiId, stage.deploymentId())
          .orElseThrow(() -> ApiException.notFound("Invalid Deployment identifier specified"));
      DocumentationSnapshot documentation = stage.documentationVersion() == null ? null
          : docs.get(Kind.DOCUMENTATION_SNAPSHOT, apiId, stage.documentationVersion()).orElse(null);
      return new Export(api, RestDefinitionWriter.write(deployed, stageName, endpoints.apply(apiId), options, documentation));
    });
    String file = export.api().name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + stageName + "-" + exportType
        + (yaml ? ".yaml" : ".json");
    Map<String, String> headers = Map.of("Content-Disposition", "attachment; filename=\"" + file + "\"");
    return yaml ? new RawBody("application/yaml", DefinitionOutput.yaml(export.document()), headers)
        : new RawBody("application/json", DefinitionOutput.json(export.document()), headers);
  }

  /** JSON unless the Accept header names YAML; a header that accepts neither is refused. */
  private static boolean yaml(String accept) {
    String value = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
    if (value.contains("application/json")) {
      return false;
    }
    if (value.contains("application/yaml") || value.contains("application/x-yaml")) {
      return true;
    }
    if (value.isBlank() || value.contains("*/*") || value.contains("application/*")) {
      return false;
    }
    throw ApiException.badRequest("Invalid Accept type: " + accept + " (expected: application/json or application/yaml)");
  }
}
