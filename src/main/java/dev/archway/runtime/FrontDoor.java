package dev.archway.runtime;

import dev.archway.runtime.front.RequestHead;
import dev.archway.runtime.httpapi.CorsPolicy;
import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.runtime.httpapi.HttpApiStage;
import dev.archway.runtime.httpapi.HttpApiStages;
import dev.archway.runtime.httpapi.HttpApiTarget;
import dev.archway.runtime.route.InvalidPathException;
import dev.archway.runtime.route.RouteMatch;
import java.util.Map;

/**
 * The one entry point of API traffic: reads a request's target once (host style, path style),
 * finds the REST or HTTP API stage it names and its route (REST: the resource's method, else 403
 * Missing Authentication Token; HTTP APIs: explicit method, {@code ANY}, greedy, then the
 * {@code $default} route, else a CORS preflight or 404), and computes the request's one
 * {@link RequestContext}. What it returns, an {@link Arrival}, then serves the request. Stateless;
 * every lookup reads immutable snapshots.
 */
public final class FrontDoor {
  private final StageLookup restStages;
  private final HttpApiLookup httpApis;
  private final DomainLookup domains;
  private final ExecuteLimits limits;
  private final RequestLogSink sink;

  public FrontDoor(StageLookup restStages, HttpApiLookup httpApis, ExecuteLimits limits, RequestLogSink sink) {
    this(restStages, httpApis, DomainLookup.NONE, limits, sink);
  }

  /** @param domains custom domain names: a request whose Host is one goes where its API mappings say */
  public FrontDoor(StageLookup restStages, HttpApiLookup httpApis, DomainLookup domains, ExecuteLimits limits,
      RequestLogSink sink) {
    this.restStages = restStages;
    this.httpApis = httpApis;
    this.domains = domains;
    this.limits = limits;
    this.sink = sink;
  }

  public ExecuteLimits limits() {
    return limits;
  }

  /** Where completed request logs go. */
  public RequestLogSink sink() {
    return sink;
  }

  /**
   * @param sourceIp the client's address
   * @param port the listener port the client connected to
   */
  public Arrival arrive(RequestHead head, String sourceIp, int port) {
    RequestLog log = new RequestLog(head.startedNanos());
    log.addRequestBytes(head.bytes());
    String path = collapseLeadingSlashes(head.path());
    CustomDomain domain = domains.find(head.host());
    InvokeTarget target = domain == null ? InvokeTarget.of(head.host(), path) : domain.target(path);
    if (domain != null && target == null) {
      RequestContext context = context(head, null, null, null, null, null, sourceIp, port, null);
      return new Arrival(head, context, log, Answers.REST, null, null, null, Map.of(), new GatewayResponse.Forbidden(), null);
    }
    HttpApiStages httpApi = target == null ? null : httpApis.find(target.apiId());
    return httpApi != null ? httpApi(head, target, httpApi, log, sourceIp, port) : rest(head, target, log, sourceIp, port);
  }

  private Arrival rest(RequestHead head, InvokeTarget target, RequestLog log, String sourceIp, int port) {
    String stageName = target == null ? null : target.restStage();
    CompiledStage stage = stageName == null ? null : restStages.find(target.apiId(), stageName);
    if (stage == null) {
      RequestContext context = context(head, target, null, null, null, null, sourceIp, port, null);
      return new Arrival(head, context, log, Answers.REST, null, null, null, Map.of(),
          new GatewayResponse.MissingAuthenticationToken(), null);
    }
    String path = target.domainPath() != null ? target.domainPath()
        : "/" + stage.stageName() + (target.path().isEmpty() ? "/" : target.path());
    // A canary release: one draw per request picks the deployment that serves it, whole.
    Boolean canary = null;
    if (stage.canary() != null) {
      canary = stage.canary().drawn();
      stage = canary ? stage.canary().stage() : stage;
    }
    RouteMatch<CompiledRoute> match;
    GatewayResponse refusal;
    try {
      match = stage.routes().match(head.method(), target.path());
      refusal = match == null ? new GatewayResponse.MissingAuthenticationToken() : null;
    } catch (InvalidPathException e) {
      match = null;
      refusal = new GatewayResponse.BadRequest(e.getMessage());
    }
    CompiledRoute route = match == null ? null : match.target();
    RequestContext context = context(head, target, stage, path, route, null, sourceIp, port, canary);
    return new Arrival(head, context, log, Answers.REST, stage, target.path(), route,
        match == null ? Map.of() : match.pathParameters(), refusal, null);
  }

