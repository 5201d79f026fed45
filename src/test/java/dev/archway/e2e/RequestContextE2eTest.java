package dev.archway.e2e;

import static dev.archway.e2e.AuthFixtures.LAMBDA_URI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.RecordingBackend;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * One request, three readers of its {@code $context}: the event of its REQUEST Lambda
 * authorizer, the request mapping template of its HTTP integration (what the backend receives)
 * and the INTEGRATION_TIMEOUT gateway-response template of its answer (the backend is too slow).
 * All three show the same request id, time, path, source IP, user agent and domain name, because
 * they read the one RequestContext made when the request arrived.
 */
class RequestContextE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  /** The same variables in both templates, as JSON. */
  static final String CONTEXT = "{\"requestId\":\"$context.requestId\",\"extendedRequestId\":\"$context.extendedRequestId\","
      + "\"requestTime\":\"$context.requestTime\",\"requestTimeEpoch\":\"$context.requestTimeEpoch\",\"path\":\"$context.path\","
      + "\"sourceIp\":\"$context.identity.sourceIp\",\"userAgent\":\"$context.identity.userAgent\","
      + "\"domainName\":\"$context.domainName\",\"stage\":\"$context.stage\",\"resourcePath\":\"$context.resourcePath\","
      + "\"httpMethod\":\"$context.httpMethod\"}";

  static Vertx vertx;
  static RecordingBackend backend;
  static String apiId;

  @BeforeAll
  static void buildApi() throws Exception {
    vertx = Vertx.vertx();
    backend = RecordingBackend.start(vertx);
    lambda.register("ctx-auth", invocation -> Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "p")
        .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray().add(
            new JsonObject().put("Action", "execute-api:Invoke").put("Effect", "Allow")
                .put("Resource", invocation.json().getString("methodArn"))))))));
    ApiGatewayClient aws = server.client();
    apiId = aws.createRestApi(r -> r.name("context")).id();
    String root = aws.getResources(r -> r.restApiId(apiId)).items().get(0).id();
    String authorizer = aws.createAuthorizer(r -> r.restApiId(apiId).name("ctx").type("REQUEST")
        .authorizerUri(LAMBDA_URI.formatted("ctx-auth")).identitySource("method.request.header.X-User")
        .authorizerResultTtlInSeconds(0)).id();
    String resource = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart("items")).id();
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resource).httpMethod("GET").authorizationType("CUSTOM")
        .authorizerId(authorizer));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resource).httpMethod("GET").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resource).httpMethod("GET").type(IntegrationType.HTTP)
        .integrationHttpMethod("POST").uri(backend.url() + "/slow/10000").timeoutInMillis(500)
        .requestTemplates(Map.of("application/json", CONTEXT)));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resource).httpMethod("GET").statusCode("200"));
    aws.putGatewayResponse(r -> r.restApiId(apiId).responseType(GatewayResponseType.INTEGRATION_TIMEOUT)
        .responseTemplates(Map.of("application/json", CONTEXT)));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
  }

  @AfterAll
  static void stop() throws Exception {
    backend.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
  }

  @Test
  void theLambdaEventTheMappingTemplateAndTheErrorTemplateShowTheSameContext() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/restapis/" + apiId + "/test/_user_request_/items"))
        .header("X-User", "ada").header("User-Agent", "context-test/1").build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(504);
    JsonObject errorTemplate = new JsonObject(response.body());
    JsonObject mappingTemplate = new JsonObject(backend.received().get(0).body());
    JsonObject event = lambda.invocations("ctx-auth").get(0).json().getJsonObject("requestContext");

    assertThat(mappingTemplate).isEqualTo(errorTemplate);
    assertThat(errorTemplate.getString("requestId")).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow())
        .isEqualTo(event.getString("requestId"));
    assertThat(errorTemplate.getString("extendedRequestId")).isEqualTo(response.headers().firstValue("x-amz-apigw-id").orElseThrow())
        .isEqualTo(event.getString("extendedRequestId")).hasSize(16);
    assertThat(errorTemplate.getString("requestTime")).isEqualTo(event.getString("requestTime"));
    assertThat(errorTemplate.getString("requestTimeEpoch")).isEqualTo(event.getValue("requestTimeEpoch").toString());
    assertThat(errorTemplate.getString("path")).isEqualTo(event.getString("path")).isEqualTo("/test/items");
    assertThat(errorTemplate.getString("sourceIp")).isEqualTo(event.getJsonObject("identity").getString("sourceIp"))
        .isEqualTo("127.0.0.1");
    assertThat(errorTemplate.getString("userAgent")).isEqualTo(event.getJsonObject("identity").getString("userAgent"))
        .isEqualTo("context-test/1");
    assertThat(errorTemplate.getString("domainName")).isEqualTo(event.getString("domainName"));
    assertThat(errorTemplate.getString("stage")).isEqualTo(event.getString("stage")).isEqualTo("test");
    assertThat(errorTemplate.getString("resourcePath")).isEqualTo(event.getString("resourcePath")).isEqualTo("/items");
    assertThat(errorTemplate.getString("httpMethod")).isEqualTo(event.getString("httpMethod")).isEqualTo("GET");
  }
}
