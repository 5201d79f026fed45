package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Request validators through the AWS SDK, and methods that name them. */
class RequestValidatorManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();
  private String apiId;
  private String root;

  @BeforeEach
  void api() {
    var api = aws.createRestApi(r -> r.name("validators"));
    apiId = api.id();
    root = api.rootResourceId();
  }

  @Test
  void validatorLifecycle() {
    var created = aws.createRequestValidator(r -> r.restApiId(apiId).name("body").validateRequestBody(true));
    assertThat(created.id()).isNotBlank();
    assertThat(created.validateRequestBody()).isTrue();
    assertThat(created.validateRequestParameters()).isFalse();

    var updated = aws.updateRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id()).patchOperations(
        p -> p.op(Op.REPLACE).path("/validateRequestParameters").value("true"),
        p -> p.op(Op.REPLACE).path("/name").value("both")));
    assertThat(updated.validateRequestParameters()).isTrue();
    assertThat(updated.name()).isEqualTo("both");
    assertThat(aws.getRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id())).name()).isEqualTo("both");
    assertThat(aws.getRequestValidators(r -> r.restApiId(apiId)).items()).hasSize(1);

    aws.deleteRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id()));
    assertThatThrownBy(() -> aws.getRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Request Validator identifier specified");
  }

  @Test
  void badInputIsRefused() {
    var created = aws.createRequestValidator(r -> r.restApiId(apiId).name("params").validateRequestParameters(true));
    assertThatThrownBy(() -> aws.updateRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/validateRequestBody").value("maybe"))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.updateRequestValidator(r -> r.restApiId(apiId).requestValidatorId(created.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/id").value("x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path");
    assertThatThrownBy(() -> aws.createRequestValidator(r -> r.restApiId("nope").name("x")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.deleteRequestValidator(r -> r.restApiId(apiId).requestValidatorId("missing")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void methodsMayOnlyNameValidatorsOfTheirApi() {
    String items = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("items")).id();
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(items).httpMethod("GET")
        .authorizationType("NONE").requestValidatorId("nope")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid Request Validator identifier specified");
    String id = aws.createRequestValidator(r -> r.restApiId(apiId).name("params").validateRequestParameters(true)).id();
    var method = aws.putMethod(r -> r.restApiId(apiId).resourceId(items).httpMethod("GET")
        .authorizationType("NONE").requestValidatorId(id));
    assertThat(method.requestValidatorId()).isEqualTo(id);
  }
}
