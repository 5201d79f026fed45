package dev.archway.control.v2;

import dev.archway.control.Caller;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Deployment;
import dev.archway.model.v2.HttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.model.v2.Model;
import dev.archway.model.v2.Route;
import dev.archway.model.v2.RouteResponse;
import dev.archway.model.v2.Stage;
import dev.archway.store.Documents;
import dev.archway.store.V2Kinds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Look-ups of v2 draft resources with AWS's NotFound messages, shared by the handlers. */
final class V2Drafts {
  private V2Drafts() {}

  static HttpApi api(Documents docs, Caller caller, String apiId) {
    return docs.get(V2Kinds.API, caller.scope(), apiId)
        .orElseThrow(() -> ApiException.notFound("Invalid API identifier specified " + caller.accountId() + ":" + apiId));
  }

  static Route route(Documents docs, String apiId, String routeId) {
    return docs.get(V2Kinds.ROUTE, apiId, routeId)
        .orElseThrow(() -> ApiException.notFound("Invalid Route identifier specified " + routeId));
  }

  static Integration integration(Documents docs, String apiId, String integrationId) {
    return docs.get(V2Kinds.INTEGRATION, apiId, integrationId)
        .orElseThrow(() -> ApiException.notFound("Invalid Integration identifier specified " + integrationId));
  }

  static Authorizer authorizer(Documents docs, String apiId, String authorizerId) {
    return docs.get(V2Kinds.AUTHORIZER, apiId, authorizerId)
        .orElseThrow(() -> ApiException.notFound("Invalid Authorizer identifier specified " + authorizerId));
  }

  static Stage stage(Documents docs, String apiId, String stageName) {
    return docs.get(V2Kinds.STAGE, apiId, stageName)
        .orElseThrow(() -> ApiException.notFound("Invalid stage identifier specified"));
  }

  static Deployment deployment(Documents docs, String apiId, String deploymentId) {
    return docs.get(V2Kinds.DEPLOYMENT, apiId, deploymentId)
        .orElseThrow(() -> ApiException.notFound("Invalid Deployment identifier specified " + deploymentId));
  }

  static RouteResponse routeResponse(Documents docs, String apiId, String routeId, String routeResponseId) {
    return docs.get(V2Kinds.ROUTE_RESPONSE, V2Kinds.childScope(apiId, routeId), routeResponseId)
        .orElseThrow(() -> ApiException.notFound("Invalid RouteResponse identifier specified " + routeResponseId));
  }

  static IntegrationResponse integrationResponse(Documents docs, String apiId, String integrationId, String responseId) {
    return docs.get(V2Kinds.INTEGRATION_RESPONSE, V2Kinds.childScope(apiId, integrationId), responseId)
        .orElseThrow(() -> ApiException.notFound("Invalid IntegrationResponse identifier specified " + responseId));
  }

  static Model model(Documents docs, String apiId, String modelId) {
    return docs.get(V2Kinds.MODEL, apiId, modelId)
        .orElseThrow(() -> ApiException.notFound("Invalid Model identifier specified " + modelId));
  }

  /** Route and integration responses, {@link HttpApi#isHttp() HTTP APIs} have none. */
  static HttpApi webSocketApi(Documents docs, Caller caller, String apiId, String what) {
    HttpApi api = api(docs, caller, apiId);
    if (api.isHttp()) {
      throw ApiException.badRequest(what + " are supported only for WebSocket APIs");
    }
    return api;
  }

  /** Now as the v2 wire writes dates: ISO-8601 in UTC, to the second. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
