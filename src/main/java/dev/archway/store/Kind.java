package dev.archway.store;

import dev.archway.model.DeployedApi;
import dev.archway.model.Deployment;
import dev.archway.model.GatewayResponse;
import dev.archway.model.Model;
import dev.archway.model.RequestValidator;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;

/**
 * A kind of stored document. Every resource is a JSON document (its AWS wire shape) keyed by
 * (kind, scope, id): REST APIs are scoped by {@code account:region}; everything inside an API is
 * scoped by the API id, which is unique across the store.
 */
public record Kind<T>(String name, Class<T> type) {
  public static final Kind<RestApi> REST_API = new Kind<>("restapi", RestApi.class);
  public static final Kind<Resource> RESOURCE = new Kind<>("resource", Resource.class);
  public static final Kind<Deployment> DEPLOYMENT = new Kind<>("deployment", Deployment.class);
  public static final Kind<DeployedApi> DEPLOYED_API = new Kind<>("deployedapi", DeployedApi.class);
  public static final Kind<Stage> STAGE = new Kind<>("stage", Stage.class);
  /** Keyed by model name, which is what methods reference. */
  public static final Kind<Model> MODEL = new Kind<>("model", Model.class);
  public static final Kind<RequestValidator> REQUEST_VALIDATOR = new Kind<>("requestvalidator", RequestValidator.class);
  /** Customised gateway responses only, keyed by response type. */
  public static final Kind<GatewayResponse> GATEWAY_RESPONSE = new Kind<>("gatewayresponse", GatewayResponse.class);

  @Override
  public String toString() {
    return name;
  }
}
