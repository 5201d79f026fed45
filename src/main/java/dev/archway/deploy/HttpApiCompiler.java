package dev.archway.deploy;

import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.UriTemplate;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.observe.RouteTelemetry;
import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.CustomGatewayResponses;
import dev.archway.runtime.Pipeline;
import dev.archway.runtime.Step;
import dev.archway.runtime.httpapi.CorsPolicy;
import dev.archway.runtime.httpapi.HttpApiLambdaStep;
import dev.archway.runtime.httpapi.HttpApiProxyStep;
import dev.archway.runtime.httpapi.HttpApiStage;
import dev.archway.runtime.httpapi.ParameterMapping;
import dev.archway.runtime.httpapi.RequestParameters;
import dev.archway.runtime.httpapi.ResponseParameters;
import dev.archway.runtime.httpapi.ResponseMappingStep;
import dev.archway.runtime.route.RouteTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a stage of an HTTP API and its frozen deployment into an {@link HttpApiStage}: the route
 * table, the {@code $default} route and, per route, its steps (authorizer, throttle, integration, response
 * mapping) with every mapping and URI parsed now. Pure and thread-safe.
 */
public final class HttpApiCompiler {
  private static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

  private final HttpProxyIntegration http;
  private final AwsIntegrations aws;
  private final HttpAuthorizers authorizers;
  private final HttpApiThrottles throttles;

