package dev.archway.control;

import dev.archway.control.v2.DomainNames;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.v2.ApiMapping;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.Comparator;
import java.util.List;

/**
 * CreateBasePathMapping, GetBasePathMapping, GetBasePathMappings, UpdateBasePathMapping,
 * DeleteBasePathMapping: apigateway (v1)'s view of a domain name's API mappings, named by base path
 * ({@code (none)} for the empty key). A mapping without a stage lets the path name it, as on AWS.
 */
final class BasePathMappingsHandler {
  /** AWS's name of the empty base path. */
  static final String NONE = "(none)";
  private static final PatchRules RULES = PatchRules.builder()
      .requiredString("basePath").requiredString("restapiId").string("stage").build();

  private final Store store;

  BasePathMappingsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String basePath, String restApiId, String stage) {}

  /** The wire shape; {@code restapiId} is how AWS's patch paths spell the member. */
  record BasePathMapping(String basePath, String restApiId, String stage) {}

  private record Patched(String basePath, String restapiId, String stage) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return view(store.write(docs -> {
      String domain = DomainNamesHandler.domain(docs, call).domainName();
      ApiMapping mapping = checked(docs, call, domain,
          new ApiMapping(req.restApiId(), Ids.shortId(), key(req.basePath()), none(req.stage())));
      DomainNames.putMapping(docs, call.caller(), domain, mapping);
      return mapping;
    }));
  }

  Object get(Call call) {
    return view(store.read(docs -> mapping(docs, call)));
  }

  Object list(Call call) {
    List<BasePathMapping> all = store.read(docs -> DomainNames.mappings(docs, call.caller(),
            DomainNamesHandler.domain(docs, call).domainName())).stream()
        .sorted(Comparator.comparing(ApiMapping::apiMappingKey)).map(BasePathMappingsHandler::view).toList();
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  /** {@code replace} on {@code /basePath}, {@code /restapiId} and {@code /stage}. */
  Object update(Call call) {
    return view(store.write(docs -> {
      ApiMapping mapping = mapping(docs, call);
      BasePathMapping current = view(mapping);
      Patched patched = Drafts.patch(new Patched(current.basePath(), current.restApiId(), current.stage()), call,
          RULES, Patched.class);
      ApiMapping updated = checked(docs, call, call.label("domain_name"), new ApiMapping(patched.restapiId(),
          mapping.apiMappingId(), key(patched.basePath()), none(patched.stage())));
      DomainNames.putMapping(docs, call.caller(), call.label("domain_name"), updated);
      return updated;
    }));
  }

  Object delete(Call call) {
    return store.write(docs -> {
      DomainNames.deleteMapping(docs, call.caller(), call.label("domain_name"), mapping(docs, call));
      return null;
    });
  }

  private static ApiMapping mapping(Documents docs, Call call) {
    String domain = DomainNamesHandler.domain(docs, call).domainName();
    String key = key(call.label("base_path"));
    return DomainNames.mappings(docs, call.caller(), domain).stream().filter(m -> m.apiMappingKey().equals(key))
        .findFirst().orElseThrow(() -> ApiException.notFound("Invalid base path mapping identifier specified"));
  }

  /** A REST API of the caller's, and a stage of it when one is named; the base path unique on the domain. */
  private static ApiMapping checked(Documents docs, Call call, String domain, ApiMapping mapping) {
    String apiId = mapping.apiId();
    if (apiId == null || docs.get(Kind.REST_API, call.caller().scope(), apiId).isEmpty()) {
      throw ApiException.badRequest("Invalid REST API identifier specified");
    }
    if (mapping.stage() != null && docs.get(Kind.STAGE, apiId, mapping.stage()).isEmpty()) {
      throw ApiException.badRequest("Invalid stage identifier specified");
    }
    DomainNames.checkKey(docs, call.caller(), domain, mapping, "Base path already exists for this domain name");
    return mapping;
  }

  private static String key(String basePath) {
    return basePath == null || basePath.equals(NONE) ? "" : basePath;
  }

  private static String none(String stage) {
    return stage == null || stage.isEmpty() || stage.equals(NONE) ? null : stage;
  }

  private static BasePathMapping view(ApiMapping mapping) {
    return new BasePathMapping(mapping.apiMappingKey().isEmpty() ? NONE : mapping.apiMappingKey(), mapping.apiId(),
        mapping.stage());
  }
}
