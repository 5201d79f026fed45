package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.GatewayResponse;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PutGatewayResponse, GetGatewayResponse, GetGatewayResponses, UpdateGatewayResponse,
 * DeleteGatewayResponse. Only customised types are stored; the others are answered from
 * AWS's defaults with {@code defaultResponse: true}.
 */
final class GatewayResponsesHandler {
  /** AWS: statusCode can only be replaced; the two maps take add, replace and remove. */
  private static final PatchRules PATCHABLE = PatchRules.builder()
      .requiredString("statusCode").stringMap("responseParameters").stringMap("responseTemplates")
      .build();

  private final Store store;

  GatewayResponsesHandler(Store store) {
    this.store = store;
  }

  record PutRequest(String statusCode, Map<String, String> responseParameters, Map<String, String> responseTemplates) {}

  /** Without statusCode or templates AWS stores (and echoes) the type's defaults. */
  Object put(Call call) {
    String apiId = call.label("restapi_id");
    String type = type(call);
    PutRequest req = call.bodyAs(PutRequest.class);
    GatewayResponse response = validate(new GatewayResponse(type,
        req.statusCode() == null ? GatewayResponse.defaultStatus(type) : req.statusCode(),
        req.responseParameters() == null ? Map.of() : req.responseParameters(),
        req.responseTemplates() == null ? GatewayResponse.builtIn(type).responseTemplates() : req.responseTemplates(),
        false));
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      docs.put(Kind.GATEWAY_RESPONSE, apiId, type, response);
      return response;
    });
  }

  Object get(Call call) {
    String type = type(call);
    return store.read(docs -> current(docs, call, type));
  }

  /** The whole collection, by type name as AWS lists it; AWS does not page it. */
  Object list(Call call) {
    String apiId = call.label("restapi_id");
    return store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      Map<String, GatewayResponse> custom = new LinkedHashMap<>();
      docs.list(Kind.GATEWAY_RESPONSE, apiId).forEach(r -> custom.put(r.responseType(), r));
      List<GatewayResponse> items = GatewayResponse.types().stream().sorted()
          .map(t -> custom.getOrDefault(t, GatewayResponse.builtIn(t))).toList();
      return Map.of("item", items);
    });
  }

  Object update(Call call) {
    String apiId = call.label("restapi_id");
    String type = type(call);
    return store.write(docs -> {
      GatewayResponse current = current(docs, call, type);
      GatewayResponse base = new GatewayResponse(type, current.statusCode(), current.responseParameters(),
          current.responseTemplates(), false);
      GatewayResponse patched = Drafts.patch(base, call, PATCHABLE, GatewayResponse.class);
      GatewayResponse updated = validate(new GatewayResponse(type, patched.statusCode(),
          patched.responseParameters() == null ? Map.of() : patched.responseParameters(),
          patched.responseTemplates() == null ? Map.of() : patched.responseTemplates(), false));
      docs.put(Kind.GATEWAY_RESPONSE, apiId, type, updated);
      return updated;
    });
  }

  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    String type = type(call);
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      if (docs.get(Kind.GATEWAY_RESPONSE, apiId, type).isEmpty()) {
        throw ApiException.notFound("Gateway response type not defined on api");
      }
      docs.delete(Kind.GATEWAY_RESPONSE, apiId, type);
      return null;
    });
  }

  private static GatewayResponse current(Documents docs, Call call, String type) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.GATEWAY_RESPONSE, apiId, type).orElseGet(() -> GatewayResponse.builtIn(type));
  }

  /** The model has checked it: one of the GatewayResponseType values. */
  private static String type(Call call) {
    return call.label("response_type");
  }

  private static GatewayResponse validate(GatewayResponse response) {
    if (response.statusCode() != null && !response.statusCode().matches("[1-5]\\d\\d")) {
      throw ApiException.badRequest("Invalid status code specified: " + response.statusCode() + " (expected: 100..599)");
    }
    for (Map.Entry<String, String> p : response.responseParameters().entrySet()) {
      if (!p.getKey().matches("gatewayresponse\\.header\\.[^\\s]+")) {
        throw ApiException.badRequest("Invalid mapping expression specified: " + p.getKey()
            + " (expected: gatewayresponse.header.<name>)");
      }
      String value = p.getValue();
      boolean literal = value != null && value.length() >= 2 && value.startsWith("'") && value.endsWith("'");
      if (!literal && (value == null
          || !value.matches("(method\\.request\\.(header|querystring|path)|stageVariables)\\.[^\\s]+"))) {
        throw ApiException.badRequest("Invalid mapping expression specified: " + value + " (expected: 'literal', "
            + "method.request.header|querystring|path.<name> or stageVariables.<name>)");
      }
    }
    return response;
  }
}
