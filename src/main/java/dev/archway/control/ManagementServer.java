package dev.archway.control;

import dev.archway.model.ThrottleSettings;
import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.archway.auth.SigV4Verifier;
import dev.archway.config.PublicUrl;
import dev.archway.console.Console;
import dev.archway.console.CrossSiteGuard;
import dev.archway.deploy.AuthControl;
import dev.archway.control.v2.ApiEndpoints;
import dev.archway.control.v2.V2Routes;
import dev.archway.deploy.DeploymentCompiler;
import dev.archway.deploy.HttpApiCompiler;
import dev.archway.deploy.WebSocketCompiler;
import dev.archway.model.Json;
import dev.archway.store.Store;
import dev.archway.traffic.QuotaCounters;
import dev.archway.traffic.StoreQuotaCounters;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The management listener: the apigateway v1 REST API operations and the health endpoints. */
public final class ManagementServer {
  private static final String API = "/restapis/:restapi_id";
  private static final String RESOURCE = API + "/resources/:resource_id";
  private static final String METHOD = RESOURCE + "/methods/:http_method";
  private static final String INTEGRATION = METHOD + "/integration";
  private static final String PLAN = "/usageplans/:usageplanId";

  private final HttpServer server;

  private ManagementServer(HttpServer server) {
    this.server = server;
  }

  /**
   * {@code serving} tells which stages are not serving (for {@code /health/ready}) and when writes are live; {@code publicUrl}
   * (its port resolved) is what v2 APIs and domain names report as their address.
   */
  public static Future<ManagementServer> start(
      Vertx vertx, String host, int port, Store store, SigV4Verifier verifier, String accountId, String region,
      Serving serving, PublicUrl publicUrl) {
    return start(vertx, host, port, store, verifier, accountId, region, serving, publicUrl, null, null,
        AuthControl.unconfigured());
  }

  /**
   * @param compiler compiles draft methods for TestInvokeMethod and each REST deployment before CreateDeployment
   *     stores it; null answers TestInvokeMethod with an error and checks no deployment
   * @param httpCompiler compiles each HTTP API deployment before it is stored; null checks none
   * @param access runs TestInvokeAuthorizer and holds the authorizer cache FlushStageAuthorizersCache empties
   */
  public static Future<ManagementServer> start(
      Vertx vertx, String host, int port, Store store, SigV4Verifier verifier, String accountId, String region,
      Serving serving, PublicUrl publicUrl, DeploymentCompiler compiler, HttpApiCompiler httpCompiler,
      AuthControl access) {
    return start(vertx, host, port, store, verifier, accountId, region, serving, publicUrl, compiler, httpCompiler, null,
        access, router -> { });
  }

