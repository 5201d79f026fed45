package dev.archway.deploy;

import com.networknt.schema.JsonSchema;
import dev.archway.auth.SigV4Verifier;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.mapping.TemplateException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.IamAuthStep;
import dev.archway.runtime.Pipeline;
import dev.archway.runtime.Step;
import dev.archway.runtime.route.RouteTable;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.LiveAccess;
import dev.archway.websocket.ConnectAuthorizer;
import dev.archway.auth.lambda.AuthorizerCache;
import dev.archway.auth.lambda.LambdaAuthorizerResponse;
import dev.archway.websocket.Connections;
import dev.archway.websocket.ConnectionsStep;
import dev.archway.websocket.LocalConnections;
import dev.archway.websocket.RequestModels;
import dev.archway.websocket.SelectionExpression;
import dev.archway.websocket.StageApiKeys;
import dev.archway.websocket.WebSocketLimits;
import dev.archway.websocket.WebSocketRoute;
import dev.archway.websocket.WebSocketStage;
import dev.archway.websocket.WebSocketThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a stage of a WebSocket API and its frozen deployment into a {@link WebSocketStage}: the
 * route table by route key, the route selection expression parsed once, each route's integration
 * ({@link WebSocketIntegrations}), its {@code $connect} authorization (Lambda authorizer or AWS_IAM),
 * API key requirement, throttle, required parameters and request models, and the stage's
 * {@code @connections} API. Pure and thread-safe; a route that cannot be compiled fails the stage
 * with a {@link CompileException} naming it.
 */
public final class WebSocketCompiler {
  private final AwsIntegrations aws;
  private final WebSocketIntegrations integrations;
  private final HttpApiThrottles throttles;
  private final LiveAccess access;
  private final SigV4Verifier iam;
  private final AuthorizerCache<LambdaAuthorizerResponse> authorizerResults;
  private final Step connectionsAuth;
  private final Step connections;

