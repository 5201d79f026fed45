package dev.archway.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * A REST API built through the SDK for access-control tests: MOCK methods answering 200
 * {@code {"ok":true}}, some with {@code apiKeyRequired}, called with a real HTTP client.
 */
final class KeyedApi {
  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final ApiGatewayClient aws;
  final String id;
  private final String root;

  private KeyedApi(ApiGatewayClient aws, String id, String root) {
    this.aws = aws;
    this.id = id;
    this.root = root;
  }

  static KeyedApi create(ApiGatewayClient aws, String name) {
    var api = aws.createRestApi(r -> r.name(name));
    return new KeyedApi(aws, api.id(), api.rootResourceId());
  }

  /** Adds {@code GET /{pathPart}} as a MOCK; returns this. */
  KeyedApi get(String pathPart, boolean apiKeyRequired) {
    String resource = aws.createResource(r -> r.restApiId(id).parentId(root).pathPart(pathPart)).id();
    aws.putMethod(r -> r.restApiId(id).resourceId(resource).httpMethod("GET").authorizationType("NONE")
        .apiKeyRequired(apiKeyRequired));
    aws.putMethodResponse(r -> r.restApiId(id).resourceId(resource).httpMethod("GET").statusCode("200"));
    aws.putIntegration(r -> r.restApiId(id).resourceId(resource).httpMethod("GET").type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    aws.putIntegrationResponse(r -> r.restApiId(id).resourceId(resource).httpMethod("GET").statusCode("200")
        .selectionPattern("").responseTemplates(Map.of("application/json", "{\"ok\":true}")));
    return this;
  }

  KeyedApi deploy(String stage) {
    aws.createDeployment(r -> r.restApiId(id).stageName(stage));
    return this;
  }

  /** A new enabled key in a new plan covering these stages of this API; returns the key's value. */
  String keyInPlan(String planId) {
    var key = aws.createApiKey(r -> r.name("key-" + System.nanoTime()).enabled(true));
    aws.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    return key.value();
  }

  static HttpRequest.Builder request(URI uri, String apiKey) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET();
    if (apiKey != null) {
      builder.header("x-api-key", apiKey);
    }
    return builder;
  }

  static HttpResponse<String> call(URI uri, String apiKey) throws IOException, InterruptedException {
    return HTTP.send(request(uri, apiKey).build(), HttpResponse.BodyHandlers.ofString());
  }
}
