package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.Authorizer;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateAuthorizer, GetAuthorizer, GetAuthorizers, UpdateAuthorizer, DeleteAuthorizer (REST APIs). */
final class AuthorizersHandler {
  /** AWS's quota: 10 authorizers per REST API. */
  static final int MAX_PER_API = 10;
  private static final PatchRules RULES = PatchRules.builder()
      .requiredString("name").requiredString("type").string("authType").string("authorizerUri")
      .string("authorizerCredentials").string("identitySource").string("identityValidationExpression")
      .integer("authorizerResultTtlInSeconds").stringList("providerARNs")
      .build();

  private final Store store;

  AuthorizersHandler(Store store) {
    this.store = store;
  }

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    Authorizer request = call.bodyAs(Authorizer.class);
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      if (docs.list(Kind.AUTHORIZER, apiId).size() >= MAX_PER_API) {
        throw new ApiException(429, "LimitExceededException",
            "The maximum number of authorizers for this API has been reached: " + MAX_PER_API);
      }
      String id = Ids.shortId();
      while (docs.get(Kind.AUTHORIZER, apiId, id).isPresent()) {
        id = Ids.shortId();
      }
      Authorizer authorizer = AuthorizerRules.validate(request.withId(id));
      docs.put(Kind.AUTHORIZER, apiId, id, authorizer);
      return authorizer;
    });
  }

  Object get(Call call) {
    return store.read(docs -> authorizer(docs, call));
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    List<Authorizer> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.AUTHORIZER, apiId);
    });
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    return store.write(docs -> {
      Authorizer current = authorizer(docs, call);
      Authorizer updated = AuthorizerRules.validate(Drafts.patch(current, call, RULES, Authorizer.class).withId(current.id()));
      docs.put(Kind.AUTHORIZER, call.label("restapi_id"), current.id(), updated);
      return updated;
    });
  }

  /** AWS refuses to delete an authorizer that a method of the draft still uses. */
  Object delete(Call call) {
    String apiId = call.label("restapi_id");
    return store.write(docs -> {
      Authorizer authorizer = authorizer(docs, call);
      for (Resource resource : docs.list(Kind.RESOURCE, apiId)) {
        for (Map.Entry<String, Method> method : resource.resourceMethods() == null
            ? Map.<String, Method>of().entrySet() : resource.resourceMethods().entrySet()) {
          if (authorizer.id().equals(method.getValue().authorizerId())) {
            throw ApiException.conflict("Cannot delete authorizer '" + authorizer.name() + "', is referenced in method: "
                + method.getKey() + " " + resource.path());
          }
        }
      }
      docs.delete(Kind.AUTHORIZER, apiId, authorizer.id());
      return null;
    });
  }

  /** For PutMethod and UpdateMethod: CUSTOM and COGNITO_USER_POOLS need an authorizer of this API. */
  static void requireAuthorizer(Documents docs, String apiId, Method method) {
    String type = method.authorizationType();
    if (!"CUSTOM".equals(type) && !"COGNITO_USER_POOLS".equals(type)) {
      return;
    }
    Set<String> wanted = "CUSTOM".equals(type) ? Set.of("TOKEN", "REQUEST") : Set.of("COGNITO_USER_POOLS");
    boolean valid = method.authorizerId() != null && docs.get(Kind.AUTHORIZER, apiId, method.authorizerId())
        .filter(a -> wanted.contains(a.type())).isPresent();
    if (!valid) {
      throw ApiException.badRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM "
          + "or COGNITO_USER_POOLS requires a valid authorizer.");
    }
  }

  private static Authorizer authorizer(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.AUTHORIZER, apiId, call.label("authorizer_id"))
        .orElseThrow(() -> ApiException.notFound("Invalid Authorizer identifier specified"));
  }
}
