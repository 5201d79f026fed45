package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.GetExportResponse;
import software.amazon.awssdk.services.apigateway.model.ImportRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** GetExport of a stage's deployment, and import → export → import losing nothing. */
class RestApiExportE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void oas30WritesTheDeployedApiWithItsIntegrations() throws Exception {
    ApiGatewayClient aws = server.client();
    String api = imported("petstore-rest.json").id();
    aws.createDeployment(r -> r.restApiId(api).stageName("dev"));
    String root = aws.getResources(r -> r.restApiId(api)).items().stream().filter(r -> r.path().equals("/")).findFirst().orElseThrow().id();
    aws.putMethod(r -> r.restApiId(api).resourceId(root).httpMethod("DELETE").authorizationType("NONE")); // draft only

    GetExportResponse export = export(api, "dev", "oas30", "application/json", "integrations");
    assertThat(export.contentType()).isEqualTo("application/json");
    assertThat(export.contentDisposition()).contains("attachment").contains(".json");
    JsonNode doc = JSON.readTree(export.body().asUtf8String());
    assertThat(doc.path("openapi").asText()).isEqualTo("3.0.1");
    assertThat(doc.path("info").path("title").asText()).isEqualTo("PetStore");
    assertThat(doc.path("servers").path(0).path("url").asText()).isEqualTo("http://" + api + ".execute-api.localhost:" + server.port() + "/{basePath}");
    assertThat(doc.path("servers").path(0).path("variables").path("basePath").path("default").asText()).isEqualTo("/dev");
    assertThat(doc.path("paths").path("/").has("delete")).isFalse();
    JsonNode list = doc.path("paths").path("/pets").path("get");
    assertThat(list.path("parameters").findValuesAsText("name")).containsExactlyInAnyOrder("page", "type");
    assertThat(list.path("responses").path("200").path("content").path("application/json").path("schema").path("$ref").asText())
        .isEqualTo("#/components/schemas/Pets");
    assertThat(list.path("x-amazon-apigateway-integration").path("type").asText()).isEqualTo("http");
    assertThat(list.path("x-amazon-apigateway-integration").path("uri").asText()).isEqualTo(echo.url() + "/petstore/pets");
    assertThat(doc.path("paths").path("/pets").path("post").path("requestBody").path("content").path("application/json")
        .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/NewPet");
    assertThat(doc.path("components").path("schemas").path("Pets").path("items").path("$ref").asText())
        .isEqualTo("#/components/schemas/Pet");
    assertThat(doc.has("x-amazon-apigateway-binary-media-types")).isFalse();

    JsonNode plain = JSON.readTree(export(api, "dev", "oas30", null, null).body().asUtf8String());
    assertThat(plain.path("paths").path("/pets").path("get").has("x-amazon-apigateway-integration")).isFalse();
  }

  @Test
  void swaggerAndYaml() throws Exception {
    ApiGatewayClient aws = server.client();
    String api = imported("every-extension-rest.yaml").id();
    aws.createDeployment(r -> r.restApiId(api).stageName("prod"));
    GetExportResponse export = export(api, "prod", "swagger", "application/yaml", "apigateway");
    assertThat(export.contentType()).isEqualTo("application/yaml");
    JsonNode doc = new YAMLMapper().readTree(export.body().asUtf8String());
    assertThat(doc.path("swagger").asText()).isEqualTo("2.0");
    assertThat(doc.path("basePath").asText()).isEqualTo("/prod");
    assertThat(doc.path("host").asText()).isEqualTo(api + ".execute-api.localhost:" + server.port());
    assertThat(doc.path("definitions").has("Pet")).isTrue();
    assertThat(doc.path("securityDefinitions").path("token-auth").path("x-amazon-apigateway-authorizer").path("type").asText())
        .isEqualTo("token");
    JsonNode create = doc.path("paths").path("/pets").path("post");
    assertThat(create.path("consumes").path(0).asText()).isEqualTo("application/json");
    assertThat(create.path("parameters").path(0).path("in").asText()).isEqualTo("body");
    assertThat(create.path("x-amazon-apigateway-request-validator").asText()).isEqualTo("all");
    assertThat(doc.path("x-amazon-apigateway-gateway-responses").has("MISSING_AUTHENTICATION_TOKEN")).isTrue();
    assertThat(doc.path("paths").path("/admin").has("x-amazon-apigateway-any-method")).isTrue();
  }

