package dev.archway.runtime;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.Principal;
import dev.archway.auth.policy.Decision;
import dev.archway.integration.BackendResponse;
import dev.archway.mapping.Overrides;
import dev.archway.traffic.PlanKey;
import io.vertx.core.MultiMap;

/**
 * The typed context of one request: what was asked, what the integration answered, what the
 * client gets. Named fields only; each step reads what earlier steps wrote. Used on one event loop.
 */
public final class Exchange {
  private final RequestContext context;
  private final CompiledStage stage;
  private MethodRequest methodRequest;
  private final RequestLog requestLog;
  private BackendResponse endpointResponse;
  private MethodResponse methodResponse;
  private Overrides overrides = Overrides.NONE;
  private ExecutionLog executionLog = ExecutionLog.OFF;
  private PlanKey apiKey;
  private String apiKeyValue;
  private AuthorizerResult authorizer;
  private Principal caller;
  private Decision resourcePolicy;

  /** A request as the front door received it: its context and its log were made when its head arrived. */
  public Exchange(RequestContext context, CompiledStage stage, MethodRequest methodRequest, RequestLog requestLog) {
    this.context = context;
    this.stage = stage;
    this.methodRequest = methodRequest;
    this.requestLog = requestLog;
    if (requestLog.exchange() == null) {
      requestLog.exchange(this); // the first one serves the request; later ones only render an error
      if (requestLog.telemetry() != null) {
        executionLog = requestLog.telemetry().executionLog();
        EndpointLog.started(executionLog, context.requestId(), methodRequest);
      }
    }
  }

  /**
   * A request that did not come through the front door (TestInvokeMethod, TestInvokeAuthorizer):
   * its context is made now from the method request and {@code route} (null when none).
   */
  public Exchange(String requestId, CompiledStage stage, CompiledRoute route, MethodRequest methodRequest) {
    this(simulated(requestId, stage, route, methodRequest), stage, methodRequest, new RequestLog(System.nanoTime()));
    requestLog.context(context);
  }

  /** The same without a route. */
  public Exchange(String requestId, CompiledStage stage, MethodRequest methodRequest) {
    this(requestId, stage, null, methodRequest);
  }

  private static RequestContext simulated(String requestId, CompiledStage stage, CompiledRoute route, MethodRequest request) {
    String stageName = stage == null ? null : stage.stageName();
    MultiMap headers = request == null || request.headers() == null ? MultiMap.caseInsensitiveMultiMap() : request.headers();
    String path = request == null || request.path() == null || request.path().isEmpty() ? "/" : request.path();
    return RequestContext.arrived(stage == null ? null : stage.apiId(), stageName, stage == null ? null : stage.deploymentId(),
        headers.get("Host"), "/" + stageName + path,
        route == null ? null : route.resourcePath(), route == null ? null : route.resourceId(), null,
        request == null ? null : request.httpMethod(), "HTTP/1.1", request == null ? null : request.sourceIp(),
        headers.get("User-Agent"), headers.get("X-Amzn-Trace-Id"), 0, null, false)
        .withRequestId(requestId);
  }

  /** Every {@code $context} value the request itself determines. */
  public RequestContext context() {
    return context;
  }

  /** Where the request's timings, key and outcome are recorded for metrics and access logs. */
  public RequestLog requestLog() {
    return requestLog;
  }

  public String requestId() {
    return context.requestId();
  }

  public CompiledStage stage() {
    return stage;
  }

  public MethodRequest methodRequest() {
    return methodRequest;
  }

  /** The request as the steps after this one see it: a cached integration sees only what its cache key holds. */
  public void methodRequest(MethodRequest request) {
    this.methodRequest = request;
  }

  /** The integration's answer before response mapping; null until an integration step ran. */
  public BackendResponse endpointResponse() {
    return endpointResponse;
  }

  public void endpointResponse(BackendResponse response) {
    this.endpointResponse = response;
    if (response != null) {
      requestLog.integrationStatus(response.statusCode());
    }
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

  /** Where steps describe what they did, AWS execution-log style; {@link ExecutionLog#OFF} unless a test invoke or the method's {@code loggingLevel} keeps it. */
  public ExecutionLog executionLog() {
    return executionLog;
  }

  public void executionLog(ExecutionLog log) {
    this.executionLog = log;
  }

  /** The API key a Lambda authorizer returned as {@code usageIdentifierKey}; null until one did. */
  public String usageIdentifierKey() {
    return authorizer == null ? null : authorizer.usageIdentifierKey();
  }

  /** The API key the API key step accepted, with its plan's limits; null when the method needs none. */
  public PlanKey apiKey() {
    return apiKey;
  }

  public void apiKey(PlanKey key) {
    this.apiKey = key;
    requestLog.apiKeyId(key == null ? null : key.keyId());
  }

  /** The key and the value the client presented ({@code $context.identity.apiKey}). */
  public void apiKey(PlanKey key, String value) {
    apiKey(key);
    this.apiKeyValue = value;
  }

  /** The value of the accepted API key, or null when the method needs none. */
  public String apiKeyValue() {
    return apiKeyValue;
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
