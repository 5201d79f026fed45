package dev.archway.store;

import dev.archway.model.v2.ApiMapping;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Deployment;
import dev.archway.model.v2.DomainName;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.model.v2.Model;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.RouteResponse;
import dev.archway.model.v2.Stage;

/**
 * The kinds of apigatewayv2 documents. Scoped like v1: APIs and domain names by
 * {@code account:region}; everything inside an API by the API id (v1 and v2 API ids share one
 * namespace, so an invoke URL names one API); API mappings by {@code account:region/domainName}.
 */
public final class V2Kinds {
  public static final Kind<HttpApi> API = new Kind<>("v2api", HttpApi.class);
  public static final Kind<Route> ROUTE = new Kind<>("v2route", Route.class);
  public static final Kind<Integration> INTEGRATION = new Kind<>("v2integration", Integration.class);
  public static final Kind<Authorizer> AUTHORIZER = new Kind<>("v2authorizer", Authorizer.class);
  public static final Kind<Stage> STAGE = new Kind<>("v2stage", Stage.class);
  public static final Kind<Deployment> DEPLOYMENT = new Kind<>("v2deployment", Deployment.class);
  public static final Kind<DeployedHttpApi> DEPLOYED_API = new Kind<>("v2deployedapi", DeployedHttpApi.class);
  public static final Kind<DomainName> DOMAIN_NAME = new Kind<>("v2domainname", DomainName.class);
  public static final Kind<ApiMapping> API_MAPPING = new Kind<>("v2apimapping", ApiMapping.class);
  public static final Kind<RouteResponse> ROUTE_RESPONSE = new Kind<>("v2routeresponse", RouteResponse.class);
  public static final Kind<IntegrationResponse> INTEGRATION_RESPONSE =
      new Kind<>("v2integrationresponse", IntegrationResponse.class);
  public static final Kind<Model> MODEL = new Kind<>("v2model", Model.class);

  private V2Kinds() {}

  /** The scope of a domain name's API mappings: the domain name's own scope (account and region), then its name. */
  public static String mappingScope(String domainScope, String domainName) {
    return domainScope + "/" + domainName;
  }

  /** The scope of the documents that belong to one route or integration of an API. */
  public static String childScope(String apiId, String parentId) {
    return apiId + "/" + parentId;
  }
}