  /** @param access the account throttles and the API keys; null compiles neither (compiler tests) */
  public WebSocketCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpApiThrottles throttles, LiveAccess access) {
    this(http, aws, throttles, access, AuthControl.unconfigured(), new LocalConnections(), WebSocketLimits.AWS);
  }

  /**
   * @param auth verifies the SigV4 signatures ({@code execute-api}) of {@code @connections} calls
   * @param connections the open connections the {@code @connections} API reaches
   */
  public WebSocketCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpApiThrottles throttles, LiveAccess access,
      AuthControl auth, Connections connections, WebSocketLimits limits) {
    this.aws = aws;
    this.integrations = new WebSocketIntegrations(http, aws);
    this.throttles = throttles;
    this.access = access;
    this.iam = auth.iam();
    this.authorizerResults = auth.cache();
    this.connectionsAuth = new IamAuthStep(auth.iam());
    this.connections = new ConnectionsStep(connections, limits.maxMessageBytes());
  }

  /** @param scope the API's store scope {@code account:region}, or null for the server's account in us-east-1 */
  public WebSocketStage compile(String apiId, String scope, Stage stage, DeployedHttpApi deployment) {
    String where = "websocket api " + apiId + " stage " + stage.stageName() + " (deployment " + deployment.deploymentId() + ")";
    SelectionExpression selection;
    try {
      selection = SelectionExpression.parseRequest(deployment.api().routeSelectionExpression());
    } catch (IllegalArgumentException e) {
      throw new CompileException(where, null, new IllegalArgumentException("routeSelectionExpression: " + e.getMessage(), e));
    }
    Map<String, Integration> integrations = new HashMap<>();
    orEmpty(deployment.integrations()).forEach(i -> integrations.put(i.integrationId(), i));
    Map<String, String> schemas = new HashMap<>();
    orEmpty(deployment.models()).forEach(m -> schemas.put(m.name(), m.schema()));
    String account = scope != null && scope.indexOf(':') > 0 ? scope.substring(0, scope.indexOf(':')) : aws.accountId();
    String region = scope != null && scope.indexOf(':') > 0 ? scope.substring(scope.indexOf(':') + 1) : "us-east-1";
    String connectArn = "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/" + stage.stageName() + "/"
        + WebSocketStage.CONNECT;
    Map<String, WebSocketRoute> routes = new HashMap<>();
    Set<String> buckets = new HashSet<>();
    for (Route route : orEmpty(deployment.routes())) {
      try {
        routes.put(route.routeKey(), route(apiId, stage, route, deployment, integrations, schemas, connectArn, buckets));
      } catch (IllegalArgumentException e) {
        throw new CompileException(where, "route " + route.routeKey(), e);
      } catch (TemplateException e) {
        throw new CompileException(where, "route " + route.routeKey(), new IllegalArgumentException(e.getMessage(), e));
      }
    }
    Map<String, String> variables = stage.stageVariables() == null ? Map.of() : stage.stageVariables();
    RouteTable.Builder<CompiledRoute> api = RouteTable.builder();
    Pipeline pipeline = new Pipeline(List.of(connectionsAuth, connections));
    for (String method : List.of("POST", "GET", "DELETE")) {
      api.add("/@connections/{connectionId}", method, new CompiledRoute("/@connections/{connectionId}", method, pipeline));
    }
    CompiledStage connectionsApi = new CompiledStage(apiId, stage.stageName(), stage.deploymentId(), variables, api.build(), 3);
    // $connect and $disconnect are events of every connection, routes or not.
    Set<String> events = new HashSet<>(routes.keySet());
    events.addAll(List.of(WebSocketStage.CONNECT, WebSocketStage.DISCONNECT));
    StageTelemetry telemetry = TelemetryCompiler.webSocket(scope, account, apiId, stage, events);
    StageApiKeys apiKeys = access == null ? null : new StageApiKeys(access, AccessRules.stageKey(apiId, stage.stageName()));
    return new WebSocketStage(apiId, stage.stageName(), stage.deploymentId(), variables, selection,
        deployment.api().apiKeySelectionExpression(), apiKeys, routes, buckets, connectionsApi, telemetry);
  }

  /** Forgets the route throttle buckets none of the API's served stages uses (all of them once it is gone). */
  void published(String apiId, Collection<WebSocketStage> served) {
    throttles.retainAll(apiId, served.stream().flatMap(s -> s.buckets().stream()).collect(java.util.stream.Collectors.toSet()));
  }

  private WebSocketRoute route(String apiId, Stage stage, Route route, DeployedHttpApi deployment,
      Map<String, Integration> integrations, Map<String, String> schemas, String connectArn, Set<String> buckets) {
    String key = route.routeKey();
    String authorization = route.authorizationType() == null ? "NONE" : route.authorizationType();
    ConnectAuthorizer authorizer = authorization.equals("CUSTOM") ? authorizer(route, deployment, connectArn) : null;
    WebSocketThrottle throttle = null;
    if (access != null) {
      var limit = throttles.routeLimit(apiId, stage, key);
      if (limit != null) {
        buckets.add(HttpApiThrottles.bucketId(apiId, stage, key));
      }
      throttle = new WebSocketThrottle(apiId, key, limit, access);
    }
    Integration integration = route.integrationId() == null ? null : integrations.get(route.integrationId());
    boolean twoWay = WebSocketStage.DEFAULT.equals(route.routeResponseSelectionExpression())
        && deployment.routeResponsesOf(route.routeId()).stream().anyMatch(r -> WebSocketStage.DEFAULT.equals(r.routeResponseKey()));
    Map<String, JsonSchema> models = new TreeMap<>();
    if (route.requestModels() != null) {
      route.requestModels().forEach((selectionKey, name) -> models.put(selectionKey, ModelSchemas.compile(apiId, schemas, name)));
    }
    SelectionExpression modelSelection = route.modelSelectionExpression() == null ? null
        : SelectionExpression.parseRequest(route.modelSelectionExpression());
    return new WebSocketRoute(key, Boolean.TRUE.equals(route.apiKeyRequired()), authorization, authorizer,
        authorization.equals("AWS_IAM") ? iam : null, requiredParameters(route),
        integration == null ? null : this.integrations.compile(integration, deployment), twoWay, throttle,
        new RequestModels(modelSelection, models));
  }

  /**
   * The request parameters a route requires: values of the {@code $connect} request (its headers and
   * query string), so only {@code $connect} may require them; messages carry neither.
   */
  private static List<String> requiredParameters(Route route) {
    List<String> required = new ArrayList<>();
    if (route.requestParameters() != null) {
      route.requestParameters().forEach((name, constraints) -> {
        if (constraints != null && Boolean.TRUE.equals(constraints.required())) {
          required.add(name);
        }
      });
    }
    if (!required.isEmpty() && !WebSocketStage.CONNECT.equals(route.routeKey())) {
      throw new IllegalArgumentException("required requestParameters " + required + " name values of the $connect "
          + "request (its headers and query string); only the $connect route can require them");
    }
    required.sort(null);
    return required;
  }

  private ConnectAuthorizer authorizer(Route route, DeployedHttpApi deployment, String connectArn) {
    Authorizer authorizer = orEmpty(deployment.authorizers()).stream()
        .filter(a -> a.authorizerId().equals(route.authorizerId())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("authorizerId: " + route.authorizerId()
            + " (expected: an authorizer of the API)"));
    int ttl = authorizer.authorizerResultTtlInSeconds() == null ? 0 : authorizer.authorizerResultTtlInSeconds();
    return new ConnectAuthorizer(authorizer.authorizerId(), HttpApiCompiler.lambdaUri(authorizer.authorizerUri()),
        new LambdaAuthorizerInvoker(aws.lambda()), orEmpty(authorizer.identitySource()), Duration.ofSeconds(ttl), connectArn,
        authorizerResults);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "WebSocketCompiler(" + aws + ")";
  }
}
