package dev.archway.control.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.Call;
import dev.archway.control.RawBody;
import dev.archway.control.openapi.DefinitionOutput;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Stage;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;

/**
 * ExportApi ({@code GET /v2/apis/{apiId}/exports/OAS30}): the API as an OpenAPI 3.0 definition, JSON
 * or YAML. With {@code stageName}, what that stage serves (its deployment's frozen API); without, the
 * draft. Extensions are included unless {@code includeExtensions=false}.
 */
final class ApiExports {
  private static final List<String> OUTPUT_TYPES = List.of("JSON", "YAML");

  private final Store store;
  private final ApiEndpoints endpoints;

  ApiExports(Store store, ApiEndpoints endpoints) {
    this.store = store;
    this.endpoints = endpoints;
  }

  Object export(Call call) {
    String specification = call.label("specification");
    if (!"OAS30".equals(specification)) {
      throw ApiException.badRequest("Invalid specification: " + Checks.abbreviate(specification) + " (expected: OAS30)");
    }
    String outputType = Checks.required("outputType", call.query("outputType"));
    Checks.oneOf("outputType", outputType, OUTPUT_TYPES);
    Checks.oneOf("exportVersion", call.query("exportVersion"), List.of("1.0"));
    boolean extensions = !"false".equalsIgnoreCase(call.query("includeExtensions"));
    String stageName = call.query("stageName");
    ObjectNode document = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      if (!api.isHttp()) {
        throw ApiException.badRequest("ExportApi is supported only for HTTP APIs");
      }
      if (stageName == null) {
        return HttpApiOpenApiWriter.write(api, docs.list(V2Kinds.ROUTE, api.apiId()), docs.list(V2Kinds.INTEGRATION, api.apiId()),
            docs.list(V2Kinds.AUTHORIZER, api.apiId()), endpoints.of(api), null, extensions);
      }
      Stage stage = V2Drafts.stage(docs, api.apiId(), stageName);
      DeployedHttpApi deployed = stage.deploymentId() == null ? null
          : docs.get(V2Kinds.DEPLOYED_API, api.apiId(), stage.deploymentId()).orElse(null);
      if (deployed == null) {
        throw ApiException.badRequest("Stage " + stageName + " has no deployment to export");
      }
      return HttpApiOpenApiWriter.write(deployed.api(), deployed.routes(), deployed.integrations(), deployed.authorizers(),
          endpoints.of(api), stageName, extensions);
    });
    return outputType.equals("JSON") ? new RawBody("application/json", DefinitionOutput.json(document))
        : new RawBody("application/yaml", DefinitionOutput.yaml(document));
  }
}
