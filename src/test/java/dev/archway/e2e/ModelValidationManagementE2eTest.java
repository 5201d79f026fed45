package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * Every enum and pattern of the service models is checked before an operation runs: apigateway answers
 * 400 ValidationException with AWS's recorded text, naming each broken member; apigatewayv2 a BadRequestException.
 */
class ModelValidationManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String OPS = "Member must satisfy enum value set: [add, remove, move, test, replace, copy]";

  private static ApiGatewayClient aws;
  private static ApiGatewayV2Client v2;
  private static String apiId;
  private static String resourceId;

  @BeforeAll
  static void api() {
    aws = server.client();
    v2 = V2Clients.of(server);
    apiId = Fixtures.mockApi(aws, "validated", "{}");
    resourceId = Fixtures.resourceId(aws, apiId, "/hello");
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  @Test
  void anIntegrationTypeOutsideTheEnumNamesAwsValueSet() {
    assertValidation(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").type("HTTPS_PROXY")),
        "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]");
    assertThat(aws.getIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")).typeAsString())
        .as("the refused put changed nothing").isEqualTo("MOCK");
  }

  @Test
  void severalBrokenMembersAreCountedAndJoined() {
    int before = aws.getRestApis(r -> r.limit(500)).items().size();
    assertValidation(() -> aws.createRestApi(r -> r.name("x").endpointConfiguration(e -> e.typesWithStrings("wrong").ipAddressType("wrong"))),
        "2 validation errors detected: Value '[wrong]' at 'createRestApiInput.endpointConfiguration.types' failed to satisfy "
            + "constraint: Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]; "
            + "Value 'wrong' at 'createRestApiInput.endpointConfiguration.ipAddressType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [ipv4, dualstack]");
    assertValidation(() -> aws.createRestApi(r -> r.name("x").apiKeySource("header")),
        "1 validation error detected: Value 'header' at 'createRestApiInput.apiKeySource' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [AUTHORIZER, HEADER]");
    assertThat(aws.getRestApis(r -> r.limit(500)).items()).as("nothing was created").hasSize(before);
  }

  @Test
  void patchOpsAreCheckedBeforeUriLabelsAndCountFromOne() {
    assertValidation(() -> aws.updateMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("wrong")
            .patchOperations(p -> p.op("wrong_op").path("/x"), p -> p.op("replace").path("/y"), p -> p.op("wrong_op").path("/z"))),
        "3 validation errors detected: Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.1.member.op' failed to "
            + "satisfy constraint: " + OPS + "; Value 'wrong_op' at 'updateMethodResponseInput.patchOperations.3.member.op' "
            + "failed to satisfy constraint: " + OPS + "; Value 'wrong' at 'statusCode' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [1-5]\\d\\d");
    assertValidation(() -> aws.updateRestApi(r -> r.restApiId(apiId).patchOperations(p -> p.op("wrong").path("/name").value("n"))),
        "1 validation error detected: Value 'wrong' at 'updateRestApiInput.patchOperations.1.member.op' failed to satisfy "
            + "constraint: " + OPS);
  }

  @Test
  void statusCodesAndGatewayResponseTypesFollowTheModel() {
    assertValidation(() -> aws.getIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("wrong")),
        "1 validation error detected: Value 'wrong' at 'statusCode' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [1-5]\\d\\d");
    assertValidation(() -> aws.putGatewayResponse(r -> r.restApiId(apiId).responseType("DEFAULT_4XX").statusCode("600")),
        "1 validation error detected: Value '600' at 'putGatewayResponseInput.statusCode' failed to satisfy constraint: "
            + "Member must satisfy regular expression pattern: [1-5]\\d\\d");
    assertValidation(() -> aws.getGatewayResponse(r -> r.restApiId(apiId).responseType("FAKE_RESPONSE_TYPE")),
        "1 validation error detected: Value 'FAKE_RESPONSE_TYPE' at 'responseType' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [REQUEST_TOO_LARGE, RESOURCE_NOT_FOUND, AUTHORIZER_CONFIGURATION_ERROR, "
            + "MISSING_AUTHENTICATION_TOKEN, BAD_REQUEST_BODY, INVALID_SIGNATURE, INVALID_API_KEY, BAD_REQUEST_PARAMETERS, "
            + "AUTHORIZER_FAILURE, UNAUTHORIZED, INTEGRATION_TIMEOUT, ACCESS_DENIED, DEFAULT_4XX, DEFAULT_5XX, WAF_FILTERED, "
            + "QUOTA_EXCEEDED, THROTTLED, API_CONFIGURATION_ERROR, UNSUPPORTED_MEDIA_TYPE, INTEGRATION_FAILURE, EXPIRED_TOKEN]");
  }

  @Test
  void queryParametersAndOtherEnumsAreCheckedToo() {
    assertValidation(() -> aws.importApiKeys(r -> r.format("xml").body(SdkBytes.fromUtf8String("Name,Key\nk,abcdefghijklmnopqrstuvwxyz\n"))),
        "1 validation error detected: Value 'xml' at 'format' failed to satisfy constraint: Member must satisfy enum value set: [csv]");
    assertValidation(() -> aws.createAuthorizer(r -> r.restApiId(apiId).name("a").type("LAMBDA")),
        "1 validation error detected: Value 'LAMBDA' at 'createAuthorizerInput.type' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [TOKEN, REQUEST, COGNITO_USER_POOLS]");
    assertValidation(() -> aws.createUsagePlan(r -> r.name("p").quota(q -> q.limit(1).period("YEAR"))),
        "1 validation error detected: Value 'YEAR' at 'createUsagePlanInput.quota.period' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [DAY, WEEK, MONTH]");
  }

  @Test
  void apigatewayV2NamesTheMemberTheValueAndTheModelsValues() {
    assertThatThrownBy(() -> v2.createApi(r -> r.name("x").protocolType("REST")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid protocolType: REST (expected: one of [WEBSOCKET, HTTP])");
        });
    String api = v2.createApi(r -> r.name("h").protocolType(ProtocolType.HTTP)).apiId();
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType("HTTP_PROXY").connectionType("WIRED")
            .integrationMethod("GET").integrationUri("https://example.com")))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Invalid connectionType: WIRED (expected: one of [INTERNET, VPC_LINK])"));
  }

  private static void assertValidation(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiGatewayException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
      assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-ErrorType")).hasValue("ValidationException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
