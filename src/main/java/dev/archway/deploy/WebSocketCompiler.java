package dev.archway.deploy;

import com.networknt.schema.JsonSchema;
import dev.archway.auth.lambda.LambdaAuthorizerInvoker;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.UriTemplate;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.TemplateException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.model.v2.Model;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.Stage;
import dev.archway.traffic.LiveAccess;
import dev.archway.observe.StageTelemetry;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.IamAuthStep;
import dev.archway.runtime.Pipeline;
import dev.archway.runtime.Step;
import dev.archway.runtime.route.RouteTable;
import dev.archway.websocket.ConnectAuthorizer;
import dev.archway.websocket.Connections;
import dev.archway.websocket.ConnectionsStep;
import dev.archway.websocket.LocalConnections;
import dev.archway.websocket.WebSocketLimits;
import dev.archway.websocket.SelectionExpression;
import dev.archway.websocket.WebSocketIntegration;
import dev.archway.websocket.WebSocketIntegrationResponse;
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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a stage of a WebSocket API and its frozen deployment into a {@link WebSocketStage}: the
 * route table by route key, the route selection expression parsed once, every template compiled in
 * the sandbox, integration responses with their key patterns, the {@code $connect} authorizer and
 * each route's throttle. Pure and thread-safe; a route that cannot be compiled fails the stage with a
 * {@link CompileException} naming it.
 */
public final class WebSocketCompiler {
  private static final long DEFAULT_TIMEOUT_MILLIS = 29_000;

  private final HttpProxyIntegration http;
  private final AwsIntegrations aws;
  private final HttpApiThrottles throttles;
  private final LiveAccess access;
  private final Step connectionsAuth;
  private final Step connections;

