package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConnectionType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationRequest;

/** PutIntegration's AWS service URIs are refused with AWS's messages, and each type answers the members AWS answers. */
class IntegrationUriManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String LAMBDA = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
      + "arn:aws:lambda:us-east-1:000000000000:function:calc/invocations";

  private static ApiGatewayClient aws;
  private static String apiId;
  private static String resourceId;

  @BeforeAll
  static void api() {
    aws = server.client();
    apiId = Fixtures.mockApi(aws, "integrations", "{}");
    resourceId = Fixtures.resourceId(aws, apiId, "/hello");
  }

  @Test
  void awsIntegrationsNeedAnApiGatewayArnWithAPathOrAnAction() {
    assertRefused(r -> r.type(IntegrationType.AWS).integrationHttpMethod("POST").uri("https://sqs.us-east-1.amazonaws.com/1/q"),
        "Invalid ARN specified in the request");
    assertRefused(r -> r.type(IntegrationType.AWS).integrationHttpMethod("POST"), "Invalid ARN specified in the request");
    assertRefused(r -> r.type(IntegrationType.AWS).integrationHttpMethod("POST").uri("arn:aws:apigateway:us-east-1:sqs:invoke/Send"),
        "AWS ARN for integration must contain path or action");
    assertRefused(r -> r.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
            .uri("arn:aws:lambda:us-east-1:000000000000:function:calc"),
        "AWS ARN for integration must contain path or action");
    assertRefused(r -> r.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST")
            .uri("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"),
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
    assertRefused(r -> r.type(IntegrationType.AWS).uri(LAMBDA), "Enumeration value for HttpMethod must be non-empty");
  }

  @Test
  void aMockAnswersNeitherUriNorConnectionType() {
    var put = put(r -> r.type(IntegrationType.MOCK).uri("http://ignored.example").requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    assertThat(put.uri()).isNull();
    assertThat(put.connectionType()).isNull();
    var got = aws.getIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET"));
    assertThat(got.uri()).isNull();
    assertThat(got.connectionType()).isNull();
    assertThat(got.type()).isEqualTo(IntegrationType.MOCK);
  }

  @Test
  void onlyHttpIntegrationsGetConnectionTypeInternetUnasked() {
    var proxy = put(r -> r.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(LAMBDA));
    assertThat(proxy.connectionType()).isNull();
    assertThat(proxy.uri()).isEqualTo(LAMBDA);
    var service = put(r -> r.type(IntegrationType.AWS).integrationHttpMethod("POST").uri("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"));
    assertThat(service.connectionType()).isNull();
    var asked = put(r -> r.type(IntegrationType.AWS_PROXY).integrationHttpMethod("POST").uri(LAMBDA).connectionType(ConnectionType.INTERNET));
    assertThat(asked.connectionType()).isEqualTo(ConnectionType.INTERNET);
    var http = put(r -> r.type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri("https://example.com/"));
    assertThat(http.connectionType()).isEqualTo(ConnectionType.INTERNET);
  }

  private static software.amazon.awssdk.services.apigateway.model.PutIntegrationResponse put(Consumer<PutIntegrationRequest.Builder> settings) {
    return aws.putIntegration(r -> {
      r.restApiId(apiId).resourceId(resourceId).httpMethod("GET");
      settings.accept(r);
    });
  }

  private static void assertRefused(Consumer<PutIntegrationRequest.Builder> settings, String message) {
    assertThatThrownBy(() -> put(settings)).isInstanceOfSatisfying(BadRequestException.class,
        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
  }
}
