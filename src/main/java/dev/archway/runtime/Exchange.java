package dev.archway.runtime;

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

  /** What the route's authorizer learned about the caller; null when the route has none or it has not run. */
  public AuthorizerResult authorizer() {
    return authorizer;
  }

  public void authorizer(AuthorizerResult result) {
    this.authorizer = result;
  }
}
