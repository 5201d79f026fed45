package dev.archway.deploy;

import dev.archway.cache.StageCaches;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import dev.archway.model.DeployedApi;
import dev.archway.model.Integration;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.runtime.CanaryRelease;
import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.CustomGatewayResponses;
import dev.archway.runtime.HttpProxyStep;
import dev.archway.runtime.ParameterSource;
import dev.archway.runtime.Pipeline;
import dev.archway.runtime.Step;
import dev.archway.runtime.TemplateRunner;
import dev.archway.runtime.route.RouteTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a stage and its frozen deployment into a {@link CompiledStage}: the route table and, for
 * each method, its steps in AWS order with every template, mapping and regex resolved now, so a
 * request parses nothing. Pure and thread-safe; run it off the event loop for big APIs.
 */
public final class DeploymentCompiler {
  private static final long DEFAULT_TIMEOUT_MILLIS = 29_000;
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

  private final HttpProxyIntegration http;
  private final AwsIntegrations aws;
  private final TemplateRunner templates;
  private final NonProxyIntegrations nonProxy;
  private final UsageControls usage;
  private final AuthControl authorization;
  private final StageCaches caches;

  public DeploymentCompiler(HttpProxyIntegration http) {
    this(http, AwsIntegrations.unconfigured(http));
  }

  public DeploymentCompiler(HttpProxyIntegration http, AwsIntegrations aws) {
    this(http, aws, TemplateRunner.shared(http.vertx()), UsageControls.NONE, AuthControl.unconfigured());
  }

  /**
   * @param templates where every mapping template of the compiled stages renders (a shared worker pool)
   * @param usage the API key, throttle and quota steps' live rules
   * @param authorization authorizers, IAM and resource policies
   */
  public DeploymentCompiler(HttpProxyIntegration http, AwsIntegrations aws, TemplateRunner templates,
      UsageControls usage, AuthControl authorization) {
    this(http, aws, templates, usage, authorization, StageCaches.local());
  }

  /** @param caches the stage caches, kept in this node's memory or elsewhere */
  public DeploymentCompiler(HttpProxyIntegration http, AwsIntegrations aws, TemplateRunner templates,
      UsageControls usage, AuthControl authorization, StageCaches caches) {
    this.http = http;
    this.aws = aws;
    this.templates = templates;
    this.nonProxy = new NonProxyIntegrations(http);
    this.usage = usage;
    this.authorization = authorization;
    this.caches = caches;
  }

  /** The stage caches the compiled stages answer from, for FlushStageCache. */
  public StageCaches caches() {
    return caches;
  }

  /** @throws CompileException naming the method and path that cannot be served */
  public CompiledStage compile(String apiId, Stage stage, DeployedApi deployment) {
    return compile(apiId, stage, deployment, null);
  }

  /**
   * @param scope the API's {@code account:region} (method ARNs are built from it), or null for the server's defaults
   * @throws CompileException naming the method and path that cannot be served
   */
  public CompiledStage compile(String apiId, Stage stage, DeployedApi deployment, String scope) {
    return compile(apiId, stage, deployment, scope, false);
  }

  /** @param ownCache whether the stage's canary is compiled, answering from its own part of the stage cache */
  private CompiledStage compile(String apiId, Stage stage, DeployedApi deployment, String scope, boolean ownCache) {
    String where = "api " + apiId + " stage " + stage.stageName() + " (deployment " + deployment.deploymentId() + ")";
    RouteTable.Builder<CompiledRoute> routes = RouteTable.builder();
    int count = 0;
    RequestValidations validations;
    CustomGatewayResponses gatewayResponses;
    UsageControls.ForStage controls = usage.forStage(apiId, stage, deployment.api());
    DeploymentAuth accessControl;
    StageTelemetry telemetry = TelemetryCompiler.rest(scope, TelemetryCompiler.account(scope, aws.accountId()), apiId,
        deployment.api().name(), stage);
    ResponseCaching caching;
    try {
      caching = ResponseCaching.of(caches, apiId, stage, ownCache);
      validations = RequestValidations.of(apiId, deployment);
      accessControl = authorization.of(apiId, scope, deployment);
      gatewayResponses = GatewayResponseCompiler.compile(deployment.gatewayResponses());
    } catch (IllegalArgumentException e) {
      throw new CompileException(where, null, e);
    }
    for (Resource resource : deployment.resources() == null ? List.<Resource>of() : deployment.resources()) {
      if (resource.resourceMethods() == null) {
        continue;
      }
      for (Map.Entry<String, Method> entry : resource.resourceMethods().entrySet()) {
        String route = entry.getKey() + " " + resource.path();
        try {
          routes.add(resource.path(), entry.getKey(), compileRoute(
              resource.id(), resource.path(), entry.getKey(), entry.getValue(), deployment.api(), validations, controls,
              accessControl, caching).withTelemetry(TelemetryCompiler.route(telemetry, stage, resource.path(), entry.getKey())));
        } catch (IllegalArgumentException e) {
          throw new CompileException(where, route, e);
        }
        count++;
      }
    }
    Map<String, String> variables = stage.variables() == null ? Map.of() : stage.variables();
    return new CompiledStage(apiId, stage.stageName(), stage.deploymentId(), variables, routes.build(), count,
        gatewayResponses, controls.bucketsUsed(), telemetry);
  }

