package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Methods, method responses, integrations and integration responses. */
class MethodManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();
  private String apiId;
  private String resourceId;

  @BeforeEach
  void api() {
    var api = aws.createRestApi(r -> r.name("methods"));
    apiId = api.id();
    resourceId = aws.createResource(r -> r.restApiId(apiId).parentId(api.rootResourceId()).pathPart("items")).id();
  }

  @Test
  void methodLifecycle() {
    var put = aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST")
        .authorizationType("NONE").requestParameters(Map.of("method.request.header.x-id", true)).operationName("create"));
    assertThat(put.httpMethod()).isEqualTo("POST");
    assertThat(put.apiKeyRequired()).isFalse();
    assertThat(put.requestParameters()).containsEntry("method.request.header.x-id", true);

    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST").authorizationType("NONE")))
        .isInstanceOf(ConflictException.class);

    var updated = aws.updateMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST").patchOperations(
        p -> p.op(Op.REPLACE).path("/apiKeyRequired").value("true"),
        p -> p.op(Op.ADD).path("/requestParameters/method.request.querystring.q").value("false")));
    assertThat(updated.apiKeyRequired()).isTrue();
    assertThat(updated.requestParameters()).containsEntry("method.request.querystring.q", false);
    assertThat(aws.getMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST")).operationName()).isEqualTo("create");

    aws.deleteMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST"));
    assertThatThrownBy(() -> aws.getMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("POST")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Method identifier specified");
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("FETCH").authorizationType("NONE")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").authorizationType("MAGIC")))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void methodResponses() {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").authorizationType("NONE"));
    var put = aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("200")
        .responseParameters(Map.of("method.response.header.X-Trace", false)).responseModels(Map.of("application/json", "Empty")));
    assertThat(put.statusCode()).isEqualTo("200");
    var updated = aws.updateMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("200")
        .patchOperations(p -> p.op(Op.REMOVE).path("/responseParameters/method.response.header.X-Trace")));
    assertThat(updated.responseParameters()).isEmpty();
    assertThat(aws.getMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")).methodResponses()).containsOnlyKeys("200");
    aws.deleteMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("200"));
    assertThatThrownBy(() -> aws.getMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("200")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("2000")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("Value '2000' at 'statusCode' failed to satisfy constraint");
  }

  @Test
  void integrationsAndIntegrationResponses() {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").authorizationType("NONE"));
    assertThatThrownBy(() -> aws.getIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("No integration defined for method");

    var put = aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")
        .type(IntegrationType.HTTP_PROXY).integrationHttpMethod("ANY").uri("http://backend.example/{proxy}"));
    assertThat(put.type()).isEqualTo(IntegrationType.HTTP_PROXY);
    assertThat(put.httpMethod()).isEqualTo("ANY");
    assertThat(put.timeoutInMillis()).isEqualTo(29000);
    assertThat(put.passthroughBehavior()).isEqualTo("WHEN_NO_MATCH");
    assertThat(put.cacheNamespace()).isEqualTo(resourceId);

    var patched = aws.updateIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").patchOperations(
        p -> p.op(Op.REPLACE).path("/timeoutInMillis").value("1000"),
        p -> p.op(Op.ADD).path("/requestParameters/integration.request.path.proxy").value("method.request.path.proxy")));
    assertThat(patched.timeoutInMillis()).isEqualTo(1000);
    assertThat(patched.requestParameters()).containsEntry("integration.request.path.proxy", "method.request.path.proxy");
    assertThatThrownBy(() -> aws.updateIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")
        .patchOperations(p -> p.op(Op.REPLACE).path("/timeoutInMillis").value("30000"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Timeout should be between 50 ms and 29000 ms");

    var response = aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").statusCode("400")
        .selectionPattern("4\\d{2}").responseTemplates(Map.of("application/json", "{\"error\":true}")));
    assertThat(response.selectionPattern()).isEqualTo("4\\d{2}");
    var updated = aws.updateIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").statusCode("400")
        .patchOperations(p -> p.op(Op.REPLACE).path("/selectionPattern").value("400")));
    assertThat(updated.selectionPattern()).isEqualTo("400");
    assertThat(aws.getIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")).integrationResponses())
        .containsOnlyKeys("400");
    assertThatThrownBy(() -> aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")
        .statusCode("500").selectionPattern("(unclosed")))
        .isInstanceOf(BadRequestException.class);

    aws.deleteIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").statusCode("400"));
    assertThatThrownBy(() -> aws.getIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY").statusCode("400")))
        .isInstanceOf(NotFoundException.class);
    aws.deleteIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY"));
    assertThatThrownBy(() -> aws.getIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("ANY")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void integrationValidation() {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").authorizationType("NONE"));
    assertThatThrownBy(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")
        .type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri("ftp://x")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")
        .type(IntegrationType.HTTP).uri("http://x")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")
        .type(IntegrationType.MOCK).timeoutInMillis(10)))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("DELETE")
        .type(IntegrationType.MOCK)))
        .isInstanceOf(NotFoundException.class);
    var mock = aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET")
        .type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    assertThat(mock.requestTemplates()).containsKey("application/json");
  }
}