  /**
   * @param webSocketCompiler compiles each WebSocket API deployment before it is stored; null checks none
   * @param services mounts the other AWS services this listener answers (CloudWatch, CloudWatch Logs)
   */
  public static Future<ManagementServer> start(
      Vertx vertx, String host, int port, Store store, SigV4Verifier verifier, String accountId, String region,
      Serving serving, PublicUrl publicUrl, DeploymentCompiler compiler, HttpApiCompiler httpCompiler,
      WebSocketCompiler webSocketCompiler, AuthControl access, Consumer<Router> services) {
    ManagementApi api = new ManagementApi(vertx, new CallerAuthenticator(verifier, accountId, region), serving.settled());
    Router router = api.router();
    // Before every route, the CloudWatch services' included: a foreign page may not drive any of them.
    router.route().order(-10).handler(new CrossSiteGuard(!verifier.strict()));
    Console.mount(router, verifier.strict(), region);
    router.get("/health/live").handler(ctx -> json(ctx, 200, Map.of("status", "live")));
    router.get("/health/ready").handler(ctx -> {
      if (serving.draining().getAsBoolean()) {
        json(ctx, 503, Map.of("status", "draining"));
        return;
      }
      List<String> missing = serving.notReady().get();
      Map<String, Object> body = new java.util.LinkedHashMap<>();
      NodeStatus node = serving.node() == null ? null : serving.node().get();
      // A node that lost its store still serves what it last knew: ready, but saying its configuration may be stale.
      body.put("status", !missing.isEmpty() ? "not ready" : node != null && !node.storeReachable() ? "stale config" : "ready");
      if (!missing.isEmpty()) {
        body.put("notServing", missing);
      }
      if (node != null) {
        body.put("node", node.nodeId());
        body.put("store", node.storeReachable() ? "reachable" : "unreachable");
        if (node.redisReachable() != null) {
          body.put("redis", node.redisReachable() ? "reachable" : "unreachable");
        }
        body.put("nodes", node.nodes());
      }
      json(ctx, missing.isEmpty() ? 200 : 503, body);
    });
    services.accept(router);
    routes(api, store, serving.quotas() == null ? new StoreQuotaCounters(store) : serving.quotas(), access,
        serving.accountThrottle(), compiler);
    exportRoute(api, new RestApiExports(store, apiId -> publicUrl.endpoint(apiId, false)));
    TestInvokeHandler testInvoke = new TestInvokeHandler(vertx, store, compiler);
    api.on(POST, METHOD, 200, testInvoke::invoke);
    domainRoutes(api, store, new ApiEndpoints(publicUrl));
    V2Routes.register(api, store, new ApiEndpoints(publicUrl), httpCompiler, webSocketCompiler, access);
    api.finish();
    return vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(120))
        .requestHandler(router)
        .listen(port, host)
        .map(ManagementServer::new);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  private static void routes(ManagementApi api, Store store, QuotaCounters counters, AuthControl access,
      ThrottleSettings accountThrottle, DeploymentCompiler compiler) {
    RestApisHandler restApis = new RestApisHandler(store);
    ResourcesHandler resources = new ResourcesHandler(store);
    MethodsHandler methods = new MethodsHandler(store);
    IntegrationsHandler integrations = new IntegrationsHandler(store);
    DeploymentsHandler deployments = new DeploymentsHandler(store, compiler);
    StagesHandler stages = new StagesHandler(store);
    StageCacheHandler stageCaches = new StageCacheHandler(store, compiler == null ? null : compiler.caches(), access);
    TagsHandler tags = new TagsHandler(store);
    ModelsHandler models = new ModelsHandler(store);
    RequestValidatorsHandler validators = new RequestValidatorsHandler(store);
    GatewayResponsesHandler gatewayResponses = new GatewayResponsesHandler(store);
    DocumentationPartsHandler parts = new DocumentationPartsHandler(store);
    DocumentationVersionsHandler versions = new DocumentationVersionsHandler(store);
    RestApiImports imports = new RestApiImports(store);
    Operation importApi = ManagementApi.modelChecked("ImportRestApi", imports::importApi);
    Operation putApi = ManagementApi.modelChecked("PutRestApi", imports::putApi);
    Operation createApi = ManagementApi.modelChecked("CreateRestApi", restApis::create);
    // CreateRestApi and ImportRestApi share POST /restapis; ?mode=import picks the import, whose body is a definition.
    api.router().route(POST, "/restapis").handler(ctx -> {
      if ("import".equals(ctx.queryParams().get("mode"))) {
        api.runRaw(ctx, 201, importApi);
      } else {
        api.run(ctx, 201, createApi);
      }
    });
    api.router().route(PUT, API).handler(ctx -> api.runRaw(ctx, 200, putApi));
    api.on(GET, "/restapis", 200, restApis::list)
        .on(GET, API, 200, restApis::get)
        .on(PATCH, API, 200, restApis::update)
        .on(DELETE, API, 202, restApis::delete)
        .on(GET, API + "/resources", 200, resources::list)
        .on(GET, RESOURCE, 200, resources::get)
        .on(POST, RESOURCE, 201, resources::create)
        .on(PATCH, RESOURCE, 200, resources::update)
        .on(DELETE, RESOURCE, 202, resources::delete)
        .on(PUT, METHOD, 201, methods::put)
        .on(GET, METHOD, 200, methods::get)
        .on(PATCH, METHOD, 200, methods::update)
        .on(DELETE, METHOD, 204, methods::delete)
        .on(PUT, METHOD + "/responses/:status_code", 201, methods::putResponse)
        .on(GET, METHOD + "/responses/:status_code", 200, methods::getResponse)
        .on(PATCH, METHOD + "/responses/:status_code", 201, methods::updateResponse)
        .on(DELETE, METHOD + "/responses/:status_code", 204, methods::deleteResponse)
        .on(PUT, INTEGRATION, 201, integrations::put)
        .on(GET, INTEGRATION, 200, integrations::get)
        .on(PATCH, INTEGRATION, 200, integrations::update)
        .on(DELETE, INTEGRATION, 204, integrations::delete)
        .on(PUT, INTEGRATION + "/responses/:status_code", 201, integrations::putResponse)
        .on(GET, INTEGRATION + "/responses/:status_code", 200, integrations::getResponse)
        .on(PATCH, INTEGRATION + "/responses/:status_code", 200, integrations::updateResponse)
        .on(DELETE, INTEGRATION + "/responses/:status_code", 204, integrations::deleteResponse)
        .on(POST, API + "/deployments", 201, deployments::create)
        .on(GET, API + "/deployments", 200, deployments::list)
        .on(GET, API + "/deployments/:deployment_id", 200, deployments::get)
        .on(PATCH, API + "/deployments/:deployment_id", 200, deployments::update)
        .on(DELETE, API + "/deployments/:deployment_id", 202, deployments::delete)
        .on(POST, API + "/stages", 201, stages::create)
        .on(GET, API + "/stages", 200, stages::list)
        .on(GET, API + "/stages/:stage_name", 200, stages::get)
        .on(PATCH, API + "/stages/:stage_name", 200, stages::update)
        .on(DELETE, API + "/stages/:stage_name", 202, stages::delete)
        .on(DELETE, API + "/stages/:stage_name/cache/data", 202, stageCaches::flushResponses)
        .on(DELETE, API + "/stages/:stage_name/cache/authorizers", 202, stageCaches::flushAuthorizers)
        .on(POST, API + "/models", 201, models::create)
        .on(GET, API + "/models", 200, models::list)
        .on(GET, API + "/models/:model_name", 200, models::get)
        .on(PATCH, API + "/models/:model_name", 200, models::update)
        .on(DELETE, API + "/models/:model_name", 202, models::delete)
        .on(GET, API + "/models/:model_name/default_template", 200, models::template)
        .on(POST, API + "/requestvalidators", 201, validators::create)
        .on(GET, API + "/requestvalidators", 200, validators::list)
        .on(GET, API + "/requestvalidators/:requestvalidator_id", 200, validators::get)
        .on(PATCH, API + "/requestvalidators/:requestvalidator_id", 200, validators::update)
        .on(DELETE, API + "/requestvalidators/:requestvalidator_id", 202, validators::delete)
        .on(PUT, API + "/gatewayresponses/:response_type", 201, gatewayResponses::put)
        .on(GET, API + "/gatewayresponses", 200, gatewayResponses::list)
        .on(GET, API + "/gatewayresponses/:response_type", 200, gatewayResponses::get)
        .on(PATCH, API + "/gatewayresponses/:response_type", 200, gatewayResponses::update)
        .on(DELETE, API + "/gatewayresponses/:response_type", 202, gatewayResponses::delete)
        .on(POST, API + "/documentation/parts", 201, parts::create)
        .on(GET, API + "/documentation/parts", 200, parts::list)
        .on(GET, API + "/documentation/parts/:part_id", 200, parts::get)
        .on(PATCH, API + "/documentation/parts/:part_id", 200, parts::update)
        .on(DELETE, API + "/documentation/parts/:part_id", 202, parts::delete)
        .on(POST, API + "/documentation/versions", 201, versions::create)
        .on(GET, API + "/documentation/versions", 200, versions::list)
        .on(GET, API + "/documentation/versions/:doc_version", 200, versions::get)
        .on(PATCH, API + "/documentation/versions/:doc_version", 200, versions::update)
        .on(DELETE, API + "/documentation/versions/:doc_version", 202, versions::delete);
    // ImportDocumentationParts' body is an OpenAPI document (JSON or YAML), not a request shape.
    Operation importParts = ManagementApi.modelChecked("ImportDocumentationParts", parts::importParts);
    api.router().route(PUT, API + "/documentation/parts").handler(ctx -> api.runRaw(ctx, 200, importParts));
    accessRoutes(api, store, counters, access, accountThrottle);
    // An ARN label holds encoded slashes, which path-label matching would split: take it raw.
    tagRoute(api, PUT, 204, tags::tag);
    tagRoute(api, DELETE, 204, tags::untag);
    tagRoute(api, GET, 200, tags::get);
  }

