package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.Caller;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.ApiMapping;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.Set;

/**
 * CreateApiMapping, GetApiMapping, GetApiMappings, UpdateApiMapping, DeleteApiMapping. A mapping
 * names a stage of a v2 API or of a REST API, as on AWS; apigateway (v1) sees the same mappings as
 * base path mappings ({@link DomainNames}). Requests to the domain are routed by them.
 */
final class ApiMappingsHandler {
  private static final Set<String> UPDATABLE = Set.of("apiId", "apiMappingKey", "stage");

  private final Store store;

  ApiMappingsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String apiId, String apiMappingKey, String stage) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
      ApiMapping mapping = check(docs, call.caller(), domain,
          new ApiMapping(req.apiId(), V2Ids.childId(), req.apiMappingKey() == null ? "" : req.apiMappingKey(), req.stage()));
      DomainNames.putMapping(docs, call.caller(), domain, mapping);
      return mapping;
    });
  }

  Object get(Call call) {
    return store.read(docs -> mapping(docs, call));
  }

  Object list(Call call) {
    return Page.of(store.read(docs -> {
      String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
      return DomainNames.mappings(docs, call.caller(), domain);
    }), call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      ApiMapping mapping = mapping(docs, call);
      String domain = call.label("domainName");
      ApiMapping updated = check(docs, call.caller(), domain, Updates.merge(mapping, call, UPDATABLE, ApiMapping.class));
      DomainNames.putMapping(docs, call.caller(), domain, updated);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      ApiMapping mapping = mapping(docs, call);
      DomainNames.deleteMapping(docs, call.caller(), call.label("domainName"), mapping);
      return null;
    });
  }

  private static ApiMapping mapping(Documents docs, Call call) {
    String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
    return docs.get(V2Kinds.API_MAPPING, DomainNames.mappingScope(call.caller(), domain), call.label("apiMappingId"))
        .orElseThrow(() -> ApiException.notFound("The api mapping resource specified in the request was not found."));
  }

  private static ApiMapping check(Documents docs, Caller caller, String domain, ApiMapping mapping) {
    String apiId = Checks.required("apiId", mapping.apiId());
    String stage = Checks.required("stage", mapping.stage());
    DomainNames.checkKey(docs, caller, domain, mapping,
        "An API mapping with the key '" + mapping.apiMappingKey() + "' already exists for " + domain);
    boolean v2 = docs.get(V2Kinds.API, caller.scope(), apiId).isPresent();
    boolean v1 = !v2 && docs.get(Kind.REST_API, caller.scope(), apiId).isPresent();
    if (!v1 && !v2) {
      throw ApiException.notFound("Invalid API identifier specified " + caller.accountId() + ":" + apiId);
    }
    boolean stageExists = v2 ? docs.get(V2Kinds.STAGE, apiId, stage).isPresent() : docs.get(Kind.STAGE, apiId, stage).isPresent();
    if (!stageExists) {
      throw ApiException.notFound("Invalid stage identifier specified");
    }
    return mapping;
  }
}
