package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.MappingChecks;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.store.Documents;
import dev.archway.store.Store;
import dev.archway.store.V2Kinds;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * CreateIntegrationResponse, GetIntegrationResponse, GetIntegrationResponses, UpdateIntegrationResponse,
 * DeleteIntegrationResponse (WebSocket APIs, non-proxy integrations). A response's key is
 * {@code $default} or a {@code /regex/} matched against the whole status code (HTTP, MOCK) or Lambda
 * error message (AWS), as the integration's {@code integrationResponseSelectionExpression} says.
 */
final class IntegrationResponsesHandler {
  private static final String WHAT = "Integration responses";
  private static final int MAX_PATTERN = 1_000;
  private static final Set<String> UPDATABLE = Set.of("contentHandlingStrategy", "integrationResponseKey",
      "responseParameters", "responseTemplates", "templateSelectionExpression");

  private final Store store;

  IntegrationResponsesHandler(Store store) {
    this.store = store;
  }

  record CreateRequest(String contentHandlingStrategy, String integrationResponseKey, Map<String, String> responseParameters,
      Map<String, String> responseTemplates, String templateSelectionExpression) {}

  Object create(Call call) {
    CreateRequest req = call.bodyAs(CreateRequest.class);
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      IntegrationResponse response = check(docs, api, integration, new IntegrationResponse(req.contentHandlingStrategy(),
          V2Ids.childId(), req.integrationResponseKey(), req.responseParameters(), req.responseTemplates(),
          req.templateSelectionExpression()));
      docs.put(V2Kinds.INTEGRATION_RESPONSE, scope(api, integration), response.integrationResponseId(), response);
      return response;
    });
  }

  Object get(Call call) {
    return store.read(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      return V2Drafts.integrationResponse(docs, api.apiId(), integration.integrationId(), call.label("integrationResponseId"));
    });
  }

  Object list(Call call) {
    List<IntegrationResponse> all = store.read(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      return docs.list(V2Kinds.INTEGRATION_RESPONSE, scope(api, integration));
    });
    return Page.of(all, call);
  }

  Object update(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      IntegrationResponse current = V2Drafts.integrationResponse(docs, api.apiId(), integration.integrationId(),
          call.label("integrationResponseId"));
      IntegrationResponse updated = check(docs, api, integration,
          Updates.merge(current, call, UPDATABLE, IntegrationResponse.class));
      docs.put(V2Kinds.INTEGRATION_RESPONSE, scope(api, integration), updated.integrationResponseId(), updated);
      return updated;
    });
  }

  Object delete(Call call) {
    return store.write(docs -> {
      HttpApi api = V2Drafts.webSocketApi(docs, call.caller(), call.label("apiId"), WHAT);
      Integration integration = V2Drafts.integration(docs, api.apiId(), call.label("integrationId"));
      IntegrationResponse response = V2Drafts.integrationResponse(docs, api.apiId(), integration.integrationId(),
          call.label("integrationResponseId"));
      docs.delete(V2Kinds.INTEGRATION_RESPONSE, scope(api, integration), response.integrationResponseId());
      return null;
    });
  }

  private static IntegrationResponse check(Documents docs, HttpApi api, Integration integration, IntegrationResponse response) {
    if (integration.integrationType().endsWith("_PROXY")) {
      throw ApiException.badRequest("Integration responses are supported only for AWS, HTTP and MOCK integrations ("
          + integration.integrationType() + " returns the backend's answer as it is)");
    }
    String key = Checks.required("integrationResponseKey", response.integrationResponseKey());
    key(key);
    for (IntegrationResponse other : docs.list(V2Kinds.INTEGRATION_RESPONSE, scope(api, integration))) {
      if (!other.integrationResponseId().equals(response.integrationResponseId()) && other.integrationResponseKey().equals(key)) {
        throw ApiException.conflict("Integration response with key " + key + " already exists for integration "
            + integration.integrationId());
      }
    }
    Checks.oneOf("contentHandlingStrategy", response.contentHandlingStrategy(), WebSocketRules.CONTENT_HANDLING);
    WebSocketRules.selection("templateSelectionExpression", response.templateSelectionExpression());
    MappingChecks.templates(response.responseTemplates());
    if (response.responseParameters() != null && !response.responseParameters().isEmpty()) {
      throw ApiException.badRequest("responseParameters of WebSocket integration responses are not supported by Archway");
    }
    return response;
  }

  /** {@code $default} or {@code /regex/}, the regex valid and at most 1,000 characters. */
  static void key(String key) {
    if (key.equals(WebSocketRules.DEFAULT)) {
      return;
    }
    if (key.length() < 3 || !key.startsWith("/") || !key.endsWith("/")) {
      throw ApiException.badRequest("Invalid integrationResponseKey: " + Checks.abbreviate(key)
          + " (expected: $default or a regular expression between slashes, such as /4\\d\\d/)");
    }
    String regex = key.substring(1, key.length() - 1);
    if (regex.length() > MAX_PATTERN) {
      throw ApiException.badRequest("Invalid integrationResponseKey: longer than " + MAX_PATTERN + " characters");
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw ApiException.badRequest("Invalid integrationResponseKey: " + Checks.abbreviate(key)
          + " (expected: a valid regular expression; " + e.getDescription() + ")");
    }
  }

  private static String scope(HttpApi api, Integration integration) {
    return V2Kinds.childScope(api.apiId(), integration.integrationId());
  }
}