  /** @param access the account throttles (and, later, API keys); null compiles no throttles (compiler tests) */
  public WebSocketCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpApiThrottles throttles, LiveAccess access) {
    this(http, aws, throttles, access, AuthControl.unconfigured(), new LocalConnections(), WebSocketLimits.AWS);
  }

  /**
   * @param auth verifies the SigV4 signatures ({@code execute-api}) of {@code @connections} calls
   * @param connections the open connections the {@code @connections} API reaches
   */
  public WebSocketCompiler(HttpProxyIntegration http, AwsIntegrations aws, HttpApiThrottles throttles, LiveAccess access,
      AuthControl auth, Connections connections, WebSocketLimits limits) {
    this.http = http;
    this.aws = aws;
    this.throttles = throttles;
    this.access = access;
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
    StageTelemetry telemetry = StageTelemetry.webSocket(scope, apiId, stage.stageName(), events,
        key -> TelemetryCompiler.detailedMetrics(stage, key));
    return new WebSocketStage(apiId, stage.stageName(), stage.deploymentId(), variables, selection,
        deployment.api().apiKeySelectionExpression(), routes, buckets, connectionsApi, telemetry);
  }

  /** Forgets the route throttle buckets none of the API's served stages uses (all of them once it is gone). */
  void published(String apiId, Collection<WebSocketStage> served) {
    throttles.retainAll(apiId, served.stream().flatMap(s -> s.buckets().stream()).collect(java.util.stream.Collectors.toSet()));
  }

  private WebSocketRoute route(String apiId, Stage stage, Route route, DeployedHttpApi deployment,
      Map<String, Integration> integrations, Map<String, String> schemas, String connectArn, Set<String> buckets) {
    String key = route.routeKey();
    String authorization = route.authorizationType() == null ? "NONE" : route.authorizationType();
    ConnectAuthorizer authorizer = null;
    if (authorization.equals("CUSTOM")) {
      authorizer = authorizer(route, deployment, connectArn);
    }
    WebSocketThrottle throttle = null;
    if (access != null) {
      var limit = throttles.routeLimit(apiId, stage, key);
      if (limit != null) {
        buckets.add(HttpApiThrottles.bucketId(apiId, stage, key));
      }
      throttle = new WebSocketThrottle(apiId, limit, access);
    }
    if (Boolean.TRUE.equals(route.apiKeyRequired())) {
      throw new IllegalArgumentException("apiKeyRequired is not served for WebSocket APIs yet");
    }
    if (authorization.equals("AWS_IAM")) {
      throw new IllegalArgumentException("authorizationType AWS_IAM is not served for WebSocket APIs yet");
    }
    if (route.requestModels() != null && !route.requestModels().isEmpty()) {
      throw new IllegalArgumentException("request models (validation) are not served for WebSocket APIs yet");
    }
    Integration integration = route.integrationId() == null ? null : integrations.get(route.integrationId());
    if (integration != null && !List.of("MOCK", "AWS_PROXY").contains(integration.integrationType())) {
      throw new IllegalArgumentException("integration type " + integration.integrationType()
          + " is not served for WebSocket APIs yet (MOCK and AWS_PROXY are)");
    }
    boolean twoWay = WebSocketStage.DEFAULT.equals(route.routeResponseSelectionExpression())
        && deployment.routeResponsesOf(route.routeId()).stream().anyMatch(r -> WebSocketStage.DEFAULT.equals(r.routeResponseKey()));
    Map<String, JsonSchema> models = new TreeMap<>();
    if (route.requestModels() != null) {
      route.requestModels().forEach((selectionKey, name) -> models.put(selectionKey, ModelSchemas.compile(apiId, schemas, name)));
    }
    SelectionExpression modelSelection = route.modelSelectionExpression() == null ? null
        : SelectionExpression.parseRequest(route.modelSelectionExpression());
    return new WebSocketRoute(key, Boolean.TRUE.equals(route.apiKeyRequired()), authorization, authorizer,
        integration == null ? null : integration(integration, deployment), twoWay, throttle, modelSelection, models);
  }

  private ConnectAuthorizer authorizer(Route route, DeployedHttpApi deployment, String connectArn) {
    Authorizer authorizer = orEmpty(deployment.authorizers()).stream()
        .filter(a -> a.authorizerId().equals(route.authorizerId())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("authorizerId: " + route.authorizerId()
            + " (expected: an authorizer of the API)"));
    int ttl = authorizer.authorizerResultTtlInSeconds() == null ? 0 : authorizer.authorizerResultTtlInSeconds();
    return new ConnectAuthorizer(authorizer.authorizerId(), HttpApiCompiler.lambdaUri(authorizer.authorizerUri()),
        new LambdaAuthorizerInvoker(aws.lambda()), orEmpty(authorizer.identitySource()), Duration.ofSeconds(ttl), connectArn);
  }

  private WebSocketIntegration integration(Integration integration, DeployedHttpApi deployment) {
    String type = String.valueOf(integration.integrationType());
    if ("VPC_LINK".equals(integration.connectionType())) {
      throw new IllegalArgumentException("integration " + integration.integrationId() + ": VPC links are not served");
    }
    long timeout = integration.timeoutInMillis() == null ? DEFAULT_TIMEOUT_MILLIS : integration.timeoutInMillis();
    boolean lambda = type.startsWith("AWS");
    boolean httpType = type.startsWith("HTTP");
    if (type.equals("AWS") && !isLambdaUri(integration.integrationUri())) {
      throw new IllegalArgumentException("integration " + integration.integrationId() + ": AWS service integrations ("
          + integration.integrationUri() + ") are not served for WebSocket APIs; Lambda functions are");
    }
    Map<String, MappingTemplate> templates = templates(integration.requestTemplates());
    SelectionExpression templateSelection = integration.templateSelectionExpression() == null ? null
        : SelectionExpression.parseRequest(integration.templateSelectionExpression());
    boolean proxy = type.endsWith("_PROXY");
    SelectionExpression responseSelection = proxy ? null : SelectionExpression.parse(
        integration.integrationResponseSelectionExpression() == null ? "${integration.response.statuscode}"
            : integration.integrationResponseSelectionExpression(), true);
    List<WebSocketIntegrationResponse> responses = new ArrayList<>();
    for (IntegrationResponse response : deployment.integrationResponsesOf(integration.integrationId())) {
      responses.add(response(response));
    }
    return new WebSocketIntegration(integration.integrationId(), type,
        lambda ? HttpApiCompiler.lambdaUri(integration.integrationUri()) : null, lambda ? aws.lambda() : null,
        httpType ? UriTemplate.parse(integration.integrationUri()) : null,
        httpType ? integration.integrationMethod() : null, httpType ? http : null, timeout, templates, templateSelection,
        integration.passthroughBehavior() == null ? "WHEN_NO_MATCH" : integration.passthroughBehavior(),
        integration.contentHandlingStrategy(),
        integration.requestParameters() == null ? Map.of() : integration.requestParameters(), responseSelection, responses);
  }

  private static WebSocketIntegrationResponse response(IntegrationResponse response) {
    String key = response.integrationResponseKey();
    Pattern pattern = null;
    if (!WebSocketStage.DEFAULT.equals(key)) {
      if (key == null || key.length() < 3 || !key.startsWith("/") || !key.endsWith("/")) {
        throw new IllegalArgumentException("integrationResponseKey: " + key + " (expected: $default or /regex/)");
      }
      try {
        pattern = Pattern.compile(key.substring(1, key.length() - 1));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("integrationResponseKey: " + key + " (" + e.getDescription() + ")", e);
      }
    }
    SelectionExpression selection = response.templateSelectionExpression() == null ? null
        : SelectionExpression.parse(response.templateSelectionExpression(), true);
    return new WebSocketIntegrationResponse(key, pattern, templates(response.responseTemplates()), selection,
        response.contentHandlingStrategy());
  }

  private static Map<String, MappingTemplate> templates(Map<String, String> sources) {
    Map<String, MappingTemplate> compiled = new TreeMap<>();
    if (sources != null) {
      sources.forEach((key, source) -> compiled.put(key, MappingTemplate.compile(source == null ? "" : source)));
    }
    return compiled;
  }

  private static boolean isLambdaUri(String uri) {
    return uri != null && (uri.contains(":lambda:path/2015-03-31/functions/")
        || uri.startsWith("arn:") && uri.contains(":lambda:") && !uri.contains(":apigateway:"));
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  @Override
  public String toString() {
    return "WebSocketCompiler(" + aws + ")";
  }
}