  /**
   * The stage with its canary, when it has one: {@code canaryDeployment} compiled as the stage
   * serves it, with the stage's variables overridden by {@code stageVariableOverrides}.
   *
   * @param canaryDeployment the canary's deployment, or null when the stage has no canary
   * @throws CompileException naming the deployment and method that cannot be served
   */
  public CompiledStage compile(String apiId, Stage stage, DeployedApi deployment, DeployedApi canaryDeployment,
      String scope) {
    CompiledStage served = compile(apiId, stage, deployment, scope);
    Stage.CanarySettings canary = stage.canarySettings();
    if (canary == null) {
      return served;
    }
    if (canaryDeployment == null) {
      throw new CompileException("api " + apiId + " stage " + stage.stageName(), null,
          new IllegalArgumentException("canary deployment " + canary.deploymentId() + " not found"));
    }
    Map<String, String> variables = new LinkedHashMap<>(orEmpty(stage.variables()));
    variables.putAll(orEmpty(canary.stageVariableOverrides()));
    Stage asCanary = stage.withDeploymentId(canary.deploymentId()).withVariables(variables).withCanarySettings(null);
    double percent = canary.percentTraffic() == null ? 0.0 : canary.percentTraffic();
    // A canary that does not useStageCache answers from its own part of the stage's cache.
    boolean ownCache = !Boolean.TRUE.equals(canary.useStageCache());
    return served.withCanary(new CanaryRelease(compile(apiId, asCanary, canaryDeployment, scope, ownCache), percent));
  }

  /** Forgets the stage throttle buckets none of the API's served stages uses (all of them once it is gone). */
  void published(String apiId, Collection<CompiledStage> served, Set<String> cached) {
    usage.retain(apiId, served);
    caches.retain(apiId, cached);
  }

  CompiledRoute compileRoute(String resourceId, String path, String httpMethod, Method method, RestApi api) {
    return compileRoute(resourceId, path, httpMethod, method, api, RequestValidations.NONE,
        UsageControls.NONE.forStage(null, null, api), null, ResponseCaching.OFF);
  }

  private CompiledRoute compileRoute(String resourceId, String path, String httpMethod, Method method, RestApi api,
      RequestValidations validations, UsageControls.ForStage controls, DeploymentAuth accessControl,
      ResponseCaching caching) {
    if (!METHODS.contains(httpMethod)) {
      throw new IllegalArgumentException("httpMethod: " + httpMethod + " (expected: one of " + METHODS + ")");
    }
    Integration integration = method.methodIntegration();
    if (integration == null || integration.type() == null) {
      throw new IllegalArgumentException("no integration (expected: PutIntegration before CreateDeployment)");
    }
    MappingContext mapping = MappingContext.of(templates, api);
    String unmappable = UnmappableHeaders.refusal(integration);
    List<Step> integrationSteps = unmappable != null ? List.of(new ConfigurationErrorStep(unmappable)) : switch (integration.type()) {
      case "MOCK" -> nonProxy.mock(method, integration, mapping);
      case "HTTP" -> nonProxy.http(method, integration, mapping, timeout(integration));
      case "HTTP_PROXY" -> List.of(httpProxy(integration));
      case "AWS_PROXY" -> List.of(aws.lambdaProxy(resourceId, path, integration, api, timeout(integration)));
      case "AWS" -> aws.nonProxy(method, integration, timeout(integration), mapping);
      default -> throw new IllegalArgumentException("integration type: " + integration.type()
          + " (expected: MOCK, HTTP, HTTP_PROXY, AWS or AWS_PROXY)");
    };
    // AWS order: resource policy and authorizer, API key, throttle and quota, validation, the integration.
    List<Step> steps = new ArrayList<>();
    if (accessControl != null) {
      steps.addAll(accessControl.steps(resourceId, path, method));
    }
    steps.addAll(controls.steps(path, httpMethod, method));
    steps.addAll(validations.steps(method));
    steps.addAll(caching.wrap(resourceId, path, httpMethod, integration, integrationSteps));
    return new CompiledRoute(path, httpMethod, new Pipeline(steps), resourceId);
  }

  private HttpProxyStep httpProxy(Integration integration) {
    String method = integration.httpMethod();
    if (method == null || !METHODS.contains(method)) {
      throw new IllegalArgumentException("integration httpMethod: " + method + " (expected: one of " + METHODS + ")");
    }
    UriTemplate uri = UriTemplate.parse(integration.uri());
    Map<String, ParameterSource> path = new LinkedHashMap<>();
    Map<String, ParameterSource> query = new LinkedHashMap<>();
    Map<String, ParameterSource> header = new LinkedHashMap<>();
    for (Map.Entry<String, String> mapping : orEmpty(integration.requestParameters()).entrySet()) {
      String target = mapping.getKey();
      ParameterSource source = ParameterSource.parse(mapping.getValue(), ParameterSource.Side.REQUEST);
      if (target.startsWith("integration.request.path.")) {
        path.put(name(target, "integration.request.path."), source);
      } else if (target.startsWith("integration.request.querystring.")) {
        query.put(name(target, "integration.request.querystring."), source);
      } else if (target.startsWith("integration.request.header.")) {
        header.put(name(target, "integration.request.header."), source);
      } else {
        throw new IllegalArgumentException("request parameter: " + target
            + " (expected: integration.request.path|querystring|header.<name>)");
      }
    }
    return new HttpProxyStep(http, method, uri, path, query, header, timeout(integration));
  }

  static boolean isMethod(String httpMethod) {
    return METHODS.contains(httpMethod);
  }

  static long timeout(Integration integration) {
    long timeout = integration.timeoutInMillis() == null ? DEFAULT_TIMEOUT_MILLIS : integration.timeoutInMillis();
    if (timeout < 50) {
      throw new IllegalArgumentException("timeoutInMillis: " + timeout + " (expected: >= 50)");
    }
    return timeout;
  }

  static String name(String target, String prefix) {
    String name = target.substring(prefix.length());
    if (name.isEmpty()) {
      throw new IllegalArgumentException("parameter: " + target + " (expected: a name after " + prefix + ")");
    }
    return name;
  }

  static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