  private Arrival httpApi(RequestHead head, InvokeTarget target, HttpApiStages api, RequestLog log, String sourceIp,
      int port) {
    HttpApiTarget resolved = HttpApiTarget.resolve(target, api);
    HttpApiStage stage = resolved.stage();
    if (stage == null) {
      RequestContext context = context(head, target, null, null, null, null, sourceIp, port, null);
      return new Arrival(head, context, log, Answers.HttpApi.WITHOUT_CORS, null, null, null, Map.of(),
          new GatewayResponse.NotFound(), null);
    }
    CompiledStage compiled = stage.stage();
    Answers answers = stage.cors() == null ? Answers.HttpApi.WITHOUT_CORS : new Answers.HttpApi(stage.cors());
    String rawPath = resolved.path().isEmpty() ? "/" : resolved.path();
    String path = target.domainPath() != null ? target.domainPath()
        : compiled.stageName().equals(HttpApiStages.DEFAULT_STAGE) ? rawPath : "/" + compiled.stageName() + rawPath;
    RouteMatch<CompiledRoute> match;
    try {
      match = compiled.routes().match(head.method(), resolved.path());
    } catch (InvalidPathException e) {
      RequestContext context = context(head, target, compiled, path, null, null, sourceIp, port, null);
      return new Arrival(head, context, log, answers, compiled, resolved.path(), null, Map.of(),
          new GatewayResponse.BadRequest(e.getMessage()), null);
    }
    CompiledRoute route = match != null ? match.target() : stage.defaultRoute();
    String routeKey = route == null ? null : route == stage.defaultRoute() ? "$default" : route.httpMethod() + " " + route.resourcePath();
    RequestContext context = context(head, target, compiled, path, route, routeKey, sourceIp, port, null);
    if (route != null) {
      return new Arrival(head, context, log, answers, compiled, resolved.path(), route,
          match == null ? Map.of() : match.pathParameters(), null, null);
    }
    CorsPolicy cors = stage.cors();
    if (cors != null && CorsPolicy.isPreflight(head.method(), head.headers())) {
      return new Arrival(head, context, log, answers, compiled, resolved.path(), null, Map.of(), null,
          cors.preflight(head.headers()));
    }
    return new Arrival(head, context, log, answers, compiled, resolved.path(), null, Map.of(),
        new GatewayResponse.NotFound(), null);
  }

  private static RequestContext context(RequestHead head, InvokeTarget target, CompiledStage stage, String path,
      CompiledRoute route, String routeKey, String sourceIp, int port, Boolean canary) {
    String apiId = target == null ? null : target.apiId();
    boolean customDomain = target != null && target.domainPath() != null;
    return RequestContext.arrived(apiId, stage == null ? null : stage.stageName(), stage == null ? null : stage.deploymentId(),
        head.host(), path == null ? head.path() : path, route == null ? null : route.resourcePath(),
        route == null ? null : route.resourceId(), routeKey, head.method(), head.protocol(), sourceIp,
        head.headers().get("User-Agent"),
        RequestIds.clientTrace(head.headers().get("X-Amzn-Trace-Id"), head.headers().get("traceparent")), port, canary,
        customDomain);
  }

  /** AWS collapses a {@code //} before the stage ({@code //dev/pets} is {@code /dev/pets}); later ones are kept. */
  static String collapseLeadingSlashes(String path) {
    int slashes = 0;
    while (slashes < path.length() && path.charAt(slashes) == '/') {
      slashes++;
    }
    return slashes <= 1 ? path : path.substring(slashes - 1);
  }
}