  /** GetExport, whose answer is a definition and which reads the Accept header. */
  private static void exportRoute(ManagementApi api, RestApiExports exports) {
    Operation export = ManagementApi.modelChecked("GetExport", exports::export);
    api.router().route(GET, API + "/stages/:stage_name/exports/:export_type").handler(ctx -> {
      Map<String, String> labels = new java.util.HashMap<>(ctx.pathParams());
      String accept = ctx.request().getHeader("Accept");
      labels.put(RestApiExports.ACCEPT, accept == null ? "" : accept);
      api.runRaw(ctx, 200, export, labels);
    });
  }

  /** API keys, usage plans, usage, the account and authorizers. */
  private static void accessRoutes(ManagementApi api, Store store, QuotaCounters counters, AuthControl access,
      ThrottleSettings accountThrottle) {
    ApiKeysHandler apiKeys = new ApiKeysHandler(store);
    ApiKeyImport imports = new ApiKeyImport(store);
    UsagePlansHandler plans = new UsagePlansHandler(store, counters, Clock.systemUTC());
    UsagePlanKeysHandler planKeys = new UsagePlanKeysHandler(store);
    UsageHandler usage = new UsageHandler(store, counters, Clock.systemUTC());
    AccountHandler account = new AccountHandler(store, accountThrottle);
    AuthorizersHandler authorizers = new AuthorizersHandler(store);
    AuthorizerExtrasHandler authorizerExtras = new AuthorizerExtrasHandler(store, access);
    // CreateApiKey and ImportApiKeys share POST /apikeys; ?mode=import picks the import, whose body is CSV.
    Operation importKeys = ManagementApi.modelChecked("ImportApiKeys", imports::importKeys);
    api.router().route(POST, "/apikeys").handler(ctx -> {
      if ("import".equals(ctx.queryParams().get("mode"))) {
        api.runRaw(ctx, 201, importKeys);
      } else {
        api.run(ctx, 201, apiKeys::create);
      }
    });
    api.on(GET, "/apikeys", 200, apiKeys::list)
        .on(GET, "/apikeys/:api_Key", 200, apiKeys::get)
        .on(PATCH, "/apikeys/:api_Key", 200, apiKeys::update)
        .on(DELETE, "/apikeys/:api_Key", 202, apiKeys::delete)
        .on(POST, "/usageplans", 201, plans::create)
        .on(GET, "/usageplans", 200, plans::list)
        .on(GET, PLAN, 200, plans::get)
        .on(PATCH, PLAN, 200, plans::update)
        .on(DELETE, PLAN, 202, plans::delete)
        .on(POST, PLAN + "/keys", 201, planKeys::create)
        .on(GET, PLAN + "/keys", 200, planKeys::list)
        .on(GET, PLAN + "/keys/:keyId", 200, planKeys::get)
        .on(DELETE, PLAN + "/keys/:keyId", 202, planKeys::delete)
        .on(GET, PLAN + "/usage", 200, usage::get)
        .on(PATCH, PLAN + "/keys/:keyId/usage", 200, usage::update)
        .on(GET, "/account", 200, account::get)
        .on(PATCH, "/account", 200, account::update)
        .on(POST, API + "/authorizers", 201, authorizers::create)
        .on(GET, API + "/authorizers", 200, authorizers::list)
        .on(GET, API + "/authorizers/:authorizer_id", 200, authorizers::get)
        .on(PATCH, API + "/authorizers/:authorizer_id", 200, authorizers::update)
        .on(DELETE, API + "/authorizers/:authorizer_id", 202, authorizers::delete)
        .on(POST, API + "/authorizers/:authorizer_id", 200, authorizerExtras::testInvoke);
  }

