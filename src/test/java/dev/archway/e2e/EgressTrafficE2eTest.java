package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.V2Clients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * The default egress policy: integrations never reach the management listener, link-local
 * addresses or metadata services, and URIs with user information are refused when they are put.
 */
class EgressTrafficE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static ApiGatewayClient aws;
  static String apiId;
  static String root;

  @BeforeAll
  static void buildApi() {
    aws = server.client();
    var api = aws.createRestApi(r -> r.name("egress"));
    apiId = api.id();
    root = api.rootResourceId();
    proxy("admin", "POST", "http://127.0.0.1:" + server.adminPort() + "/restapis");
    proxy("metadata", "GET", "http://169.254.169.254/latest/meta-data/");
    proxy("echo", "GET", echo.url() + "/");

    String google = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, "google");
    aws.putMethod(r -> r.restApiId(apiId).resourceId(google).httpMethod("GET").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(google).httpMethod("GET").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(google).httpMethod("GET").type(IntegrationType.HTTP)
        .integrationHttpMethod("GET").uri("http://metadata.google.internal/computeMetadata/v1/"));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(google).httpMethod("GET").statusCode("200"));

    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/echo"), "GET");
  }

  @AfterAll
  static void close() {
    aws.getRestApis().items().stream().filter(api -> api.name().equals("pwned"))
        .forEach(api -> aws.deleteRestApi(r -> r.restApiId(api.id())));
  }

  static void proxy(String path, String method, String uri) {
    String resource = LambdaProxyTrafficE2eTest.resource(aws, apiId, root, path);
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resource).httpMethod(method).type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod(method).uri(uri));
  }

  @Test
  void anHttpProxyToTheManagementListenerNeverReachesIt() throws Exception {
    HttpResponse<String> response = send("POST", "/admin", "{\"name\":\"pwned\"}");
    assertConfigurationError(response);
    assertThat(aws.getRestApis().items()).noneMatch(api -> api.name().equals("pwned"));
  }

  @Test
  void instanceMetadataIsNeverCalled() throws Exception {
    assertConfigurationError(send("GET", "/metadata", null));
    assertConfigurationError(send("GET", "/google", null));
    assertThat(send("GET", "/echo", null).statusCode()).as("local backends are allowed").isEqualTo(200);
  }

  @Test
  void userInformationIsRefusedWhenPut() {
    String resource = Fixtures.resourceId(aws, apiId, "/echo");
    assertThatThrownBy(() -> aws.putIntegration(r -> r.restApiId(apiId).resourceId(resource).httpMethod("GET")
        .type(IntegrationType.HTTP_PROXY).integrationHttpMethod("GET").uri("http://user:secret@127.0.0.1:1/")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageStartingWith("Invalid HTTP endpoint specified for URI: user information (user:password@) is not supported")
        .hasMessageNotContaining("secret");

    ApiGatewayV2Client v2 = V2Clients.of(server);
    String httpApi = v2.createApi(r -> r.name("egress-v2").protocolType(ProtocolType.HTTP)).apiId();
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(httpApi).integrationType("HTTP_PROXY")
        .integrationMethod("GET").integrationUri("https://user:secret@example.com/").payloadFormatVersion("1.0")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.BadRequestException.class)
        .hasMessageContaining("Invalid integrationUri: user information (user:password@) is not supported")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> v2.importApi(r -> r.body("{\"openapi\":\"3.0.1\",\"info\":{\"title\":\"t\",\"version\":\"1\"},"
        + "\"paths\":{\"/x\":{\"get\":{\"x-amazon-apigateway-integration\":{\"type\":\"http_proxy\",\"httpMethod\":\"GET\","
        + "\"uri\":\"http://user:secret@example.com/\",\"payloadFormatVersion\":\"1.0\"}}}}}")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.BadRequestException.class)
        .hasMessageContaining("user information (user:password@) is not supported");
    String integration = v2.createIntegration(r -> r.apiId(httpApi).integrationType("HTTP_PROXY").integrationMethod("GET")
        .integrationUri(echo.url() + "/").payloadFormatVersion("1.0")).integrationId();
    assertThatThrownBy(() -> v2.updateIntegration(r -> r.apiId(httpApi).integrationId(integration)
        .integrationUri("http://u@127.0.0.1:1/")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.BadRequestException.class);
  }

  @Test
  void anHttpApiAnswersARefusedCallWithItsInternalServerError() throws Exception {
    ApiGatewayV2Client v2 = V2Clients.of(server);
    String httpApi = v2.createApi(r -> r.name("metadata").protocolType(ProtocolType.HTTP)
        .target("http://169.254.169.254/latest/meta-data/")).apiId();
    try (HostStyleClient client = new HostStyleClient(server.port())) {
      org.awaitility.Awaitility.await().until(() -> client.get(httpApi, "/").status() != 404);
      HostStyleClient.Response response = client.get(httpApi, "/");
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }

  private static void assertConfigurationError(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
  }

  private static HttpResponse<String> send(String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
