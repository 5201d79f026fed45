package dev.archway.e2e;

import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** Small fixture APIs built through the AWS SDK, as a user would. */
final class Fixtures {
  private Fixtures() {}

  /** An API whose {@code GET /hello} is a MOCK answering 200 with {@code body}; returns the API id. */
  static String mockApi(ApiGatewayClient aws, String name, String body) {
    var api = aws.createRestApi(r -> r.name(name));
    String id = api.id();
    String hello = aws.createResource(r -> r.restApiId(id).parentId(api.rootResourceId()).pathPart("hello")).id();
    aws.putMethod(r -> r.restApiId(id).resourceId(hello).httpMethod("GET").authorizationType("NONE"));
    aws.putMethodResponse(r -> r.restApiId(id).resourceId(hello).httpMethod("GET").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(id).resourceId(hello).httpMethod("GET").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    setMockBody(aws, id, hello, body);
    return id;
  }

  static void setMockBody(ApiGatewayClient aws, String apiId, String resourceId, String body) {
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod("GET").statusCode("200")
        .selectionPattern("").responseTemplates(Map.of("application/json", body)));
  }

  /**
   * Waits until {@code method uri} reaches its route: a deployment is published asynchronously, and
   * until then the stage answers 403 Missing Authentication Token.
   */
  static void awaitServing(java.net.URI uri, String method) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    org.awaitility.Awaitility.await().until(() -> http.send(java.net.http.HttpRequest.newBuilder(uri)
            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding()).headers().firstValue("x-amzn-ErrorType")
        .filter("MissingAuthenticationTokenException"::equals).isEmpty());
  }

  static String resourceId(ApiGatewayClient aws, String apiId, String path) {
    return aws.getResourcesPaginator(r -> r.restApiId(apiId)).items().stream()
        .filter(r -> r.path().equals(path)).findFirst().orElseThrow().id();
  }
}
