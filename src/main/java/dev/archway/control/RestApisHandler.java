package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.Patchable;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.RestApi.EndpointConfiguration;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateRestApi, GetRestApi, GetRestApis, UpdateRestApi, DeleteRestApi. */
final class RestApisHandler {
  /** The tag that picks the API id, as LocalStack users know it. */
  static final String CUSTOM_ID_TAG = "_custom_id_";
  private static final Set<String> KEY_SOURCES = Set.of("HEADER", "AUTHORIZER");
  private static final Set<String> ENDPOINT_TYPES = Set.of("REGIONAL", "EDGE", "PRIVATE");

  private final Store store;

  RestApisHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(
      String name, String description, String version, String cloneFrom, List<String> binaryMediaTypes,
      Integer minimumCompressionSize, String apiKeySource, EndpointConfiguration endpointConfiguration,
      String policy, Map<String, String> tags, Boolean disableExecuteApiEndpoint) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.name() == null || req.name().isBlank()) {
      throw ApiException.badRequest("Invalid REST API name specified");
    }
    String id = customId(req.tags());
    EndpointConfiguration endpoint = req.endpointConfiguration() == null || req.endpointConfiguration().types() == null
        ? new EndpointConfiguration(List.of("EDGE"), "ipv4", null)
        : req.endpointConfiguration();
    RestApi api = validate(new RestApi(id, req.name(), req.description(), Drafts.now(), req.version(), null,
        req.binaryMediaTypes(), req.minimumCompressionSize(),
        req.apiKeySource() == null ? "HEADER" : req.apiKeySource(), endpoint, req.policy(),
        req.tags() == null ? Map.of() : req.tags(),
        Boolean.TRUE.equals(req.disableExecuteApiEndpoint()), Ids.shortId()));
    return store.write(docs -> {
      // v2 APIs share the id namespace: an invoke URL must name one API.
      if (docs.scopeOf(Kind.REST_API, id).isPresent() || docs.scopeOf(V2Kinds.API, id).isPresent()) {
        throw ApiException.conflict("A REST API with the id " + id + " already exists");
      }
      docs.put(Kind.RESOURCE, id, api.rootResourceId(), new Resource(api.rootResourceId(), null, null, "/", null));
      docs.put(Kind.REST_API, call.caller().scope(), id, api);
      ModelsHandler.builtIns().forEach(model -> docs.put(Kind.MODEL, id, model.name(), model));
      return api;
    });
  }

  Object get(Call call) {
    return store.read(docs -> Drafts.api(docs, call.caller(), call.label("restapi_id")));
  }

  Object list(Call call) {
    List<RestApi> all = store.read(docs -> docs.list(Kind.REST_API, call.caller().scope()));
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    return store.write(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), call.label("restapi_id"));
      RestApi patched = validate(Drafts.patch(api, call, Patchable.REST_API, RestApi.class));
      docs.put(Kind.REST_API, call.caller().scope(), api.id(), patched);
      return patched;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), call.label("restapi_id"));
      docs.deleteScope(api.id());
      docs.delete(Kind.REST_API, call.caller().scope(), api.id());
      return null;
    });
  }

  private static String customId(Map<String, String> tags) {
    String custom = tags == null ? null : tags.get(CUSTOM_ID_TAG);
    if (custom == null) {
      return Ids.apiId();
    }
    if (!custom.matches("[A-Za-z0-9_-]{1,64}")) {
      throw ApiException.badRequest("Invalid " + CUSTOM_ID_TAG + " tag: " + custom + " (expected: 1-64 letters, digits, - or _)");
    }
    return custom;
  }

  private static RestApi validate(RestApi api) {
    if (api.name() == null || api.name().isBlank()) {
      throw ApiException.badRequest("Invalid REST API name specified");
    }
    if (!KEY_SOURCES.contains(api.apiKeySource())) {
      throw ApiException.badRequest("Invalid API Key Source specified: " + api.apiKeySource() + " (expected: HEADER or AUTHORIZER)");
    }
    List<String> types = api.endpointConfiguration() == null ? null : api.endpointConfiguration().types();
    if (types == null || types.size() != 1 || !ENDPOINT_TYPES.contains(types.get(0))) {
      throw ApiException.badRequest("Invalid endpoint configuration types: " + types + " (expected: one of EDGE, REGIONAL, PRIVATE)");
    }
    Integer compression = api.minimumCompressionSize();
    if (compression != null && (compression < 0 || compression > 10485760)) {
      throw ApiException.badRequest("Invalid minimum compression size: " + compression + " (expected: 0..10485760)");
    }
    return api;
  }
}
