package dev.archway.control.v2;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.PATCH;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dev.archway.control.ManagementApi;
import dev.archway.control.Operation;
import dev.archway.deploy.AuthControl;
import dev.archway.deploy.HttpApiCompiler;
import dev.archway.deploy.WebSocketCompiler;
import dev.archway.store.Store;
import io.vertx.core.http.HttpMethod;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The apigatewayv2 operations (HTTP and WebSocket APIs) on the management listener, under {@code /v2}. */
public final class V2Routes {
  private static final String APIS = "/v2/apis";
  private static final String API = APIS + "/:apiId";
  private static final String STAGE = API + "/stages/:stageName";
  private static final String DOMAIN = "/v2/domainnames/:domainName";

  private V2Routes() {}

  /**
   * @param compiler compiles each HTTP API deployment before it is stored (null: not checked)
   * @param webSocketCompiler the same for WebSocket APIs
   * @param access holds the authorizer caches ResetAuthorizersCache empties
   */
  public static void register(ManagementApi api, Store store, ApiEndpoints endpoints, HttpApiCompiler compiler,
      WebSocketCompiler webSocketCompiler, AuthControl access) {
    Deployer deployer = new Deployer(compiler, webSocketCompiler);
    ApisHandler apis = new ApisHandler(store, endpoints, deployer);
    RoutesHandler routes = new RoutesHandler(store, deployer);
    IntegrationsHandler integrations = new IntegrationsHandler(store, deployer);
    AuthorizersHandler authorizers = new AuthorizersHandler(store, deployer);
    StagesHandler stages = new StagesHandler(store, deployer, access);
    DeploymentsHandler deployments = new DeploymentsHandler(store, deployer);
    DomainNamesHandler domains = new DomainNamesHandler(store, endpoints);
    ApiMappingsHandler mappings = new ApiMappingsHandler(store);
    crud(api, APIS, ":apiId", apis::create, apis::list, apis::get, apis::update, apis::delete);
    ApiImports imports = new ApiImports(store, endpoints, deployer);
    ApiExports exports = new ApiExports(store, endpoints);
    api.on(PUT, APIS, 201, imports::importApi)
        .on(PUT, API, 201, imports::reimportApi)
        .on(GET, API + "/exports/:specification", 200, exports::export);
    api.on(DELETE, API + "/cors", 204, apis::deleteCors);
    crud(api, API + "/routes", ":routeId", routes::create, routes::list, routes::get, routes::update, routes::delete);
    api.on(DELETE, API + "/routes/:routeId/requestparameters/:requestParameterKey", 204, routes::deleteRequestParameter);
    RouteResponsesHandler routeResponses = new RouteResponsesHandler(store);
    crud(api, API + "/routes/:routeId/routeresponses", ":routeResponseId", routeResponses::create, routeResponses::list,
        routeResponses::get, routeResponses::update, routeResponses::delete);
    IntegrationResponsesHandler integrationResponses = new IntegrationResponsesHandler(store);
    crud(api, API + "/integrations/:integrationId/integrationresponses", ":integrationResponseId",
        integrationResponses::create, integrationResponses::list, integrationResponses::get, integrationResponses::update,
        integrationResponses::delete);
    ModelsHandler models = new ModelsHandler(store);
    crud(api, API + "/models", ":modelId", models::create, models::list, models::get, models::update, models::delete);
    api.on(GET, API + "/models/:modelId/template", 200, models::template);
    crud(api, API + "/integrations", ":integrationId", integrations::create, integrations::list, integrations::get,
        integrations::update, integrations::delete);
    crud(api, API + "/authorizers", ":authorizerId", authorizers::create, authorizers::list, authorizers::get,
        authorizers::update, authorizers::delete);
    crud(api, API + "/stages", ":stageName", stages::create, stages::list, stages::get, stages::update, stages::delete);
    api.on(DELETE, STAGE + "/accesslogsettings", 204, stages::deleteAccessLogSettings)
        .on(DELETE, STAGE + "/routesettings/:routeKey", 204, stages::deleteRouteSettings)
        .on(DELETE, STAGE + "/cache/authorizers", 204, stages::resetAuthorizersCache);
    crud(api, API + "/deployments", ":deploymentId", deployments::create, deployments::list, deployments::get,
        deployments::update, deployments::delete);
    crud(api, "/v2/domainnames", ":domainName", domains::create, domains::list, domains::get, domains::update, domains::delete);
    crud(api, DOMAIN + "/apimappings", ":apiMappingId", mappings::create, mappings::list, mappings::get,
        mappings::update, mappings::delete);
    V2TagsHandler tags = new V2TagsHandler(store);
    tagRoute(api, POST, 201, tags::tag);
    tagRoute(api, DELETE, 204, tags::untag);
    tagRoute(api, GET, 200, tags::get);
  }

  /** The five operations of a v2 resource family: POST and GET on the collection; GET, PATCH, DELETE on one member. */
  private static void crud(ManagementApi api, String collection, String label, Operation create, Operation list,
      Operation get, Operation update, Operation delete) {
    String member = collection + "/" + label;
    api.on(POST, collection, 201, create)
        .on(GET, collection, 200, list)
        .on(GET, member, 200, get)
        .on(PATCH, member, 200, update)
        .on(DELETE, member, 204, delete);
  }

  /** An ARN label holds encoded slashes, which path-label matching would split: take it raw. */
  private static void tagRoute(ManagementApi api, HttpMethod method, int status, Operation operation) {
    api.router().route(method, "/v2/tags/*").handler(ctx -> {
      String raw = ctx.request().path().substring("/v2/tags/".length());
      api.run(ctx, status, operation, Map.of("resource_arn", URLDecoder.decode(raw, StandardCharsets.UTF_8)));
    });
  }
}
