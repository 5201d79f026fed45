package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.IpAddressType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** The answers and messages AWS gives, as recorded against AWS, for REST APIs, resources, methods, validators, keys and stages. */
class AwsAnswersManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String COMPRESSION = "Invalid minimum compression size, must be between 0 and 10485760";

  private static ApiGatewayClient aws;
  private static String apiId;

  @BeforeAll
  static void api() {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "answers", "{}");
  }

  @Test
  void createRestApiAnswersItsIpAddressTypeAndNoTagsMember() {
    var edge = aws.createRestApi(r -> r.name("edge"));
    assertThat(edge.endpointConfiguration().types()).containsExactly(EndpointType.EDGE);
    assertThat(edge.endpointConfiguration().ipAddressType()).isEqualTo(IpAddressType.IPV4);
    assertThat(edge.hasTags()).as("no tags member").isFalse();
    assertThat(aws.getRestApi(r -> r.restApiId(edge.id())).hasTags()).isFalse();
    var privateApi = aws.createRestApi(r -> r.name("private").endpointConfiguration(e -> e.types(EndpointType.PRIVATE)));
    assertThat(privateApi.endpointConfiguration().ipAddressType()).isEqualTo(IpAddressType.DUALSTACK);
    var regional = aws.createRestApi(r -> r.name("regional").endpointConfiguration(e -> e.types(EndpointType.REGIONAL)
        .ipAddressType(IpAddressType.DUALSTACK)));
    assertThat(regional.endpointConfiguration().ipAddressType()).isEqualTo(IpAddressType.DUALSTACK);

    var updated = aws.updateRestApi(r -> r.restApiId(edge.id()).patchOperations(p -> p.op(Op.REPLACE).path("/endpointConfiguration/types/EDGE").value("PRIVATE")));
    assertThat(updated.endpointConfiguration().types()).containsExactly(EndpointType.PRIVATE);
    assertThat(updated.endpointConfiguration().ipAddressType()).as("a private API is dualstack").isEqualTo(IpAddressType.DUALSTACK);
    assertThat(updated.hasTags()).as("UpdateRestApi answers tags: {}").isTrue();
    assertThat(updated.tags()).isEmpty();
  }

  @Test
  void endpointConfigurationsAwsRefuses() {
    assertBadRequest(() -> aws.createRestApi(r -> r.name("x").endpointConfiguration(e -> e.types(EndpointType.PRIVATE).ipAddressType(IpAddressType.IPV4))),
        "Only dualstack ipAddressType is supported for Private APIs.");
    assertBadRequest(() -> aws.createRestApi(r -> r.name("x").endpointConfiguration(e -> e.types(EndpointType.EDGE, EndpointType.REGIONAL))),
        "Cannot create an api with multiple Endpoint Types.");
    assertBadRequest(() -> aws.createRestApi(r -> r.name("x").endpointConfiguration(e -> e.types(java.util.List.<EndpointType>of()))),
        "REGIONAL Configuration and EDGE Configuration cannot be both DISABLED.");
    assertBadRequest(() -> aws.createRestApi(r -> r.name("x").description("")), "Description cannot be an empty string");
    String id = aws.createRestApi(r -> r.name("to-update")).id();
    assertBadRequest(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.REPLACE).path("/endpointConfiguration/ipAddressType").value("ipv5"))),
        "ipAddressType must be either ipv4 or dualstack.");
    assertBadRequest(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.REPLACE).path("/endpointConfiguration/types/EDGE").value("GLOBAL"))),
        "Invalid EndpointTypes specified. Valid options are REGIONAL,EDGE,PRIVATE");
  }

  @Test
  void minimumCompressionSizeIsAWholeNumberUpTo10MB() {
    assertBadRequest(() -> aws.createRestApi(r -> r.name("x").minimumCompressionSize(10485761)), COMPRESSION);
    String id = aws.createRestApi(r -> r.name("compressed").minimumCompressionSize(10485760)).id();
    assertBadRequest(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.REPLACE).path("/minimumCompressionSize").value("-1"))), COMPRESSION);
    assertBadRequest(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.REPLACE).path("/minimumCompressionSize").value("big"))), COMPRESSION);
    assertBadRequest(() -> aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.ADD).path("/minimumCompressionSize").value("1"))),
        "Invalid patch operation specified. Must be one of: [replace]");
    assertThat(aws.updateRestApi(r -> r.restApiId(id).patchOperations(p -> p.op(Op.REPLACE).path("/minimumCompressionSize").value("0")))
        .minimumCompressionSize()).isZero();
  }

  @Test
  void onlyOneVariablePathPartAmongSiblingsAndPlusOnlyBeforeTheClosingBrace() {
    String root = aws.getRestApi(r -> r.restApiId(apiId)).rootResourceId();
    aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("{proxy+}"));
    assertBadRequest(() -> aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("{id}")),
        "A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed");
    String parts = "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional "
        + "plus sign before the closing brace.";
    assertBadRequest(() -> aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("a+b")), parts);
    assertBadRequest(() -> aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("{a+b}")), parts);
    assertThat(aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("static")).path()).isEqualTo("/static");
  }

  @Test
  void authorizationTypeIsAcceptedInAnyLetterCase() {
    String root = aws.getRestApi(r -> r.restApiId(apiId)).rootResourceId();
    String cased = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("cased")).id();
    assertThat(aws.putMethod(r -> r.restApiId(apiId).resourceId(cased).httpMethod("GET").authorizationType("none"))
        .authorizationType()).isEqualTo("NONE");
    assertThat(aws.updateMethod(r -> r.restApiId(apiId).resourceId(cased).httpMethod("GET")
        .patchOperations(p -> p.op(Op.REPLACE).path("/authorizationType").value("aws_iam"))).authorizationType()).isEqualTo("AWS_IAM");
    assertThat(aws.getMethod(r -> r.restApiId(apiId).resourceId(cased).httpMethod("GET")).authorizationType()).isEqualTo("AWS_IAM");
  }

  @Test
  void requestValidatorNamesAreNotBlank() {
    assertBadRequest(() -> aws.createRequestValidator(r -> r.restApiId(apiId).name("  ")), "Request Validator name cannot be blank");
    String id = aws.createRequestValidator(r -> r.restApiId(apiId).name("body").validateRequestBody(true)).id();
    assertBadRequest(() -> aws.updateRequestValidator(r -> r.restApiId(apiId).requestValidatorId(id)
        .patchOperations(p -> p.op(Op.REPLACE).path("/name").value(""))), "Request Validator name cannot be blank");
    assertThat(aws.getRequestValidator(r -> r.restApiId(apiId).requestValidatorId(id)).name()).isEqualTo("body");
  }

  @Test
  void apiKeyNamesAreAtMost1024CharactersAndAnEmptyOneIsNotAnswered() {
    assertBadRequest(() -> aws.createApiKey(r -> r.name("k".repeat(1025))), "Invalid API Key name, can be at most 1024 characters.");
    var unnamed = aws.createApiKey(r -> r.name(""));
    assertThat(unnamed.name()).isNull();
    assertThat(aws.getApiKey(r -> r.apiKey(unnamed.id())).name()).isNull();
    String named = aws.createApiKey(r -> r.name("named")).id();
    assertBadRequest(() -> aws.updateApiKey(r -> r.apiKey(named).patchOperations(p -> p.op(Op.REPLACE).path("/name").value("n".repeat(1025)))),
        "Invalid API Key name, can be at most 1024 characters.");
    assertThat(aws.updateApiKey(r -> r.apiKey(named).patchOperations(p -> p.op(Op.REPLACE).path("/name").value(""))).name()).isNull();
  }

  @Test
  void anUnknownStageIsAnInvalidStageIdentifier() {
    assertThatThrownBy(() -> aws.getStage(r -> r.restApiId(apiId).stageName("nope")))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid stage identifier specified"));
    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("nope")
            .patchOperations(p -> p.op(Op.REPLACE).path("/description").value("d"))))
        .isInstanceOfSatisfying(NotFoundException.class,
            e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid stage identifier specified"));
  }

  private static void assertBadRequest(ThrowingCallable call, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ApiGatewayException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadRequestException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    });
  }
}
