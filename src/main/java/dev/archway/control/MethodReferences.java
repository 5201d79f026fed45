package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import dev.archway.model.Model;
import dev.archway.model.RequestValidator;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import java.util.Map;

/** PutMethod/UpdateMethod/PutMethodResponse refuse a validator or model the API does not have, with AWS's 400s. */
final class MethodReferences {
  private MethodReferences() {}

  static void check(Documents docs, String apiId, Method method) {
    if (method == null) {
      return;
    }
    String validatorId = method.requestValidatorId();
    if (validatorId != null && !validatorId.isEmpty()
        && docs.get(Kind.REQUEST_VALIDATOR, apiId, validatorId).map(RequestValidator::id).isEmpty()) {
      throw ApiException.badRequest("Invalid Request Validator identifier specified");
    }
    models(docs, apiId, method.requestModels());
    if (method.methodResponses() != null) {
      for (MethodResponse response : method.methodResponses().values()) {
        models(docs, apiId, response.responseModels());
      }
    }
  }

  private static void models(Documents docs, String apiId, Map<String, String> byContentType) {
    if (byContentType == null) {
      return;
    }
    for (String name : byContentType.values()) {
      if (name == null || docs.get(Kind.MODEL, apiId, name).map(Model::name).isEmpty()) {
        throw ApiException.badRequest("Invalid model identifier specified: " + name);
      }
    }
  }
}
