package dev.archway.runtime;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.Principal;
import dev.archway.auth.policy.Decision;
import dev.archway.integration.BackendResponse;
import dev.archway.mapping.Overrides;

/**
 * The typed context of one request: what was asked, what the integration answered, what the
 * client gets. Named fields only; each step reads what earlier steps wrote. Used on one event loop.
 */
public final class Exchange {
  private final String requestId;
  private final CompiledStage stage;
  private final MethodRequest methodRequest;
  private BackendResponse endpointResponse;
  private MethodResponse methodResponse;
  private Overrides overrides = Overrides.NONE;
  private AuthorizerResult authorizer;
  private Principal caller;
  private Decision resourcePolicy;

  public Exchange(String requestId, CompiledStage stage, MethodRequest methodRequest) {
    this.requestId = requestId;
    this.stage = stage;
    this.methodRequest = methodRequest;
  }

  public String requestId() {
    return requestId;
  }

  public CompiledStage stage() {
    return stage;
  }

  public MethodRequest methodRequest() {
    return methodRequest;
  }

  /** The integration's answer before response mapping; null until an integration step ran. */
  public BackendResponse endpointResponse() {
    return endpointResponse;
  }

  public void endpointResponse(BackendResponse response) {
    this.endpointResponse = response;
  }

  /** The answer for the client; null until a step produced it. */
  public MethodResponse methodResponse() {
    return methodResponse;
  }

  public void methodResponse(MethodResponse response) {
    this.methodResponse = response;
  }

  /** What mapping templates set in {@code $context.requestOverride}/{@code responseOverride} so far. */
  public Overrides overrides() {
    return overrides;
  }

  public void overrides(Overrides latest) {
    this.overrides = latest;
  }

  /**
   * What the method's authorizer (Lambda or Cognito) said about the caller: principal, context,
   * claims and {@code usageIdentifierKey} (for API keys from an AUTHORIZER source); null when the
   * method has no authorizer or it has not run yet.
   */
  public AuthorizerResult authorizer() {
    return authorizer;
  }

  public void authorizer(AuthorizerResult result) {
    this.authorizer = result;
  }

  /** The SigV4-verified caller of an AWS_IAM method; null otherwise. */
  public Principal caller() {
    return caller;
  }

  public void caller(Principal verified) {
    this.caller = verified;
  }

  /** The API's resource policy's verdict for an anonymous caller, for the authorizer to combine with; null without a policy. */
  public Decision resourcePolicy() {
    return resourcePolicy;
  }

  public void resourcePolicy(Decision decision) {
    this.resourcePolicy = decision;
  }
}