  /** Domain names and base path mappings (v1); the same store apigatewayv2 reads. */
  private static void domainRoutes(ManagementApi api, Store store, ApiEndpoints endpoints) {
    DomainNamesHandler domains = new DomainNamesHandler(store, endpoints);
    BasePathMappingsHandler mappings = new BasePathMappingsHandler(store);
    String domain = "/domainnames/:domain_name";
    String mapping = domain + "/basepathmappings/:base_path";
    api.on(POST, "/domainnames", 201, domains::create)
        .on(GET, "/domainnames", 200, domains::list)
        .on(GET, domain, 200, domains::get)
        .on(PATCH, domain, 200, domains::update)
        .on(DELETE, domain, 202, domains::delete)
        .on(POST, domain + "/basepathmappings", 201, mappings::create)
        .on(GET, domain + "/basepathmappings", 200, mappings::list)
        .on(GET, mapping, 200, mappings::get)
        .on(PATCH, mapping, 200, mappings::update)
        .on(DELETE, mapping, 202, mappings::delete);
  }

  private static void tagRoute(ManagementApi api, HttpMethod method, int status, Operation operation) {
    api.router().route(method, "/tags/*").handler(ctx -> {
      String raw = ctx.request().path().substring("/tags/".length());
      api.run(ctx, status, operation, Map.of("resource_arn", URLDecoder.decode(raw, StandardCharsets.UTF_8)));
    });
  }

  private static void json(RoutingContext ctx, int status, Object body) {
    try {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
          .end(Json.MAPPER.writeValueAsString(body));
    } catch (Exception e) {
      ctx.fail(e);
    }
  }
}