  public HttpApiCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpAuthorizers authorizers) {
    this(http, aws, authorizers, HttpApiThrottles.NONE);
  }

  public HttpApiCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpAuthorizers authorizers,
      HttpApiThrottles throttles) {
    this.http = http;
    this.aws = aws;
    this.authorizers = authorizers;
    this.throttles = throttles;
  }

  /** @throws CompileException naming the route that cannot be served */
  public HttpApiStage compile(String apiId, Stage stage, DeployedHttpApi deployment) {
    return compile(apiId, null, stage, deployment);
  }

  /** @param scope the API's store scope {@code account:region} (route ARNs name them), or null for the server's account */
  public HttpApiStage compile(String apiId, String scope, Stage stage, DeployedHttpApi deployment) {
    String account = scope != null && scope.indexOf(':') > 0 ? scope.substring(0, scope.indexOf(':')) : aws.accountId();
    String region = scope != null && scope.indexOf(':') > 0 ? scope.substring(scope.indexOf(':') + 1) : "us-east-1";
    String apiArn = "arn:aws:execute-api:" + region + ":" + account + ":" + apiId;
    String where = "http api " + apiId + " stage " + stage.stageName() + " (deployment " + deployment.deploymentId() + ")";
    Map<String, Integration> integrations = new HashMap<>();
    for (Integration integration : orEmpty(deployment.integrations())) {
      integrations.put(integration.integrationId(), integration);
    }
    RouteTable.Builder<CompiledRoute> routes = RouteTable.builder();
    CompiledRoute defaultRoute = null;
    int count = 0;
    Set<String> bucketsUsed = new HashSet<>();
    StageTelemetry telemetry = TelemetryCompiler.http(scope, account, apiId, stage);
    for (Route route : orEmpty(deployment.routes())) {
      String key = route.routeKey();
      try {
        Step throttle = throttles.step(apiId, stage, key, bucketsUsed);
        RouteTelemetry observed = telemetry.route(key, null, TelemetryCompiler.detailedMetrics(stage, key));
        if ("$default".equals(key)) {
          defaultRoute = compileRoute(route, "$default", "ANY", integrations, deployment, apiArn, account, true,
              throttle).withTelemetry(observed);
        } else {
          int space = key == null ? -1 : key.indexOf(' ');
          if (space < 0) {
            throw new IllegalArgumentException("routeKey: " + key + " (expected: $default or <METHOD> <path>)");
          }
          String method = key.substring(0, space);
          String path = key.substring(space + 1);
          routes.add(path, method, compileRoute(route, path, method, integrations, deployment, apiArn, account, false,
              throttle).withTelemetry(observed));
        }
      } catch (IllegalArgumentException e) {
        throw new CompileException(where, "route " + key, e);
      }
      count++;
    }
    Map<String, String> variables = stage.stageVariables() == null ? Map.of() : stage.stageVariables();
    CompiledStage compiled = new CompiledStage(apiId, stage.stageName(), stage.deploymentId(), variables, routes.build(), count,
        CustomGatewayResponses.NONE, bucketsUsed, telemetry);
    return new HttpApiStage(compiled, defaultRoute, cors(deployment.api()));
  }

  /** Forgets the route throttle buckets none of the API's served stages uses (all of them once it is gone). */
  void published(String apiId, Collection<CompiledStage> served) {
    throttles.retain(apiId, served);
  }

  private CompiledRoute compileRoute(Route route, String path, String method, Map<String, Integration> integrations,
      DeployedHttpApi deployment, String apiArn, String account, boolean isDefault, Step throttle) {
    String routeKey = route.routeKey();
    List<Step> steps = new ArrayList<>();
    Step authorizer = authorizers.compile(route, deployment, apiArn, account);
    if (authorizer != null) {
      steps.add(authorizer);
    }
    // AWS order: authorize, then throttle (a caller the authorizer refuses spends no token).
    if (throttle != null) {
      steps.add(throttle);
    }
    String integrationId = route.integrationId();
    Integration integration = integrationId == null ? null : integrations.get(integrationId);
    if (integration == null) {
      // AWS deploys a route without a target and answers its requests with 500.
      steps.add(new ConfigurationErrorStep("route " + routeKey + " has no integration (target " + route.target() + ")"));
      return new CompiledRoute(path, method, new Pipeline(steps));
    }
    steps.add(integration(integration, routeKey, path, isDefault));
    steps.add(new ResponseMappingStep(responseParameters(integration), routeKey));
    return new CompiledRoute(path, method, new Pipeline(steps));
  }

  private Step integration(Integration integration, String routeKey, String path, boolean isDefault) {
    long timeout = integration.timeoutInMillis() == null ? DEFAULT_TIMEOUT_MILLIS : integration.timeoutInMillis();
    if (integration.integrationSubtype() != null) {
      return new ConfigurationErrorStep("AWS service integration " + integration.integrationSubtype() + " is not served yet");
    }
    String uri = integration.integrationUri();
    switch (String.valueOf(integration.integrationType())) {
      case "HTTP_PROXY" -> {
        if ("VPC_LINK".equals(integration.connectionType())) {
          return new ConfigurationErrorStep("VPC link integrations are not served (integration " + integration.integrationId() + ")");
        }
        String method = integration.integrationMethod() == null ? "ANY" : integration.integrationMethod();
        return new HttpApiProxyStep(http, method, UriTemplate.parse(uri), isDefault,
            requestParameters(integration), routeKey, timeout);
      }
      case "AWS_PROXY" -> {
        return new HttpApiLambdaStep(aws.lambda(), lambdaUri(uri), integration.payloadFormatVersion(), routeKey, path,
            aws.accountId(), timeout);
      }
      default -> throw new IllegalArgumentException("integrationType: " + integration.integrationType()
          + " (expected for HTTP APIs: HTTP_PROXY or AWS_PROXY)");
    }
  }

  /** A function ARN ({@code arn:aws:lambda:<region>:...}) or the full Lambda invocation URI. */
  static LambdaFunctionUri lambdaUri(String uri) {
    if (uri != null && uri.startsWith("arn:") && uri.contains(":lambda:") && !uri.contains(":apigateway:")) {
      String[] parts = uri.split(":", 5);
      if (parts.length < 5) {
        throw new IllegalArgumentException("integrationUri: " + uri + " (expected: a Lambda function ARN)");
      }
      return LambdaFunctionUri.parse("arn:" + parts[1] + ":apigateway:" + parts[3] + ":lambda:path/2015-03-31/functions/"
          + uri + "/invocations");
    }
    return LambdaFunctionUri.parse(uri);
  }

  private static RequestParameters requestParameters(Integration integration) {
    if (integration.requestParameters() == null || integration.requestParameters().isEmpty()) {
      return RequestParameters.NONE;
    }
    List<ParameterMapping> mappings = new ArrayList<>();
    new TreeMap<>(integration.requestParameters()).forEach((key, value) -> mappings.add(ParameterMapping.parse(key, value, false)));
    return new RequestParameters(mappings);
  }

  private static ResponseParameters responseParameters(Integration integration) {
    if (integration.responseParameters() == null || integration.responseParameters().isEmpty()) {
      return ResponseParameters.NONE;
    }
    Map<Integer, List<ParameterMapping>> byStatus = new TreeMap<>();
    integration.responseParameters().forEach((status, mappings) -> {
      List<ParameterMapping> parsed = new ArrayList<>();
      new TreeMap<>(mappings).forEach((key, value) -> parsed.add(ParameterMapping.parse(key, value, true)));
      byStatus.put(Integer.parseInt(status), parsed);
    });
    return ResponseParameters.of(byStatus);
  }

  private static CorsPolicy cors(HttpApi api) {
    HttpApi.Cors cors = api == null ? null : api.corsConfiguration();
    if (cors == null) {
      return null;
    }
    return CorsPolicy.of(cors.allowOrigins(), cors.allowMethods(), cors.allowHeaders(), cors.exposeHeaders(),
        cors.maxAge(), cors.allowCredentials());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "HttpApiCompiler(" + aws + ")";
  }
}
