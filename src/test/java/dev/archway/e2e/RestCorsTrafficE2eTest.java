package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * CORS on REST APIs, as AWS: no automatic preflight; only an OPTIONS method (here MOCK, as the
 * console's "Enable CORS" makes it) answers, with the headers it is configured with; gateway
 * responses (here a 401 of a Cognito authorizer) can carry CORS headers too.
 */
class RestCorsTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static String apiId;

  @BeforeAll
  static void buildApi() {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("cors"));
    apiId = api.id();
    String authorizer = aws.createAuthorizer(r -> r.restApiId(apiId).name("pool").type("COGNITO_USER_POOLS")
        .providerARNs("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Cors1")
        .identitySource("method.request.header.Authorization")).id();
    String withCors = AuthFixtures.guarded(aws, apiId, api.rootResourceId(), "with-cors", "GET", "COGNITO_USER_POOLS",
        authorizer, null, "{}");
    enableCors(aws, withCors, "'GET,OPTIONS'");
    AuthFixtures.guarded(aws, apiId, api.rootResourceId(), "without-cors", "GET", "NONE", null, null, "{}");
    aws.putGatewayResponse(r -> r.restApiId(apiId).responseType("UNAUTHORIZED")
        .responseParameters(Map.of("gatewayresponse.header.Access-Control-Allow-Origin", "'https://app.example.com'")));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/without-cors"), "GET");
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/with-cors"), "OPTIONS");
  }

  /** What the README's enable-cors snippet does, call by call. */
  static void enableCors(ApiGatewayClient aws, String resourceId, String methods) {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("OPTIONS").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("OPTIONS").statusCode("200")
        .responseParameters(Map.of("method.response.header.Access-Control-Allow-Origin", false,
            "method.response.header.Access-Control-Allow-Methods", false,
            "method.response.header.Access-Control-Allow-Headers", false)));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("OPTIONS").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("OPTIONS").statusCode("200")
        .responseParameters(Map.of("method.response.header.Access-Control-Allow-Origin", "'https://app.example.com'",
            "method.response.header.Access-Control-Allow-Methods", methods,
            "method.response.header.Access-Control-Allow-Headers", "'Content-Type,Authorization'")));
  }

  static HttpResponse<String> preflight(String path) throws Exception {
    return AuthFixtures.HTTP.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", path))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "GET").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aPreflightIsAnsweredByTheOptionsMethodWithItsConfiguredHeadersAndNoAuthorizer() throws Exception {
    HttpResponse<String> response = preflight("/with-cors");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,OPTIONS");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type,Authorization");
  }

  @Test
  void withoutAnOptionsMethodThereIsNoPreflightAnswer() throws Exception {
    HttpResponse<String> response = preflight("/without-cors");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aGatewayResponseCarriesItsCorsHeaders() throws Exception {
    HttpResponse<String> response = AuthFixtures.get(URI.create(server.pathStyle(apiId, "test", "/with-cors").toString()),
        "Origin", "https://app.example.com");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.com");
  }
}
