package dev.archway.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.PatchOperation;
import dev.archway.control.wire.PatchOperations;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.Json;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import java.util.List;

/** Look-ups of draft resources with AWS's NotFound messages, and PATCH application, shared by the handlers. */
final class Drafts {
  private Drafts() {}

  static RestApi api(Documents docs, Caller caller, String apiId) {
    return docs.get(Kind.REST_API, caller.scope(), apiId)
        .orElseThrow(() -> ApiException.notFound("Invalid API identifier specified " + caller.accountId() + ":" + apiId));
  }

  static Resource resource(Documents docs, Caller caller, String apiId, String resourceId) {
    api(docs, caller, apiId);
    return docs.get(Kind.RESOURCE, apiId, resourceId)
        .orElseThrow(() -> ApiException.notFound("Invalid Resource identifier specified"));
  }

  static Method method(Resource resource, String httpMethod) {
    Method method = resource.method(httpMethod);
    if (method == null) {
      throw ApiException.notFound("Invalid Method identifier specified");
    }
    return method;
  }

  /** Applies the call's patch operations to a record through its JSON form, then reads it back. */
  static <T> T patch(T value, Call call, PatchRules rules, Class<T> type) {
    return patch(value, PatchOperation.listFrom(call.body()), rules, type);
  }

  static <T> T patch(T value, List<PatchOperation> ops, PatchRules rules, Class<T> type) {
    ObjectNode patched = PatchOperations.apply(Json.MAPPER.valueToTree(value), ops, rules);
    try {
      return Json.MAPPER.treeToValue(patched, type);
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid patch value: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static long now() {
    return System.currentTimeMillis() / 1000;
  }
}
