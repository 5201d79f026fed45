package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.GatewayResponse;
import software.amazon.awssdk.services.apigateway.model.ImportRestApiResponse;
import software.amazon.awssdk.services.apigateway.model.Method;
import software.amazon.awssdk.services.apigateway.model.RequestValidator;
import software.amazon.awssdk.services.apigateway.model.Resource;

/** ImportRestApi of an OpenAPI 3.0 YAML definition that uses every x-amazon-apigateway-* extension of REST APIs. */
class RestApiImportExtensionsE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();

  static ApiGatewayClient aws;
  static ImportRestApiResponse api;
  static Map<String, Resource> resources;

  @BeforeAll
  static void importEverything() {
    aws = server.client();
    api = aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(OpenApiFixtures.definition("every-extension-rest.yaml", echo.url()))));
    resources = RestApiImportE2eTest.resources(aws, api.id());
  }

  @Test
  void apiWideExtensionsAreTheApisSettings() {
    assertThat(api.name()).isEqualTo("Everything");
    assertThat(api.version()).isEqualTo("2.1");
    assertThat(api.warnings()).isEmpty();
    assertThat(api.binaryMediaTypes()).containsExactly("image/png", "application/octet-stream");
    assertThat(api.minimumCompressionSize()).isEqualTo(1024);
    assertThat(api.apiKeySourceAsString()).isEqualTo("HEADER");
    assertThat(api.endpointConfiguration().typesAsStrings()).containsExactly("REGIONAL");
    assertThat(api.disableExecuteApiEndpoint()).isFalse();
    assertThat(api.policy()).contains("execute-api:Invoke");
    assertThat(api.tags()).containsEntry("team", "pets").doesNotContainKey("pets");
  }

  @Test
  void securitySchemesAreAuthorizersApiKeysAndIam() {
    Map<String, Authorizer> authorizers = aws.getAuthorizers(r -> r.restApiId(api.id())).items().stream()
        .collect(Collectors.toMap(Authorizer::name, a -> a));
    assertThat(authorizers).containsOnlyKeys("token-auth", "request-auth", "cognito");
    Authorizer token = authorizers.get("token-auth");
    assertThat(token.typeAsString()).isEqualTo("TOKEN");
    assertThat(token.identitySource()).isEqualTo("method.request.header.Authorization");
    assertThat(token.identityValidationExpression()).isEqualTo("^Bearer .+$");
    assertThat(token.authorizerResultTtlInSeconds()).isEqualTo(60);
    assertThat(token.authType()).isEqualTo("custom");
    Authorizer request = authorizers.get("request-auth");
    assertThat(request.typeAsString()).isEqualTo("REQUEST");
    assertThat(request.identitySource()).isEqualTo("method.request.header.x-token, method.request.querystring.t");
    assertThat(request.authorizerCredentials()).isEqualTo("arn:aws:iam::123456789012:role/authorizer");
    assertThat(authorizers.get("cognito").providerARNs()).containsExactly("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123");

    Method list = method("/pets", "GET");
    assertThat(list.apiKeyRequired()).isTrue();
    assertThat(list.authorizationType()).isEqualTo("COGNITO_USER_POOLS");
    assertThat(list.authorizerId()).isEqualTo(authorizers.get("cognito").id());
    assertThat(list.authorizationScopes()).containsExactly("pets/read");
    assertThat(method("/pets/{petId}", "GET").authorizationType()).isEqualTo("CUSTOM");
    assertThat(method("/pets/{petId}", "GET").authorizerId()).isEqualTo(token.id());
    assertThat(method("/lambda", "POST").authorizerId()).isEqualTo(request.id());
    assertThat(method("/admin", "ANY").authorizationType()).isEqualTo("AWS_IAM");
    assertThat(method("/files/{key}", "GET").authorizationType()).isEqualTo("AWS_IAM");
    assertThat(method("/pets", "POST").apiKeyRequired()).isFalse();
  }

  @Test
  void validatorsAndGatewayResponses() {
    Map<String, RequestValidator> validators = aws.getRequestValidators(r -> r.restApiId(api.id())).items().stream()
        .collect(Collectors.toMap(RequestValidator::name, v -> v));
    assertThat(validators.get("all").validateRequestBody()).isTrue();
    assertThat(validators.get("params-only").validateRequestBody()).isFalse();
    assertThat(validators.get("params-only").validateRequestParameters()).isTrue();
    assertThat(method("/pets", "POST").requestValidatorId()).isEqualTo(validators.get("all").id());
    assertThat(method("/pets", "GET").requestValidatorId()).isEqualTo(validators.get("params-only").id());

    Map<String, GatewayResponse> responses = aws.getGatewayResponses(r -> r.restApiId(api.id())).items().stream()
        .collect(Collectors.toMap(GatewayResponse::responseTypeAsString, g -> g));
    GatewayResponse missing = responses.get("MISSING_AUTHENTICATION_TOKEN");
    assertThat(missing.defaultResponse()).isFalse();
    assertThat(missing.statusCode()).isEqualTo("404");
    assertThat(missing.responseParameters()).containsEntry("gatewayresponse.header.x-reason", "'unknown path'");
    assertThat(missing.responseTemplates().get("application/json")).contains("no such path");
    assertThat(responses.get("DEFAULT_4XX").responseParameters()).containsEntry("gatewayresponse.header.Access-Control-Allow-Origin", "'*'");
  }

  @Test
  void integrationsCarryEveryMember() {
    var list = method("/pets", "GET").methodIntegration();
    assertThat(list.typeAsString()).isEqualTo("HTTP");
    assertThat(list.connectionTypeAsString()).isEqualTo("INTERNET");
    assertThat(list.cacheNamespace()).isEqualTo("petlist");
    assertThat(list.cacheKeyParameters()).containsExactly("method.request.querystring.page");
    assertThat(list.timeoutInMillis()).isEqualTo(5000);
    assertThat(list.integrationResponses()).containsOnlyKeys("200", "400");
    assertThat(list.integrationResponses().get("400").selectionPattern()).isEqualTo("4\\d{2}");
    assertThat(list.integrationResponses().get("200").selectionPattern()).isNull();
    var create = method("/pets", "POST").methodIntegration();
    assertThat(create.passthroughBehavior()).isEqualTo("NEVER");
    assertThat(create.contentHandlingAsString()).isEqualTo("CONVERT_TO_TEXT");
    assertThat(create.requestTemplates().get("application/json")).isEqualTo("{\"pet\": $input.json('$')}");
    var proxy = method("/pets/{petId}", "GET").methodIntegration();
    assertThat(proxy.typeAsString()).isEqualTo("HTTP_PROXY");
    assertThat(proxy.tlsConfig().insecureSkipVerification()).isFalse();
    var lambda = method("/lambda", "POST").methodIntegration();
    assertThat(lambda.typeAsString()).isEqualTo("AWS_PROXY");
    assertThat(lambda.credentials()).isEqualTo("arn:aws:iam::123456789012:role/apigateway");
    var files = method("/files/{key}", "GET").methodIntegration();
    assertThat(files.integrationResponses().get("200").contentHandlingAsString()).isEqualTo("CONVERT_TO_BINARY");
    assertThat(method("/admin", "ANY").methodIntegration().typeAsString()).isEqualTo("MOCK");
  }

  @Test
  void bodiesAreModelsAndParametersRequestParameters() {
    Method list = method("/pets", "GET");
    assertThat(list.requestParameters()).containsExactlyInAnyOrderEntriesOf(
        Map.of("method.request.querystring.page", false, "method.request.header.x-trace", true));
    assertThat(list.methodResponses().get("200").responseModels()).containsEntry("application/json", "Pets");
    assertThat(list.methodResponses().get("200").responseParameters()).containsEntry("method.response.header.x-count", false);
    String inline = list.methodResponses().get("400").responseModels().get("application/json");
    assertThat(inline).matches("MODEL[0-9a-f]{6}");
    assertThat(aws.getModel(r -> r.restApiId(api.id()).modelName(inline)).schema()).contains("problem");
    assertThat(method("/pets", "POST").requestModels()).containsEntry("application/json", "NewPet");
    assertThat(method("/files/{key}", "GET").methodResponses().get("200").responseParameters())
        .containsEntry("method.response.header.Content-Type", true);
    assertThat(aws.getModel(r -> r.restApiId(api.id()).modelName("Owner")).schema()).contains("/models/Pet");
    assertThat(resources).containsKey("/empty");
  }

  @Test
  void documentationPartsAreImported() {
    var parts = aws.getDocumentationParts(r -> r.restApiId(api.id())).items();
    assertThat(parts).hasSize(5);
    assertThat(parts).anySatisfy(p -> {
      assertThat(p.location().typeAsString()).isEqualTo("QUERY_PARAMETER");
      assertThat(p.location().name()).isEqualTo("page");
      assertThat(p.properties()).contains("The page to show");
    });
  }

  private static Method method(String path, String verb) {
    return resources.get(path).resourceMethods().get(verb);
  }
}
