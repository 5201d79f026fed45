package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** PutRestApi: merge into an API, overwrite it, and change nothing when the definition is refused. */
class RestApiPutE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();

  private static final String STORES = """
      swagger: "2.0"
      info: {title: PetStore v2, version: "2"}
      x-amazon-apigateway-binary-media-types: [image/gif]
      paths:
        /pets:
          get:
            responses: {"200": {description: ok}}
            x-amazon-apigateway-integration:
              type: http
              httpMethod: GET
              uri: ECHO/v2/pets
              responses: {default: {statusCode: "200"}}
        /stores/{storeId}:
          get:
            parameters: [{name: storeId, in: path, required: true, type: string}]
            responses: {"200": {description: ok, schema: {$ref: "#/definitions/Store"}}}
            x-amazon-apigateway-integration:
              type: mock
              requestTemplates: {application/json: '{"statusCode": 200}'}
              responses: {default: {statusCode: "200"}}
      definitions:
        Store: {type: object, properties: {name: {type: string}}}
      """;

  @Test
  void mergeAddsAndReplacesAndKeepsTheRest() {
    ApiGatewayClient aws = server.client();
    String api = petStore();
    aws.createDeployment(r -> r.restApiId(api).stageName("dev"));
    var merged = aws.putRestApi(r -> r.restApiId(api).mode(PutMode.MERGE).body(definition(STORES)));
    assertThat(merged.id()).isEqualTo(api);
    assertThat(merged.name()).isEqualTo("PetStore v2");
    assertThat(merged.description()).startsWith("Your first API");
    assertThat(merged.binaryMediaTypes()).containsExactly("image/gif");
    Map<String, Resource> resources = RestApiImportE2eTest.resources(aws, api);
    assertThat(resources).containsKeys("/", "/pets", "/pets/{petId}", "/stores", "/stores/{storeId}");
    assertThat(resources.get("/pets").resourceMethods()).containsOnlyKeys("GET", "POST", "OPTIONS");
    assertThat(resources.get("/pets").resourceMethods().get("GET").methodIntegration().uri()).isEqualTo(echo.url() + "/v2/pets");
    assertThat(resources.get("/pets").resourceMethods().get("GET").requestParameters()).isNullOrEmpty();
    assertThat(resources.get("/pets").resourceMethods().get("POST").requestModels()).containsEntry("application/json", "NewPet");
    assertThat(models(api)).contains("Store", "Pet", "NewPet");
    assertThat(aws.getStages(r -> r.restApiId(api)).item()).hasSize(1);
  }

  @Test
  void overwriteReplacesTheDefinitionAndKeepsStagesAndTags() {
    ApiGatewayClient aws = server.client();
    String api = petStore();
    aws.tagResource(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/restapis/" + api).tags(Map.of("team", "pets")));
    String deployment = aws.createDeployment(r -> r.restApiId(api).stageName("dev")).id();
    aws.putRestApi(r -> r.restApiId(api).mode(PutMode.OVERWRITE).body(definition(STORES)));
    Map<String, Resource> resources = RestApiImportE2eTest.resources(aws, api);
    assertThat(resources).containsOnlyKeys("/", "/pets", "/stores", "/stores/{storeId}");
    assertThat(resources.get("/").resourceMethods()).isNullOrEmpty();
    assertThat(resources.get("/pets").resourceMethods()).containsOnlyKeys("GET");
    assertThat(models(api)).containsExactlyInAnyOrder("Empty", "Error", "Store");
    var after = aws.getRestApi(r -> r.restApiId(api));
    assertThat(after.description()).isNull();
    assertThat(after.tags()).containsEntry("team", "pets");
    assertThat(aws.getStage(r -> r.restApiId(api).stageName("dev")).deploymentId()).isEqualTo(deployment);
  }

  @Test
  void aRefusedDefinitionChangesNothing() {
    ApiGatewayClient aws = server.client();
    String api = petStore();
    Map<String, Resource> before = RestApiImportE2eTest.resources(aws, api);
    String broken = STORES.replace("'{\"statusCode\": 200}'", "'#foreach($x in [1..3]) #end #parse(\"evil\")'");
    assertThatThrownBy(() -> aws.putRestApi(r -> r.restApiId(api).mode(PutMode.OVERWRITE).body(definition(broken))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Errors found during import")
        .hasMessageContaining("Unable to put integration on 'GET' for resource at path '/stores/{storeId}'");
    assertThat(RestApiImportE2eTest.resources(aws, api)).isEqualTo(before);
    assertThat(aws.getRestApi(r -> r.restApiId(api)).name()).isEqualTo("PetStore");

    String warned = STORES.replace("x-amazon-apigateway-binary-media-types", "x-amazon-apigateway-unheard-of");
    assertThatThrownBy(() -> aws.putRestApi(r -> r.restApiId(api).failOnWarnings(true).body(definition(warned))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Warnings found during import:")
        .hasMessageContaining("x-amazon-apigateway-unheard-of");
    assertThat(RestApiImportE2eTest.resources(aws, api)).isEqualTo(before);
    var accepted = aws.putRestApi(r -> r.restApiId(api).body(definition(warned)));
    assertThat(accepted.warnings()).anySatisfy(w -> assertThat(w).contains("x-amazon-apigateway-unheard-of"));

    assertThatThrownBy(() -> aws.putRestApi(r -> r.restApiId("nope123456").body(definition(STORES))))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.putRestApi(r -> r.restApiId(api).mode("replace").body(definition(STORES))))
        .hasMessageContaining("merge, overwrite");
  }

  private static String petStore() {
    return server.client().importRestApi(r -> r.body(definition(OpenApiFixtures.definition("petstore-rest.json", echo.url())))).id();
  }

  private static SdkBytes definition(String text) {
    return SdkBytes.fromUtf8String(text.replace("ECHO", echo.url()));
  }

  private static java.util.Set<String> models(String api) {
    return server.client().getModels(r -> r.restApiId(api)).items().stream().map(m -> m.name()).collect(Collectors.toSet());
  }
}
