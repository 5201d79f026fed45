package dev.archway.control.openapi.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.control.openapi.rest.RestDefinition.Operation;
import dev.archway.control.wire.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RestDefinitionReaderTest {
  private static RestDefinition read(String yaml) {
    return read(yaml, null);
  }

  private static RestDefinition read(String yaml, String basepath) {
    return RestDefinitionReader.read(yaml.getBytes(StandardCharsets.UTF_8), basepath, true);
  }

  private static Operation operation(RestDefinition d, String path, String verb) {
    return d.operations().stream().filter(o -> o.path().equals(path) && o.httpMethod().equals(verb)).findFirst().orElseThrow();
  }

  @Test
  void swaggerBodiesTakeConsumesAndProducesOrJson() {
    RestDefinition d = read("""
        swagger: '2.0'
        info: {title: t, version: '1'}
        produces: [application/xml]
        paths:
          /a:
            post:
              parameters:
                - {in: body, name: body, schema: {$ref: '#/definitions/A'}}
                - {in: formData, name: f, type: string}
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/A'}}}
          /b:
            put:
              consumes: [text/plain]
              parameters: [{in: body, name: body, schema: {type: string}}]
              responses: {'204': {description: none}}
        definitions:
          A: {type: object}
        """);
    Operation a = operation(d, "/a", "POST");
    assertThat(a.method().path("requestModels").path("application/json").asText()).isEqualTo("A");
    assertThat(a.methodResponses().get("200").path("responseModels").path("application/xml").asText()).isEqualTo("A");
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("formData parameter f"));
    Operation b = operation(d, "/b", "PUT");
    assertThat(b.method().path("requestModels").path("text/plain").asText()).matches("MODEL[0-9a-f]{6}");
    assertThat(d.paths()).containsExactly("/", "/a", "/b");
  }

  @Test
  void basePathIsIgnoredPrependedOrSplit() {
    String definition = """
        swagger: '2.0'
        info: {title: t, version: '1'}
        basePath: /v1/shop
        paths:
          /pets: {get: {responses: {'200': {description: ok}}}}
        """;
    assertThat(read(definition).operations()).extracting(Operation::path).containsExactly("/pets");
    assertThat(read(definition, "prepend").paths()).containsExactly("/", "/v1", "/v1/shop", "/v1/shop/pets");
    assertThat(read(definition, "split").operations()).extracting(Operation::path).containsExactly("/shop/pets");
  }

  @Test
  void securityRequirementsAndTheAuthExtension() {
    RestDefinition d = read("""
        openapi: 3.1.0
        info: {title: t, version: '1'}
        security: [{key: []}]
        paths:
          /open: {get: {security: [], responses: {'200': {description: ok}}}}
          /keyed: {get: {responses: {'200': {description: ok}}}}
          /iam:
            get:
              x-amazon-apigateway-auth: {type: aws_iam}
              security: [{oauth: []}, {key: []}]
              responses: {'200': {description: ok}}
        components:
          securitySchemes:
            key: {type: apiKey, name: X-API-Key, in: header}
            oauth: {type: oauth2, flows: {}}
        """);
    assertThat(operation(d, "/open", "GET").method().path("apiKeyRequired").asBoolean()).isFalse();
    assertThat(operation(d, "/keyed", "GET").method().path("apiKeyRequired").asBoolean()).isTrue();
    assertThat(operation(d, "/iam", "GET").method().path("authorizationType").asText()).isEqualTo("AWS_IAM");
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("components.securitySchemes.oauth is not an API Gateway authorizer"))
        .anySatisfy(w -> assertThat(w).contains("only the first was imported"));
  }

  @Test
  void integrationsReadEveryMemberInEitherCase() {
    RestDefinition d = read("""
        openapi: 3.0.1
        info: {title: t, version: '1'}
        paths:
          /v:
            get:
              responses: {'200': {description: ok}, default: {description: other}}
              x-amazon-apigateway-integration:
                type: HTTP_PROXY
                httpMethod: get
                uri: http://nlb.internal/v
                connectionType: vpc_link
                connectionId: abc123
                integrationTarget: arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x
                responses:
                  '2\\d\\d': {statusCode: '200'}
                  '.*': {statusCode: '200'}
            trace: {responses: {'200': {description: ok}}}
        """);
    Operation v = operation(d, "/v", "GET");
    assertThat(v.integration().path("type").asText()).isEqualTo("HTTP_PROXY");
    assertThat(v.integration().path("httpMethod").asText()).isEqualTo("GET");
    assertThat(v.integration().path("connectionType").asText()).isEqualTo("VPC_LINK");
    assertThat(v.integration().path("connectionId").asText()).isEqualTo("abc123");
    assertThat(v.integrationResponses().get("200").path("selectionPattern").asText()).isEqualTo(".*");
    assertThat(d.warnings()).anySatisfy(w -> assertThat(w).contains("integrationTarget is not a member"))
        .anySatisfy(w -> assertThat(w).contains("two selection patterns select status 200"))
        .anySatisfy(w -> assertThat(w).contains("responses.default: method responses are keyed by status code"))
        .anySatisfy(w -> assertThat(w).contains("(trace) is not an operation"));
  }

  @Test
  void modelsNameEachOtherLocallyUntilTheApiHasAnId() {
    RestDefinition d = read("""
        openapi: 3.0.1
        info: {title: t, version: '1'}
        paths: {}
        components:
          schemas:
            A: {type: object, properties: {b: {$ref: '#/components/schemas/B'}}}
            B: {type: string}
        """);
    var a = d.models().get(0);
    assertThat(RestDefinition.namesModels(a)).isTrue();
    assertThat(RestDefinition.modelSchema(a, "api1")).contains("https://apigateway.amazonaws.com/restapis/api1/models/B");
    assertThat(RestDefinition.namesModels(d.models().get(1))).isFalse();
  }

  @Test
  void documentationIsReadUnlessIgnored() {
    String definition = """
        swagger: '2.0'
        info: {title: t, version: '1'}
        paths: {}
        x-amazon-apigateway-documentation: {documentationParts: [{location: {type: API}, properties: {}}]}
        """;
    assertThat(read(definition).documentation()).isNotNull();
    assertThat(RestDefinitionReader.read(definition.getBytes(StandardCharsets.UTF_8), null, false).documentation()).isNull();
  }

  @Test
  void whatIsNoOpenApiDefinitionIsInvalidInput() {
    assertThatThrownBy(() -> read("{\"name\": \"x\"}")).isInstanceOf(ApiException.class).hasMessage("Invalid OpenAPI input.");
    assertThatThrownBy(() -> read("swagger: '1.2'\ninfo: {title: t}\n")).hasMessage("Invalid OpenAPI input.");
  }
}
