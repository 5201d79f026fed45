package dev.archway.store;

import dev.archway.model.Account;
import dev.archway.model.ApiKey;
import dev.archway.model.ApiKeyDigest;
import dev.archway.model.Authorizer;
import dev.archway.model.DeployedApi;
import dev.archway.model.Deployment;
import dev.archway.model.DocumentationPart;
import dev.archway.model.DocumentationSnapshot;
import dev.archway.model.DocumentationVersion;
import dev.archway.model.GatewayResponse;
import dev.archway.model.Model;
import dev.archway.model.RequestValidator;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import dev.archway.model.Stage;
import dev.archway.model.UsagePlan;
import dev.archway.model.UsagePlanKey;

/**
 * A kind of stored document. Every resource is a JSON document (its AWS wire shape) keyed by
 * (kind, scope, id): REST APIs are scoped by {@code account:region}; everything inside an API is
 * scoped by the API id, which is unique across the store. Two kinds are equal when their names are.
 */
public record Kind<T>(String name, Class<T> type) {
  public static final Kind<RestApi> REST_API = new Kind<>("restapi", RestApi.class);
  public static final Kind<Resource> RESOURCE = new Kind<>("resource", Resource.class);
  public static final Kind<Deployment> DEPLOYMENT = new Kind<>("deployment", Deployment.class);
  public static final Kind<DeployedApi> DEPLOYED_API = new Kind<>("deployedapi", DeployedApi.class);
  public static final Kind<Stage> STAGE = new Kind<>("stage", Stage.class);
  public static final Kind<Authorizer> AUTHORIZER = new Kind<>("authorizer", Authorizer.class);
  /** API keys, usage plans and the account are scoped by {@code account:region}, like REST APIs. */
  public static final Kind<ApiKey> API_KEY = new Kind<>("apikey", ApiKey.class);
  /** Keyed by the SHA-256 (hex) of a key's value, in the key's scope. */
  public static final Kind<ApiKeyDigest> API_KEY_DIGEST = new Kind<>("apikeydigest", ApiKeyDigest.class);
  public static final Kind<UsagePlan> USAGE_PLAN = new Kind<>("usageplan", UsagePlan.class);
  /** Scoped by the usage plan id, which is unique store-wide; keyed by the API key id. */
  public static final Kind<UsagePlanKey> USAGE_PLAN_KEY = new Kind<>("usageplankey", UsagePlanKey.class);
  /** One document, id {@code "account"}, per {@code account:region}. */
  public static final Kind<Account> ACCOUNT = new Kind<>("account", Account.class);
  /** Keyed by model name, which is what methods reference. */
  public static final Kind<Model> MODEL = new Kind<>("model", Model.class);
  public static final Kind<RequestValidator> REQUEST_VALIDATOR = new Kind<>("requestvalidator", RequestValidator.class);
  /** Customised gateway responses only, keyed by response type. */
  public static final Kind<GatewayResponse> GATEWAY_RESPONSE = new Kind<>("gatewayresponse", GatewayResponse.class);
  public static final Kind<DocumentationPart> DOCUMENTATION_PART = new Kind<>("documentationpart", DocumentationPart.class);
  /** Keyed by the version name; the parts it froze are a {@link #DOCUMENTATION_SNAPSHOT} of the same key. */
  public static final Kind<DocumentationVersion> DOCUMENTATION_VERSION =
      new Kind<>("documentationversion", DocumentationVersion.class);
  public static final Kind<DocumentationSnapshot> DOCUMENTATION_SNAPSHOT =
      new Kind<>("documentationsnapshot", DocumentationSnapshot.class);

  /** A kind is its name: a change that arrives from another node names its kind and nothing else. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Kind<?> kind && kind.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The kind of a change announced by another node, known by name only. */
  static Kind<Object> named(String name) {
    return new Kind<>(name, Object.class);
  }

  @Override
  public String toString() {
    return name;
  }
}
