package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.Unserved;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.Integration.TlsConfig;
import dev.archway.model.v2.Route;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CreateIntegration, GetIntegration, GetIntegrations, UpdateIntegration, DeleteIntegration. */
final class IntegrationsHandler {
  private static final Set<String> UPDATABLE = Set.of("connectionId", "connectionType", "contentHandlingStrategy",
      "credentialsArn", "description", "integrationMethod", "integrationSubtype", "integrationType", "integrationUri",
      "passthroughBehavior", "payloadFormatVersion", "requestParameters", "requestTemplates", "responseParameters",
      "templateSelectionExpression", "timeoutInMillis", "tlsConfig");

  private final Store store;
  private final Deployer deployer;

  IntegrationsHandler(Store store, Deployer deployer) {
    this.deployer = deployer;
    this.store = store;
  }

  record CreateRequest(
      String connectionId, String connectionType, String contentHandlingStrategy, String credentialsArn,
      String description, String integrationMethod, String integrationSubtype, String integrationType,
      String integrationUri, String passthroughBehavior, String payloadFormatVersion,
      Map<String, String> requestParameters, Map<String, String> requestTemplates,
      Map<String, Map<String, String>> responseParameters, String templateSelectionExpression,
      Integer timeoutInMillis, TlsConfig tlsConfig) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    Integration created = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Integration integration = IntegrationRules.check(api, new Integration(null, req.connectionId(),
          req.connectionType(), req.contentHandlingStrategy(), req.credentialsArn(), req.description(),
          V2Ids.childId(), req.integrationMethod(), null, req.integrationSubtype(), req.integrationType(),
          req.integrationUri(), req.passthroughBehavior(), req.payloadFormatVersion(), req.requestParameters(),
          req.requestTemplates(), req.responseParameters(), req.templateSelectionExpression(), req.timeoutInMillis(),
          req.tlsConfig()));
      docs.put(V2Kinds.INTEGRATION, api.apiId(), integration.integrationId(), integration);
      deployer.changed(docs, api);
      return integration;
    });
    ignored(call, created).warn();
    return created;
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
    });
  }

  Object list(Call call) {
    List<Integration> all = store.read(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      return docs.list(V2Kinds.INTEGRATION, api.apiId());
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    Integration written = store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      Integration merged = Updates.merge(integration, call, UPDATABLE, Integration.class);
      Integration updated = IntegrationRules.check(api, merged.withRequestParameters(
          requestParameters(integration.requestParameters(), Updates.has(call, "requestParameters") ? merged.requestParameters() : null)));
      docs.put(V2Kinds.INTEGRATION, api.apiId(), updated.integrationId(), updated);
      deployer.changed(docs, api);
      return updated;
    });
    ignored(call, written).warn();
    return written;
  }

  /** The settings of the request that are stored, not applied. */
  private static Unserved.Ignored ignored(Call call, Integration integration) {
    return new Unserved.Ignored("integration " + integration.integrationId() + " of API " + call.label("apiId"))
        .tls(Updates.has(call, "tlsConfig") && integration.tlsConfig() != null && integration.tlsConfig().serverNameToVerify() != null);
  }

  /**
   * As on AWS, an update's requestParameters are merged into the integration's: a key with a value sets
   * that mapping, a key with an empty value removes it (Terraform removes mappings this way).
   */
  private static Map<String, String> requestParameters(Map<String, String> current, Map<String, String> changes) {
    Map<String, String> merged = new LinkedHashMap<>(current == null ? Map.of() : current);
    if (changes != null) {
      changes.forEach((key, value) -> {
        if (value == null || value.isEmpty()) {
          merged.remove(key);
        } else {
          merged.put(key, value);
        }
      });
    }
    return merged.isEmpty() ? null : merged;
  }

  /** Refused while a route targets the integration: a deployment must never name a missing integration. */
  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.api(docs, call.caller(), call.label("apiId"));
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      if (Boolean.TRUE.equals(integration.apiGatewayManaged())) {
        throw ApiException.badRequest("Integration " + integration.integrationId()
            + " is managed by API Gateway (quick create) and cannot be deleted");
      }
      List<Route> using = RouteRules.using(docs, api.apiId(), integration.integrationId());
      if (!using.isEmpty()) {
        throw ApiException.conflict("Integration " + integration.integrationId() + " is the target of route(s) "
            + using.stream().map(Route::routeKey).toList() + ": change or delete them first");
      }
      docs.delete(V2Kinds.INTEGRATION, api.apiId(), integration.integrationId());
      docs.deleteScope(V2Kinds.childScope(api.apiId(), integration.integrationId()));
      deployer.changed(docs, api);
      return null;
    });
  }
}
