package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.Patchable;
import dev.archway.control.wire.ServiceModel;
import dev.archway.model.Json;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.RestApi.EndpointConfiguration;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CreateRestApi, GetRestApi, GetRestApis, UpdateRestApi, DeleteRestApi. */
final class RestApisHandler {
  /** The tag that picks the API id, as LocalStack users know it. */
  static final String CUSTOM_ID_TAG = "_custom_id_";
  private static final List<String> ENDPOINT_TYPES = ServiceModel.apigateway().values("EndpointType");
  private static final List<String> IP_ADDRESS_TYPES = ServiceModel.apigateway().values("IpAddressType");
  static final String COMPRESSION = "Invalid minimum compression size, must be between 0 and 10485760";

  private final Store store;

  RestApisHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(
      String name, String description, String version, String cloneFrom, List<String> binaryMediaTypes,
      Integer minimumCompressionSize, String apiKeySource, EndpointConfiguration endpointConfiguration,
      String policy, Map<String, String> tags, Boolean disableExecuteApiEndpoint) {}

  /** The model has checked the enums already (apiKeySource, endpointConfiguration); what is left are AWS's own rules. */
  Object create(Call call) {
    JsonNode size = call.body() == null ? null : call.body().get("minimumCompressionSize");
    if (size != null && !size.isNull() && !size.isIntegralNumber()) {
      throw ApiException.badRequest(COMPRESSION);
    }
    CreateRequest req = call.bodyAs(CreateRequest.class);
    if (req.name() == null || req.name().isBlank()) {
      throw ApiException.badRequest("Invalid REST API name specified");
    }
    if ("".equals(req.description())) {
      throw ApiException.badRequest("Description cannot be an empty string");
    }
    Unserved.cloneFrom(req.cloneFrom());
    String id = customId(req.tags());
    RestApi api = validate(new RestApi(id, req.name(), req.description(), Drafts.now(), req.version(), null,
        req.binaryMediaTypes(), req.minimumCompressionSize(),
        req.apiKeySource() == null ? "HEADER" : req.apiKeySource(), endpoint(req.endpointConfiguration()), req.policy(),
        req.tags() == null || req.tags().isEmpty() ? null : req.tags(),
        Boolean.TRUE.equals(req.disableExecuteApiEndpoint()), Ids.shortId()));
    RestApi created = store.write(docs -> {
      // v2 APIs share the id namespace: an invoke URL must name one API.
      if (docs.scopeOf(Kind.REST_API, id).isPresent() || docs.scopeOf(V2Kinds.API, id).isPresent()) {
        throw ApiException.conflict("A REST API with the id " + id + " already exists");
      }
      docs.put(Kind.RESOURCE, id, api.rootResourceId(), new Resource(api.rootResourceId(), null, null, "/", null));
      docs.put(Kind.REST_API, call.caller().scope(), id, api);
      ModelsHandler.builtIns().forEach(model -> docs.put(Kind.MODEL, id, model.name(), model));
      return api;
    });
    new Unserved.Ignored("REST API " + id).compression(req.minimumCompressionSize())
        .executeApiEndpoint(req.disableExecuteApiEndpoint()).warn();
    return created;
  }

  /** One endpoint type (EDGE when none is given); ipAddressType defaults to ipv4, dualstack for PRIVATE. */
  private static EndpointConfiguration endpoint(EndpointConfiguration given) {
    List<String> types = given == null || given.types() == null ? List.of("EDGE") : given.types();
    if (types.isEmpty()) {
      throw ApiException.badRequest("REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.");
    }
    if (types.size() > 1) {
      throw ApiException.badRequest("Cannot create an api with multiple Endpoint Types.");
    }
    String ipAddressType = given == null || given.ipAddressType() == null
        ? ("PRIVATE".equals(types.get(0)) ? "dualstack" : "ipv4")
        : given.ipAddressType();
    return new EndpointConfiguration(types, ipAddressType, given == null ? null : given.vpcEndpointIds());
  }

  Object get(Call call) {
    return store.read(docs -> Drafts.api(docs, call.caller(), call.label("restapi_id")));
  }