  @Test
  void importExportImportLosesNothing() throws Exception {
    for (String fixture : new String[] {"petstore-rest.json", "every-extension-rest.yaml"}) {
      for (String type : new String[] {"oas30", "swagger"}) {
        assertLossless(fixture, type);
      }
    }
  }

  @Test
  void theStagesDocumentationVersionIsExported() throws Exception {
    ApiGatewayClient aws = server.client();
    String api = imported("every-extension-rest.yaml").id();
    aws.createDeployment(r -> r.restApiId(api).stageName("prod"));
    JsonNode without = JSON.readTree(export(api, "prod", "oas30", null, "documentation").body().asUtf8String());
    assertThat(without.has("x-amazon-apigateway-documentation")).isFalse();
    aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.0").stageName("prod"));
    JsonNode doc = JSON.readTree(export(api, "prod", "oas30", null, "documentation").body().asUtf8String());
    assertThat(doc.path("x-amazon-apigateway-documentation").path("version").asText()).isEqualTo("1.0");
    assertThat(doc.path("x-amazon-apigateway-documentation").path("documentationParts")).hasSize(5);
    assertThat(doc.path("info").path("description").asText()).isEqualTo("Documented API");
    JsonNode list = doc.path("paths").path("/pets").path("get");
    assertThat(list.path("summary").asText()).isEqualTo("List pets");
    JsonNode page = null;
    for (JsonNode parameter : list.path("parameters")) {
      page = parameter.path("name").asText().equals("page") ? parameter : page;
    }
    assertThat(page.path("description").asText()).isEqualTo("The page to show");
    assertThat(list.path("responses").path("200").path("description").asText()).isEqualTo("It worked");
    assertThat(doc.path("paths").path("/pets").path("post").path("responses").path("201").path("description").asText())
        .isEqualTo("201 response");
    assertThat(doc.path("components").path("schemas").path("Pet").path("description").asText()).isEqualTo("A pet");
  }

  @Test
  void refusals() {
    ApiGatewayClient aws = server.client();
    String api = aws.createRestApi(r -> r.name("bare")).id();
    String root = aws.getResources(r -> r.restApiId(api)).items().get(0).id();
    aws.putMethod(r -> r.restApiId(api).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(api).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK));
    aws.createDeployment(r -> r.restApiId(api).stageName("s"));
    assertThatThrownBy(() -> export(api, "nope", "oas30", null, null)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> export(api, "s", "raml", null, null)).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("oas30 or swagger");
    assertThatThrownBy(() -> export(api, "s", "oas30", "text/html", null)).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> export(api, "s", "oas30", null, "everything")).isInstanceOf(BadRequestException.class);
    assertThat(export(api, "s", "oas30", null, "postman").body().asUtf8String()).contains("\"openapi\"");
  }

  /** Import → export → import → export gives the same document (up to the API's id), in either dialect, with every extension. */
  private static void assertLossless(String fixture, String type) throws Exception {
    ApiGatewayClient aws = server.client();
    String first = imported(fixture).id();
    String exported = exportEverything(first, type);
    ImportRestApiResponse second = aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(exported)));
    assertThat(second.warnings()).as("%s %s", fixture, type).isEmpty();
    String again = exportEverything(second.id(), type);
    assertThat(JSON.readTree(again.replace(second.id(), "API"))).as("%s %s", fixture, type)
        .isEqualTo(JSON.readTree(exported.replace(first, "API")));
  }

  private static String exportEverything(String api, String type) {
    ApiGatewayClient aws = server.client();
    aws.createDeployment(r -> r.restApiId(api).stageName("rt"));
    aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("rt").stageName("rt"));
    return export(api, "rt", type, null, "apigateway,documentation").body().asUtf8String();
  }

  private static ImportRestApiResponse imported(String fixture) {
    return server.client().importRestApi(r -> r.body(SdkBytes.fromUtf8String(OpenApiFixtures.definition(fixture, echo.url()))));
  }

  private static GetExportResponse export(String api, String stage, String type, String accept, String extensions) {
    return server.client().getExport(r -> r.restApiId(api).stageName(stage).exportType(type).accepts(accept)
        .parameters(extensions == null ? Map.of() : Map.of("extensions", extensions)));
  }
}
