package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.V2Clients;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Authorizer;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.ImportApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** ImportApi of the AWS PetStore as an HTTP API: what it creates, and that the imported API serves. */
class HttpApiImportE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(3) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static ApiGatewayV2Client v2;
  static HostStyleClient client;
  static ImportApiResponse imported;

  @BeforeAll
  static void importPetStore() {
    lambda.register("pets", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200)
        .put("body", new JsonObject().put("from", "lambda").put("path", inv.json().getString("rawPath")).encode()))));
    lambda.register("simple", inv -> Future.succeededFuture(Reply.ok(new JsonObject()
        .put("isAuthorized", "letmein".equals(inv.json().getJsonObject("headers").getString("x-token"))))));
    v2 = V2Clients.of(server);
    client = new HostStyleClient(server.port());
    imported = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url())));
    v2.createStage(r -> r.apiId(imported.apiId()).stageName("$default").autoDeploy(true));
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  @Test
  void infoCorsAndTagsDescribeTheApi() {
    assertThat(imported.name()).isEqualTo("PetStore");
    assertThat(imported.description()).isEqualTo("A Pet Store API.");
    assertThat(imported.version()).isEqualTo("1.0");
    assertThat(imported.protocolTypeAsString()).isEqualTo("HTTP");
    assertThat(imported.routeSelectionExpression()).isEqualTo("$request.method $request.path");
    assertThat(imported.apiEndpoint()).contains(imported.apiId());
    assertThat(imported.warnings()).isEmpty();
    assertThat(imported.corsConfiguration().allowOrigins()).containsExactly("https://www.example.com");
    assertThat(imported.corsConfiguration().maxAge()).isEqualTo(300);
    assertThat(imported.tags()).containsEntry("team", "pets");
    GetApiResponse stored = v2.getApi(r -> r.apiId(imported.apiId()));
    assertThat(stored.name()).isEqualTo("PetStore");
  }

  @Test
  void everyOperationIsARouteAndSharedIntegrationsAreOne() {
    Map<String, Route> routes = routes(imported.apiId());
    assertThat(routes).containsOnlyKeys("GET /pets", "POST /pets", "GET /pets/{petId}", "ANY /admin", "$default");
    assertThat(routes.get("GET /pets").operationName()).isEqualTo("ListPets");
    assertThat(routes.get("POST /pets").target()).isEqualTo(routes.get("GET /pets/{petId}").target());
    Map<String, Integration> integrations = v2.getIntegrations(r -> r.apiId(imported.apiId())).items().stream()
        .collect(Collectors.toMap(Integration::integrationId, i -> i));
    assertThat(integrations).hasSize(4);
    Integration list = integrations.get(routes.get("GET /pets").target().substring("integrations/".length()));
    assertThat(list.integrationTypeAsString()).isEqualTo("HTTP_PROXY");
    assertThat(list.integrationMethod()).isEqualTo("GET");
    assertThat(list.integrationUri()).isEqualTo(echo.url() + "/pets");
    assertThat(list.payloadFormatVersion()).isEqualTo("1.0");
    assertThat(list.timeoutInMillis()).isEqualTo(5000);
    assertThat(list.requestParameters()).containsEntry("append:header.x-imported", "yes");
    Integration pets = integrations.get(routes.get("POST /pets").target().substring("integrations/".length()));
    assertThat(pets.integrationTypeAsString()).isEqualTo("AWS_PROXY");
    assertThat(pets.payloadFormatVersion()).isEqualTo("2.0");
  }

  @Test
  void securitySchemesAreAuthorizersAndSecurityIsRouteAuthorization() {
    Map<String, Authorizer> authorizers = v2.getAuthorizers(r -> r.apiId(imported.apiId())).items().stream()
        .collect(Collectors.toMap(Authorizer::name, a -> a));
    Authorizer jwt = authorizers.get("jwt-auth");
    assertThat(jwt.authorizerTypeAsString()).isEqualTo("JWT");
    assertThat(jwt.jwtConfiguration().issuer()).isEqualTo("https://issuer.example.com");
    assertThat(jwt.jwtConfiguration().audience()).containsExactly("pets");
    assertThat(jwt.identitySource()).containsExactly("$request.header.Authorization");
    Authorizer request = authorizers.get("lambda-auth");
    assertThat(request.authorizerTypeAsString()).isEqualTo("REQUEST");
    assertThat(request.authorizerPayloadFormatVersion()).isEqualTo("2.0");
    assertThat(request.enableSimpleResponses()).isTrue();
    assertThat(request.identitySource()).containsExactly("$request.header.X-Token");

    Map<String, Route> routes = routes(imported.apiId());
    assertThat(routes.get("POST /pets").authorizationTypeAsString()).isEqualTo("JWT");
    assertThat(routes.get("POST /pets").authorizerId()).isEqualTo(jwt.authorizerId());
    assertThat(routes.get("POST /pets").authorizationScopes()).containsExactly("pets/write");
    assertThat(routes.get("ANY /admin").authorizationTypeAsString()).isEqualTo("CUSTOM");
    assertThat(routes.get("ANY /admin").authorizerId()).isEqualTo(request.authorizerId());
    assertThat(routes.get("GET /pets").authorizationTypeAsString()).isEqualTo("NONE");
  }

  @Test
  void theImportedApiServesHttpProxyLambdaAndDefaultRoutes() {
    String apiId = imported.apiId();
    Response list = client.send("GET", apiId, "/pets?type=dog", Map.of(), null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    JsonObject echoed = new JsonObject(list.body());
    assertThat(echoed.getString("path")).isEqualTo("/pets");
    assertThat(echoed.getJsonObject("headers").getString("x-imported")).isEqualTo("yes");

    Response pet = client.send("GET", apiId, "/pets/7", Map.of(), null);
    assertThat(pet.status()).as(pet.body()).isEqualTo(200);
    assertThat(new JsonObject(pet.body()).getString("from")).isEqualTo("lambda");

    Response fallback = client.send("DELETE", apiId, "/whatever", Map.of(), null);
    assertThat(fallback.status()).as(fallback.body()).isEqualTo(200);
    // The $default route's HTTP proxy sends the request's path after the integration's.
    assertThat(new JsonObject(fallback.body()).getString("path")).isEqualTo("/fallback/whatever");
  }

  @Test
  void theImportedLambdaAuthorizerGuardsItsRoute() {
    Response refused = client.send("POST", imported.apiId(), "/admin", Map.of("X-Token", "wrong"), "{}");
    assertThat(refused.status()).isEqualTo(403);
    Response allowed = client.send("POST", imported.apiId(), "/admin", Map.of("X-Token", "letmein"), "{}");
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    assertThat(new JsonObject(allowed.body()).getString("path")).isEqualTo("/admin");
    Response anonymous = client.send("POST", imported.apiId(), "/pets", Map.of(), "{}");
    assertThat(anonymous.status()).isEqualTo(401);
  }

  @Test
  void basepathPrependAndSplitUseTheServerVariable() {
    String definition = OpenApiFixtures.definition("petstore-http.yaml", echo.url());
    String prepended = v2.importApi(r -> r.body(definition).basepath("prepend")).apiId();
    assertThat(routes(prepended)).containsKeys("GET /v1/pets", "GET /v1/pets/{petId}", "$default");
    String split = v2.importApi(r -> r.body(definition.replace("default: /v1", "default: /prod/v2")).basepath("split")).apiId();
    assertThat(routes(split)).containsKeys("GET /v2/pets", "ANY /v2/admin");
    assertThatThrownBy(() -> v2.importApi(r -> r.body(definition).basepath("sideways")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid basepath: sideways");
  }

  @Test
  void unsupportedConstructsAreWarningsThatFailOnWarningsTurnsIntoErrors() {
    String definition = """
        openapi: 3.0.1
        info: {title: Warned, version: '1'}
        paths:
          /legacy:
            get:
              x-amazon-apigateway-integration: {type: aws, httpMethod: POST, uri: 'arn:aws:lambda:us-east-1:000000000000:function:pets'}
          /rest:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: ECHO/rest
                passthroughBehavior: when_no_match
                responses: {default: {statusCode: '200'}}
        x-amazon-apigateway-binary-media-types: [image/png]
        """.replace("ECHO", echo.url());
    ImportApiResponse warned = v2.importApi(r -> r.body(definition));
    assertThat(warned.warnings()).singleElement().asString().contains("integration type aws is not supported");
    assertThat(warned.importInfo()).anyMatch(i -> i.contains("passthroughBehavior"))
        .anyMatch(i -> i.contains("x-amazon-apigateway-binary-media-types"));
    assertThat(routes(warned.apiId()).get("GET /legacy").target()).isNull();
    assertThat(v2.getApi(r -> r.apiId(warned.apiId())).warnings()).hasSize(1);

    int before = v2.getApis(r -> r.maxResults("500")).items().size();
    assertThatThrownBy(() -> v2.importApi(r -> r.body(definition).failOnWarnings(true)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Warnings found during import")
        .hasMessageContaining("integration type aws is not supported");
    assertThat(v2.getApis(r -> r.maxResults("500")).items()).hasSize(before);
  }

  @Test
  void aBadResourceFailsTheWholeImportAndLeavesNothingBehind() {
    int before = v2.getApis(r -> r.maxResults("500")).items().size();
    String definition = """
        {"openapi": "3.0.1", "info": {"title": "Broken", "version": "1"},
         "paths": {
           "/good": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": "http://example.com"}}},
           "/bad": {"get": {"x-amazon-apigateway-integration": {"type": "http_proxy", "httpMethod": "GET", "uri": "not a url"}}}}}
        """;
    assertThatThrownBy(() -> v2.importApi(r -> r.body(definition)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("paths.'/bad'(get).x-amazon-apigateway-integration")
        .hasMessageContaining("Invalid integrationUri");
    assertThat(v2.getApis(r -> r.maxResults("500")).items()).hasSize(before);
  }

  @Test
  void multipleSecurityRequirementsOnOneOperationAreAnError() {
    String definition = """
        openapi: 3.0.1
        info: {title: Twice, version: '1'}
        paths:
          /x:
            get:
              security: [{a: []}, {b: []}]
        components:
          securitySchemes:
            a: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
            b: {type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}
        """;
    assertThatThrownBy(() -> v2.importApi(r -> r.body(definition)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("one security requirement per route");
    String iam = v2.importApi(r -> r.body(definition.replace("[{a: []}, {b: []}]", "[{a: []}]"))).apiId();
    assertThat(routes(iam).get("GET /x").authorizationTypeAsString()).isEqualTo("AWS_IAM");
  }

  @Test
  void swaggerTwoIsNotAnHttpApi() {
    assertThatThrownBy(() -> v2.importApi(r -> r.body("{\"swagger\": \"2.0\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("support only OpenAPI 3.0");
  }

  static Map<String, Route> routes(String apiId) {
    List<Route> all = v2.getRoutes(r -> r.apiId(apiId)).items();
    return all.stream().collect(Collectors.toMap(Route::routeKey, r -> r));
  }
}
