package dev.archway.control;

import dev.archway.control.wire.ApiException;
import dev.archway.deploy.AuthControl;
import dev.archway.deploy.AuthorizerTestInvoke;
import dev.archway.model.Authorizer;
import dev.archway.store.Kind;
import dev.archway.store.Store;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** TestInvokeAuthorizer (REST APIs). */
final class AuthorizerExtrasHandler {
  /** Longer than any authorizer may take (10 s) plus a JWKS fetch. */
  private static final long TEST_TIMEOUT_SECONDS = 15;

  private final Store store;
  private final AuthControl access;

  AuthorizerExtrasHandler(Store store, AuthControl access) {
    this.store = store;
    this.access = access;
  }

  /** The request members TestInvokeAuthorizer takes. */
  record TestInvokeRequest(Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
      String pathWithQueryString, String body, Map<String, String> stageVariables, Map<String, String> additionalContext) {}

  /** Runs on a management worker thread, so waiting for the authorizer here blocks no event loop. */
  Object testInvoke(Call call) {
    String apiId = call.label("restapi_id");
    TestInvokeRequest request = call.bodyAs(TestInvokeRequest.class);
    Authorizer authorizer = store.read(docs -> {
      Drafts.api(docs, call.caller(), apiId);
      return docs.get(Kind.AUTHORIZER, apiId, call.label("authorizer_id"))
          .orElseThrow(() -> ApiException.notFound("Invalid Authorizer identifier specified"));
    });
    try {
      return AuthorizerTestInvoke.run(access, apiId, call.caller().scope(), authorizer, new AuthorizerTestInvoke.Request(
              request.headers(), request.multiValueHeaders(), request.pathWithQueryString(), request.body(), request.stageVariables()))
          .toCompletionStage().toCompletableFuture().get(TEST_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("Invalid authorizer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(500, "InternalFailure", "interrupted while testing the authorizer");
    } catch (ExecutionException | TimeoutException e) {
      throw new ApiException(500, "InternalFailure", "the authorizer test did not complete: " + e.getMessage());
    }
  }
}