  Object list(Call call) {
    List<RestApi> all = store.read(docs -> docs.list(Kind.REST_API, call.caller().scope()));
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  /** AWS answers an update with {@code tags: {}} when the API has none (unlike CreateRestApi and GetRestApi). */
  Object update(Call call) {
    RestApi updated = store.write(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), call.label("restapi_id"));
      List<PatchOperation> ops = PatchOperation.listFrom(call.body());
      ops.stream().filter(op -> "/minimumCompressionSize".equals(op.path())).forEach(RestApisHandler::checkCompressionOp);
      RestApi patched = patchedEndpoint(api, Drafts.patch(api, ops, Patchable.REST_API, RestApi.class));
      // AWS re-checks the whole API as a CreateRestApi input (apiKeySource names 'createRestApiInput').
      ServiceModel.apigateway().operation("CreateRestApi").verify(Map.of(), Map.of(), Json.MAPPER.valueToTree(patched));
      validate(patched);
      docs.put(Kind.REST_API, call.caller().scope(), api.id(), patched);
      return patched.tags() == null ? patched.withTags(Map.of()) : patched;
    });
    new Unserved.Ignored("REST API " + updated.id()).restApiPatch(PatchOperation.listFrom(call.body())).warn();
    return updated;
  }

  Object delete(Call call) {
    return store.write(docs -> {
      RestApi api = Drafts.api(docs, call.caller(), call.label("restapi_id"));
      docs.deleteScope(api.id());
      docs.delete(Kind.REST_API, call.caller().scope(), api.id());
      return null;
    });
  }

  /** AWS's checks of a patched endpoint configuration; an API made PRIVATE becomes dualstack unless told otherwise. */
  private static RestApi patchedEndpoint(RestApi before, RestApi patched) {
    EndpointConfiguration endpoint = patched.endpointConfiguration();
    if (endpoint == null && before.endpointConfiguration() == null) {
      return patched; // stored without one, and the patch did not add one
    }
    if (endpoint == null || endpoint.types() == null || endpoint.types().isEmpty()) {
      throw ApiException.badRequest("REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.");
    }
    if (endpoint.types().stream().anyMatch(type -> !ENDPOINT_TYPES.contains(type))) {
      throw ApiException.badRequest("Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE");
    }
    if (endpoint.ipAddressType() != null && !IP_ADDRESS_TYPES.contains(endpoint.ipAddressType())) {
      throw ApiException.badRequest("ipAddressType must be either ipv4 or dualstack.");
    }
    EndpointConfiguration old = before.endpointConfiguration();
    boolean becamePrivate = endpoint.types().contains("PRIVATE") && (old == null || !old.types().contains("PRIVATE"));
    if (becamePrivate && (old == null || Objects.equals(endpoint.ipAddressType(), old.ipAddressType()))) {
      return patched.withEndpointConfiguration(new EndpointConfiguration(endpoint.types(), "dualstack", endpoint.vpcEndpointIds()));
    }
    return patched;
  }

  /** minimumCompressionSize is only replaced (an empty value clears it), with a whole number. */
  private static void checkCompressionOp(PatchOperation op) {
    if (!"replace".equals(op.op())) {
      throw ApiException.badRequest("Invalid patch operation specified. Must be one of: [replace]");
    }
    if (op.value() != null && !op.value().isEmpty() && !op.value().matches("-?\\d{1,10}")) {
      throw ApiException.badRequest(COMPRESSION);
    }
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

  static RestApi validate(RestApi api) {
    if (api.name() == null || api.name().isBlank()) {
      throw ApiException.badRequest("Invalid REST API name specified");
    }
    List<String> types = api.endpointConfiguration() == null ? List.of() : api.endpointConfiguration().types();
    if (types.size() > 1) {
      throw ApiException.badRequest("Cannot create an api with multiple Endpoint Types.");
    }
    if (types.contains("PRIVATE") && "ipv4".equals(api.endpointConfiguration().ipAddressType())) {
      throw ApiException.badRequest("Only dualstack ipAddressType is supported for Private APIs.");
    }
    Integer compression = api.minimumCompressionSize();
    if (compression != null && (compression < 0 || compression > 10485760)) {
      throw ApiException.badRequest(COMPRESSION);
    }
    return api;
  }
}
