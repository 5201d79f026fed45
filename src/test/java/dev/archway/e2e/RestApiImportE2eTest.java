package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ImportRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** ImportRestApi of AWS's PetStore example (Swagger 2.0): what it creates, and that the imported API answers. */
class RestApiImportE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();

  static ApiGatewayClient aws;
  static HostStyleClient client;
  static ImportRestApiResponse imported;

  @BeforeAll
  static void importPetStore() {
    aws = server.client();
    client = new HostStyleClient(server.port());
    imported = aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(OpenApiFixtures.definition("petstore-rest.json", echo.url()))));
    aws.createDeployment(r -> r.restApiId(imported.id()).stageName("dev"));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void infoNamesTheApi() {
    assertThat(imported.name()).isEqualTo("PetStore");
    assertThat(imported.description()).startsWith("Your first API with Amazon API Gateway.");
    assertThat(imported.version()).isEqualTo("2022-12-20T17:56:02Z");
    assertThat(imported.warnings()).isEmpty();
    assertThat(imported.endpointConfiguration().typesAsStrings()).containsExactly("EDGE");
    assertThat(aws.getRestApi(r -> r.restApiId(imported.id())).name()).isEqualTo("PetStore");
  }

  @Test
  void pathsAreResourcesAndOperationsMethods() {
    Map<String, Resource> resources = resources(aws, imported.id());
    assertThat(resources).containsOnlyKeys("/", "/pets", "/pets/{petId}");
    assertThat(resources.get("/").resourceMethods()).containsOnlyKeys("GET");
    assertThat(resources.get("/pets").resourceMethods()).containsOnlyKeys("GET", "POST", "OPTIONS");
    assertThat(resources.get("/pets/{petId}").resourceMethods()).containsOnlyKeys("GET", "OPTIONS");

    Method list = resources.get("/pets").resourceMethods().get("GET");
    assertThat(list.authorizationType()).isEqualTo("NONE");
    assertThat(list.apiKeyRequired()).isFalse();
    assertThat(list.requestParameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("method.request.querystring.type", false, "method.request.querystring.page", false));
    assertThat(list.methodResponses().get("200").responseModels()).containsEntry("application/json", "Pets");
    assertThat(list.methodResponses().get("200").responseParameters())
        .containsEntry("method.response.header.Access-Control-Allow-Origin", false);
    assertThat(list.methodIntegration().typeAsString()).isEqualTo("HTTP");
    assertThat(list.methodIntegration().httpMethod()).isEqualTo("GET");
    assertThat(list.methodIntegration().uri()).isEqualTo(echo.url() + "/petstore/pets");
    assertThat(list.methodIntegration().passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
    assertThat(list.methodIntegration().requestParameters())
        .containsEntry("integration.request.querystring.page", "method.request.querystring.page");
    assertThat(list.methodIntegration().integrationResponses().get("200").responseParameters())
        .containsEntry("method.response.header.Access-Control-Allow-Origin", "'*'");

    Method create = resources.get("/pets").resourceMethods().get("POST");
    assertThat(create.operationName()).isEqualTo("CreatePet");
    assertThat(create.requestModels()).containsEntry("application/json", "NewPet");
    Method get = resources.get("/pets/{petId}").resourceMethods().get("GET");
    assertThat(get.requestParameters()).containsEntry("method.request.path.petId", true);
    assertThat(get.methodIntegration().requestParameters()).containsEntry("integration.request.path.petId", "method.request.path.petId");
    Method root = resources.get("/").resourceMethods().get("GET");
    assertThat(root.methodIntegration().typeAsString()).isEqualTo("MOCK");
    assertThat(root.methodIntegration().integrationResponses().get("200").responseTemplates()).containsKey("text/html");
  }

  @Test
  void definitionsAreModelsThatNameEachOther() {
    Map<String, String> models = aws.getModels(r -> r.restApiId(imported.id())).items().stream()
        .collect(Collectors.toMap(m -> m.name(), m -> m.schema()));
    assertThat(models).containsKeys("Pets", "Empty", "Error", "NewPetResponse", "Pet", "NewPet", "PetType");
    assertThat(models.get("Pets")).contains("https://apigateway.amazonaws.com/restapis/" + imported.id() + "/models/Pet");
    assertThat(new JsonObject(models.get("PetType")).getJsonArray("enum")).contains("gecko");
    String flat = aws.getModel(r -> r.restApiId(imported.id()).modelName("NewPetResponse").flatten(true)).schema();
    assertThat(flat).contains("\"price\"");
  }

  @Test
  void theImportedPetStoreAnswers() {
    Response home = client.get(imported.id(), "/dev/");
    assertThat(home.status()).isEqualTo(200);
    assertThat(home.header("Content-Type")).startsWith("text/html");
    assertThat(home.body()).contains("Welcome to your Pet Store API").contains("href=\"/dev/pets/\"");

    Response pets = client.get(imported.id(), "/dev/pets?type=dog&page=2&other=x");
    assertThat(pets.status()).isEqualTo(200);
    assertThat(pets.header("Access-Control-Allow-Origin")).isEqualTo("*");
    JsonObject listed = new JsonObject(pets.body());
    assertThat(listed.getString("path")).isEqualTo("/petstore/pets");
    assertThat(listed.getString("query")).contains("type=dog").contains("page=2").doesNotContain("other");

    JsonObject pet = new JsonObject(client.get(imported.id(), "/dev/pets/42").body());
    assertThat(pet.getString("path")).isEqualTo("/petstore/pets/42");

    Response created = client.send("POST", imported.id(), "/dev/pets", Map.of("Content-Type", "application/json"),
        "{\"type\":\"cat\",\"price\":123.11}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(new JsonObject(created.body()).getString("method")).isEqualTo("POST");
    assertThat(new JsonObject(created.body()).getString("body")).contains("\"cat\"");

    Response preflight = client.send("OPTIONS", imported.id(), "/dev/pets", Map.of(), null);
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("POST,GET,OPTIONS");
  }

  static Map<String, Resource> resources(ApiGatewayClient aws, String apiId) {
    return aws.getResources(r -> r.restApiId(apiId).embed("methods").limit(500)).items().stream()
        .collect(Collectors.toMap(Resource::path, r -> r));
  }
}
