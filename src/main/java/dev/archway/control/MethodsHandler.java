package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Patchable;
import dev.archway.model.Method;
import dev.archway.model.MethodResponse;
import dev.archway.model.Resource;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** PutMethod, GetMethod, UpdateMethod, DeleteMethod and the same four for method responses. */
final class MethodsHandler {
  static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");
  private static final Set<String> AUTHORIZATION_TYPES = Set.of("NONE", "AWS_IAM", "CUSTOM", "COGNITO_USER_POOLS");

  private final Store store;

  MethodsHandler(Store store) {
    this.store = store;
  }

  record PutRequest(
      String authorizationType, String authorizerId, Boolean apiKeyRequired, String operationName,
      Map<String, Boolean> requestParameters, Map<String, String> requestModels, String requestValidatorId,
      List<String> authorizationScopes) {}

  record PutResponseRequest(Map<String, Boolean> responseParameters, Map<String, String> responseModels) {}

  Object put(Call call) {
    String httpMethod = httpMethod(call);
    PutRequest req = call.bodyAs(PutRequest.class);
    Method method = validate(new Method(httpMethod, upper(req.authorizationType()), req.authorizerId(),
        Boolean.TRUE.equals(req.apiKeyRequired()), req.requestValidatorId(), req.operationName(),
        req.requestParameters(), req.requestModels(), null, null, req.authorizationScopes()));
    return editResource(call, (resource, existing) -> {
      if (existing != null) {
        throw ApiException.conflict("Method already exists for this resource");
      }
      return method;
    });
  }

  Object get(Call call) {
    Resource resource = store.read(docs -> Drafts.resource(docs, call.caller(), call.label("restapi_id"), call.label("resource_id")));
    return Drafts.method(resource, httpMethod(call));
  }

  Object update(Call call) {
    return editResource(call, (resource, existing) -> {
      Method current = Drafts.method(resource, httpMethod(call));
      Method patched = Drafts.patch(current, call, Patchable.METHOD, Method.class);
      return validate(patched.withAuthorizationType(upper(patched.authorizationType())).withChildrenOf(current));
    });
  }

  Object delete(Call call) {
    editResource(call, (resource, existing) -> {
      Drafts.method(resource, httpMethod(call));
      return null;
    });
    return null;
  }

  Object putResponse(Call call) {
    String status = statusCode(call);
    PutResponseRequest req = call.bodyAs(PutResponseRequest.class);
    MethodResponse response = new MethodResponse(status, req.responseParameters(), req.responseModels());
    editResource(call, (resource, existing) -> Drafts.method(resource, httpMethod(call)).withResponse(status, response));
    return response;
  }

  Object getResponse(Call call) {
    Resource resource = store.read(docs -> Drafts.resource(docs, call.caller(), call.label("restapi_id"), call.label("resource_id")));
    return response(Drafts.method(resource, httpMethod(call)), statusCode(call));
  }

  Object updateResponse(Call call) {
    String status = statusCode(call);
    MethodResponse[] result = new MethodResponse[1];
    editResource(call, (resource, existing) -> {
      Method method = Drafts.method(resource, httpMethod(call));
      MethodResponse patched = Drafts.patch(response(method, status), call, Patchable.METHOD_RESPONSE, MethodResponse.class);
      result[0] = new MethodResponse(status, patched.responseParameters(), patched.responseModels());
      return method.withResponse(status, result[0]);
    });
    return result[0];
  }

  Object deleteResponse(Call call) {
    String status = statusCode(call);
    editResource(call, (resource, existing) -> {
      Method method = Drafts.method(resource, httpMethod(call));
      response(method, status);
      return method.withResponse(status, null);
    });
    return null;
  }

  /**
   * Reads the resource, lets {@code edit} compute the method's new value (null deletes it) from
   * the resource and the current method (null if absent), writes the resource, returns the method.
   */
  private Method editResource(Call call, BiFunction<Resource, Method, Method> edit) {
    String apiId = call.label("restapi_id");
    String httpMethod = httpMethod(call);
    return store.write(docs -> {
      Resource resource = Drafts.resource(docs, call.caller(), apiId, call.label("resource_id"));
      Method updated = edit.apply(resource, resource.method(httpMethod));
      if (updated != null) {
        AuthorizersHandler.requireAuthorizer(docs, apiId, updated);
      }
      MethodReferences.check(docs, apiId, updated);
      docs.put(Kind.RESOURCE, apiId, resource.id(), resource.withMethod(httpMethod, updated));
      return updated;
    });
  }

  static String httpMethod(Call call) {
    String method = call.label("http_method");
    if (!HTTP_METHODS.contains(method)) {
      throw ApiException.badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY");
    }
    return method;
  }

  /** The model has checked it against its pattern, [1-5]\d\d. */
  static String statusCode(Call call) {
    return call.label("status_code");
  }

  /** AWS accepts authorizationType in any letter case ("none"); Archway stores and answers it in capitals. */
  private static String upper(String authorizationType) {
    return authorizationType == null ? null : authorizationType.toUpperCase(Locale.ROOT);
  }

  private static MethodResponse response(Method method, String status) {
    MethodResponse response = method.methodResponses() == null ? null : method.methodResponses().get(status);
    if (response == null) {
      throw ApiException.notFound("Invalid Response status code specified");
    }
    return response;
  }

  private static Method validate(Method method) {
    if (method.authorizationType() == null || !AUTHORIZATION_TYPES.contains(method.authorizationType())) {
      throw ApiException.badRequest("Invalid authorization type specified: " + method.authorizationType()
          + " (expected: NONE, AWS_IAM, CUSTOM or COGNITO_USER_POOLS)");
    }
    if (method.requestParameters() != null) {
      for (String name : method.requestParameters().keySet()) {
        if (!name.matches("method\\.request\\.(path|querystring|multivaluequerystring|header|multivalueheader)\\.[^.]+.*")) {
          throw ApiException.badRequest("Invalid mapping expression specified: " + name);
        }
      }
    }
    return method;
  }
}
