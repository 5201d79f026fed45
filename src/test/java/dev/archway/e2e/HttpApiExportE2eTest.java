package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.V2Clients;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.Authorizer;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.Integration;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.Route;

/** ExportApi: OAS 3.0 in JSON and YAML, of the draft or of a stage, and export -> import yields the same API. */
class HttpApiExportE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new YAMLMapper();
  static ApiGatewayV2Client v2;
  static String apiId;

  @BeforeAll
  static void importPetStore() {
    v2 = V2Clients.of(server);
    apiId = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url()))).apiId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /iam").authorizationType("AWS_IAM"));
  }

  static String export(String api, String outputType, String stage, Boolean extensions) {
    return v2.exportApi(r -> r.apiId(api).specification("OAS30").outputType(outputType).stageName(stage)
        .includeExtensions(extensions)).body().asUtf8String();
  }

  @Test
  void jsonExportCarriesRoutesIntegrationsAuthorizersAndCors() throws Exception {
    JsonNode doc = JSON.readTree(export(apiId, "JSON", null, null));
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.1");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("PetStore");
    assertThat(doc.path("x-amazon-apigateway-importexport-version").asText()).isEqualTo("1.0");
    assertThat(doc.path("servers").get(0).path("url").asText()).contains(apiId).endsWith("/{basePath}");
    JsonNode list = doc.path("paths").path("/pets").path("get");
    assertThat(list.path("operationId").asText()).isEqualTo("ListPets");
    assertThat(list.path("x-amazon-apigateway-integration").path("type").asText()).isEqualTo("http_proxy");
    assertThat(list.path("x-amazon-apigateway-integration").path("uri").asText()).isEqualTo(echo.url() + "/pets");
    JsonNode create = doc.path("paths").path("/pets").path("post");
    assertThat(create.path("security").get(0).path("jwt-auth").get(0).asText()).isEqualTo("pets/write");
    assertThat(create.path("x-amazon-apigateway-integration").path("$ref").asText())
        .startsWith("#/components/x-amazon-apigateway-integrations/");
    assertThat(doc.path("paths").path("/pets/{petId}").path("get").path("parameters").get(0).path("name").asText()).isEqualTo("petId");
    assertThat(doc.path("paths").path("$default").path("x-amazon-apigateway-any-method").path("isDefaultRoute").asBoolean()).isTrue();
    assertThat(doc.path("paths").path("/iam").path("get").path("security").get(0).has("sigv4")).isTrue();
    JsonNode schemes = doc.path("components").path("securitySchemes");
    assertThat(schemes.path("jwt-auth").path("x-amazon-apigateway-authorizer").path("jwtConfiguration").path("issuer").asText())
        .isEqualTo("https://issuer.example.com");
    assertThat(schemes.path("lambda-auth").path("x-amazon-apigateway-authorizer").path("type").asText()).isEqualTo("request");
    assertThat(schemes.path("sigv4").path("x-amazon-apigateway-authtype").asText()).isEqualTo("awsSigv4");
    assertThat(doc.path("x-amazon-apigateway-cors").path("allowOrigins").get(0).asText()).isEqualTo("https://www.example.com");
  }

  @Test
  void yamlExportReadsAsTheSameDocument() throws Exception {
    assertThat(YAML.readTree(export(apiId, "YAML", null, null))).isEqualTo(JSON.readTree(export(apiId, "JSON", null, null)));
  }

  @Test
  void withoutExtensionsTheExportIsPlainOpenApi() {
    String plain = export(apiId, "JSON", null, false);
    assertThat(plain).doesNotContain("x-amazon-apigateway").doesNotContain("$default").contains("/pets/{petId}");
  }

  @Test
  void exportThenImportYieldsAnEquivalentApi() {
    for (String outputType : new String[] {"JSON", "YAML"}) {
      String exported = export(apiId, outputType, null, null);
      String copy = v2.importApi(r -> r.body(exported).failOnWarnings(true)).apiId();
      assertThat(describe(copy)).as(outputType).isEqualTo(describe(apiId));
      assertThat(v2.getApi(r -> r.apiId(copy)).corsConfiguration()).isEqualTo(v2.getApi(r -> r.apiId(apiId)).corsConfiguration());
      assertThat(v2.getApi(r -> r.apiId(copy)).tags()).isEqualTo(v2.getApi(r -> r.apiId(apiId)).tags());
    }
  }

  @Test
  void aStageExportShowsWhatTheStageServesNotTheDraft() throws Exception {
    String api = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url()))).apiId();
    String deployment = v2.createDeployment(r -> r.apiId(api)).deploymentId();
    v2.createStage(r -> r.apiId(api).stageName("prod").deploymentId(deployment));
    v2.createRoute(r -> r.apiId(api).routeKey("GET /added-later"));

    JsonNode stage = JSON.readTree(export(api, "JSON", "prod", null));
    assertThat(stage.path("paths").has("/added-later")).isFalse();
    assertThat(stage.path("servers").get(0).path("variables").path("basePath").path("default").asText()).isEqualTo("prod");
    assertThat(JSON.readTree(export(api, "JSON", null, null)).path("paths").has("/added-later")).isTrue();

    v2.createStage(r -> r.apiId(api).stageName("empty"));
    assertThatThrownBy(() -> export(api, "JSON", "empty", null)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("no deployment");
    assertThatThrownBy(() -> export(api, "JSON", "nope", null)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void badParametersAreBadRequests() {
    assertThatThrownBy(() -> v2.exportApi(r -> r.apiId(apiId).specification("OAS20").outputType("JSON")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid specification");
    assertThatThrownBy(() -> v2.exportApi(r -> r.apiId(apiId).specification("OAS30").outputType("XML")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("outputType");
    assertThatThrownBy(() -> v2.exportApi(r -> r.apiId(apiId).specification("OAS30").outputType("JSON").exportVersion("2.0")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("exportVersion");
    assertThatThrownBy(() -> v2.exportApi(r -> r.apiId("nosuchapi0").specification("OAS30").outputType("JSON")))
        .isInstanceOf(NotFoundException.class);
  }

  /** An API's routes in words that do not depend on ids: key, authorization, operation name and integration. */
  static Map<String, String> describe(String api) {
    Map<String, Integration> integrations = v2.getIntegrations(r -> r.apiId(api)).items().stream()
        .collect(Collectors.toMap(Integration::integrationId, i -> i));
    Map<String, Authorizer> authorizers = v2.getAuthorizers(r -> r.apiId(api)).items().stream()
        .collect(Collectors.toMap(Authorizer::authorizerId, a -> a));
    Map<String, String> out = new TreeMap<>();
    for (Route route : v2.getRoutes(r -> r.apiId(api)).items()) {
      Integration i = route.target() == null ? null : integrations.get(route.target().substring("integrations/".length()));
      Authorizer a = route.authorizerId() == null ? null : authorizers.get(route.authorizerId());
      out.put(route.routeKey(), route.authorizationTypeAsString() + " " + route.authorizationScopes() + " " + route.operationName()
          + " | " + (a == null ? "-" : a.toBuilder().authorizerId(null).build())
          + " | " + (i == null ? "-" : i.toBuilder().integrationId(null).build()));
    }
    return out;
  }
}
