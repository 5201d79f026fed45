package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.Caller;
import dev.archway.control.Unserved;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.ApiMapping;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.Set;

/**
 * CreateApiMapping, GetApiMapping, GetApiMappings, UpdateApiMapping, DeleteApiMapping. A mapping
 * names a stage of a v2 API or of a REST API, as on AWS; stored and returned, not served yet.
 */
final class ApiMappingsHandler {
  private static final Set<String> UPDATABLE = Set.of("apiId", "apiMappingKey", "stage");

  private final Store store;

  ApiMappingsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String apiId, String apiMappingKey, String stage) {}

  /** Mappings live in the scope of their domain name, which lives in the caller's account and region. */
  static String scope(Caller caller, String domainName) {
    return caller.scope() + "/" + domainName;
  }

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    ApiMapping created = store.write(docs -> {
      String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
      ApiMapping mapping = check(docs, call.caller(), domain,
          new ApiMapping(req.apiId(), V2Ids.childId(), req.apiMappingKey() == null ? "" : req.apiMappingKey(), req.stage()));
      docs.put(V2Kinds.API_MAPPING, scope(call.caller(), domain), mapping.apiMappingId(), mapping);
      return mapping;
    });
    ignored(call).warn();
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> mapping(docs, call));
  }

  Object list(Call call) {
    return Page.of(store.read(docs -> {
      String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
      return docs.list(V2Kinds.API_MAPPING, scope(call.caller(), domain));
    }), call);
  }

  Object update(Call call) {
    ApiMapping written = store.write(docs -> {
      ApiMapping mapping = mapping(docs, call);
      String domain = call.label("domainName");
      ApiMapping updated = check(docs, call.caller(), domain, Updates.merge(mapping, call, UPDATABLE, ApiMapping.class));
      docs.put(V2Kinds.API_MAPPING, scope(call.caller(), domain), updated.apiMappingId(), updated);
      return updated;
    });
    ignored(call).warn();
    return written;
  }

  private static Unserved.Ignored ignored(Call call) {
    return new Unserved.Ignored("API mapping of domain name " + call.label("domainName")).customDomain();
  }

  Object delete(Call call) {
    return store.write(docs -> {
      ApiMapping mapping = mapping(docs, call);
      docs.delete(V2Kinds.API_MAPPING, scope(call.caller(), call.label("domainName")), mapping.apiMappingId());
      return null;
    });
  }

  private static ApiMapping mapping(Documents docs, Call call) {
    String domain = DomainNamesHandler.domain(docs, call.caller(), call.label("domainName")).domainName();
    return docs.get(V2Kinds.API_MAPPING, scope(call.caller(), domain), call.label("apiMappingId"))
        .orElseThrow(() -> ApiException.notFound("The api mapping resource specified in the request was not found."));
  }

  private static ApiMapping check(Documents docs, Caller caller, String domain, ApiMapping mapping) {
    String apiId = Checks.required("apiId", mapping.apiId());
    String stage = Checks.required("stage", mapping.stage());
    String key = mapping.apiMappingKey();
    if (key.startsWith("/") || key.contains("//") || key.endsWith("/") || key.length() > 128) {
      throw ApiException.badRequest("Invalid apiMappingKey: " + Checks.abbreviate(key)
          + " (expected: up to 128 characters, no leading, trailing or consecutive '/')");
    }
    boolean v2 = docs.get(V2Kinds.API, caller.scope(), apiId).isPresent();
    boolean v1 = !v2 && docs.get(Kind.REST_API, caller.scope(), apiId).isPresent();
    if (!v1 && !v2) {
      throw ApiException.notFound("Invalid API identifier specified " + caller.accountId() + ":" + apiId);
    }
    boolean stageExists = v2 ? docs.get(V2Kinds.STAGE, apiId, stage).isPresent() : docs.get(Kind.STAGE, apiId, stage).isPresent();
    if (!stageExists) {
      throw ApiException.notFound("Invalid stage identifier specified");
    }
    for (ApiMapping other : docs.list(V2Kinds.API_MAPPING, scope(caller, domain))) {
      if (!other.apiMappingId().equals(mapping.apiMappingId()) && other.apiMappingKey().equals(key)) {
        throw ApiException.conflict("An API mapping with the key '" + key + "' already exists for " + domain);
      }
    }
    return mapping;
  }
}
