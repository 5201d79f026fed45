package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.GetRoutesResponse;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpRouteIntegrationManagementE2eTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:pets";
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void client() {
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  private static String httpApi() {
    return v2.createApi(r -> r.name("routes").protocolType(ProtocolType.HTTP)).apiId();
  }

  @Test
  void integrationsGetAwsDefaultsAndUpdate() {
    String api = httpApi();
    var proxy = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
        .integrationUri("https://backend.example.com/{proxy}").integrationMethod("ANY")
        .requestParameters(Map.of("overwrite:header.x-stage", "$context.stage"))
        .responseParameters(Map.of("200", Map.of("append:header.x-from", "archway"))));
    assertThat(proxy.integrationId()).matches("[a-z0-9]{7}");
    assertThat(proxy.payloadFormatVersion()).isEqualTo("1.0");
    assertThat(proxy.timeoutInMillis()).isEqualTo(30000);
    assertThat(proxy.connectionTypeAsString()).isEqualTo("INTERNET");
    assertThat(proxy.requestParameters()).containsEntry("overwrite:header.x-stage", "$context.stage");

    var lambda = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY)
        .integrationUri(LAMBDA).payloadFormatVersion("2.0").timeoutInMillis(5000));
    assertThat(lambda.integrationMethod()).isEqualTo("POST");
    assertThat(lambda.payloadFormatVersion()).isEqualTo("2.0");

    var updated = v2.updateIntegration(r -> r.apiId(api).integrationId(lambda.integrationId()).timeoutInMillis(100));
    assertThat(updated.timeoutInMillis()).isEqualTo(100);
    assertThat(updated.integrationUri()).isEqualTo(LAMBDA);
    assertThat(v2.getIntegration(r -> r.apiId(api).integrationId(lambda.integrationId())).timeoutInMillis()).isEqualTo(100);
    assertThat(v2.getIntegrations(r -> r.apiId(api)).items()).hasSize(2);

    v2.deleteIntegration(r -> r.apiId(api).integrationId(lambda.integrationId()));
    assertThatThrownBy(() -> v2.getIntegration(r -> r.apiId(api).integrationId(lambda.integrationId())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void integrationsRefuseWhatHttpApisDoNotSupport() {
    String api = httpApi();
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY).integrationUri(LAMBDA)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("payloadFormatVersion");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining(
            "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
            .integrationUri("https://x.example").integrationMethod("GET").timeoutInMillis(30001)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("timeoutInMillis");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
            .integrationUri("not a url").integrationMethod("GET")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("integrationUri");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
            .integrationUri("https://x.example").integrationMethod("GET").payloadFormatVersion("2.0")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("payloadFormatVersion");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
            .integrationUri("https://x.example").integrationMethod("GET").requestParameters(Map.of("bogus", "x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("requestParameters");
    assertThatThrownBy(() -> v2.getIntegration(r -> r.apiId(api).integrationId("nope123")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void routesTargetIntegrationsAndConflictOnTheSameKey() {
    String api = httpApi();
    String integration = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY)
        .integrationUri(LAMBDA).payloadFormatVersion("2.0")).integrationId();
    var route = v2.createRoute(r -> r.apiId(api).routeKey("GET /pets/{id}").target("integrations/" + integration));
    assertThat(route.routeId()).matches("[a-z0-9]{7}");
    assertThat(route.authorizationTypeAsString()).isEqualTo("NONE");
    assertThat(route.apiKeyRequired()).isFalse();
    assertThat(route.target()).isEqualTo("integrations/" + integration);

    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /pets/{id}")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /pets/{petId}")))
        .isInstanceOf(ConflictException.class);
    v2.createRoute(r -> r.apiId(api).routeKey("POST /pets/{id}"));
    v2.createRoute(r -> r.apiId(api).routeKey("ANY /{proxy+}"));
    v2.createRoute(r -> r.apiId(api).routeKey("$default"));

    var updated = v2.updateRoute(r -> r.apiId(api).routeId(route.routeId()).routeKey("GET /cats/{id}"));
    assertThat(updated.routeKey()).isEqualTo("GET /cats/{id}");
    assertThat(updated.target()).isEqualTo("integrations/" + integration);

    assertThatThrownBy(() -> v2.deleteIntegration(r -> r.apiId(api).integrationId(integration)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /x").target("integrations/missing")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /x").target("lambda")))
        .isInstanceOf(BadRequestException.class);

    v2.deleteRoute(r -> r.apiId(api).routeId(route.routeId()));
    assertThatThrownBy(() -> v2.getRoute(r -> r.apiId(api).routeId(route.routeId())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Route identifier");
    v2.deleteIntegration(r -> r.apiId(api).integrationId(integration));
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "GET pets", "FETCH /pets", "GET /pets/", "GET //pets", "GET /{proxy+}/x",
      "GET /a/{id}/{id}", "GET /pets{id}", "get /pets", "GET /a b"})
  void refusesMalformedRouteKeys(String key) {
    String api = httpApi();
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey(key)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("routeKey");
  }

  @Test
  void pagesRoutesWithNextToken() {
    String api = httpApi();
    for (int i = 0; i < 7; i++) {
      int n = i;
      v2.createRoute(r -> r.apiId(api).routeKey("GET /r" + n));
    }
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetRoutesResponse page = v2.getRoutes(r -> r.apiId(api).maxResults("3").nextToken(next));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
      page.items().forEach(route -> keys.add(route.routeKey()));
      token = page.nextToken();
    } while (token != null);
    assertThat(keys).containsExactly("GET /r0", "GET /r1", "GET /r2", "GET /r3", "GET /r4", "GET /r5", "GET /r6");
  }

  @Test
  void webSocketRoutesAndIntegrations() {
    String api = v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action")).apiId();
    var mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    assertThat(mock.timeoutInMillis()).isEqualTo(29000);
    assertThat(mock.passthroughBehaviorAsString()).isEqualTo("WHEN_NO_MATCH");
    assertThat(mock.integrationResponseSelectionExpression()).isEqualTo("${integration.response.statuscode}");
    for (String key : List.of("$connect", "$disconnect", "$default", "sendMessage")) {
      v2.createRoute(r -> r.apiId(api).routeKey(key).target("integrations/" + mock.integrationId()));
    }
    assertThat(v2.getRoutes(r -> r.apiId(api)).items()).hasSize(4);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("sendMessage")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY)
            .integrationUri("https://x.example").integrationMethod("POST").timeoutInMillis(29001)))
        .isInstanceOf(BadRequestException.class);
  }
}
