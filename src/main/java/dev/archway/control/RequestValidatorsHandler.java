package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.Paging;
import dev.archway.control.wire.PatchRules;
import dev.archway.model.RequestValidator;
import dev.archway.store.Documents;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;

/** CreateRequestValidator, GetRequestValidator, GetRequestValidators, UpdateRequestValidator, DeleteRequestValidator. */
final class RequestValidatorsHandler {
  private static final PatchRules PATCHABLE = PatchRules.builder()
      .string("name").bool("validateRequestBody").bool("validateRequestParameters")
      .build();

  private final Store store;

  RequestValidatorsHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String name, Boolean validateRequestBody, Boolean validateRequestParameters) {}

  Object create(Call call) {
    String apiId = call.label("restapi_id");
    CreateRequest req = call.bodyAs(CreateRequest.class);
    checkName(req.name());
    RequestValidator validator = new RequestValidator(Ids.shortId(), req.name(),
        Boolean.TRUE.equals(req.validateRequestBody()), Boolean.TRUE.equals(req.validateRequestParameters()));
    return store.write(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      docs.put(Kind.REQUEST_VALIDATOR, apiId, validator.id(), validator);
      return validator;
    });
  }

  Object get(Call call) {
    return store.read(docs -> validator(docs, call));
  }

  Object list(Call call) {
    String apiId = call.label("restapi_id");
    List<RequestValidator> all = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.list(Kind.REQUEST_VALIDATOR, apiId);
    });
    return Paging.of(all, call.query("position"), call.query("limit"));
  }

  Object update(Call call) {
    return store.write(docs -> {
      RequestValidator current = validator(docs, call);
      RequestValidator patched = Drafts.patch(current, call, PATCHABLE, RequestValidator.class);
      checkName(patched.name());
      RequestValidator updated = new RequestValidator(current.id(), patched.name(), patched.body(), patched.parameters());
      docs.put(Kind.REQUEST_VALIDATOR, call.label("restapi_id"), current.id(), updated);
      return updated;
    });
  }

  /** A method still naming a deleted validator is served without validation (as LocalStack observed). */
  Object delete(Call call) {
    return store.write(docs -> {
      RequestValidator current = validator(docs, call);
      docs.delete(Kind.REQUEST_VALIDATOR, call.label("restapi_id"), current.id());
      return null;
    });
  }

  /** A name that is given (or patched) must not be blank; CreateRequestValidator may leave it out. */
  private static void checkName(String name) {
    if (name != null && name.isBlank()) {
      throw ApiException.badRequest("Request Validator name cannot be blank");
    }
  }

  static RequestValidator validator(Documents docs, Call call) {
    String apiId = call.label("restapi_id");
    Drafts.api(docs, call.caller(), apiId);
    return docs.get(Kind.REQUEST_VALIDATOR, apiId, call.label("requestvalidator_id"))
        .orElseThrow(() -> ApiException.notFound("Invalid Request Validator identifier specified"));
  }
}
