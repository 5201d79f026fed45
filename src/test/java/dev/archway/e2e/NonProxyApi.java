package dev.archway.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationRequest;
import software.amazon.awssdk.services.apigateway.model.PutIntegrationResponseRequest;

/** Builds non-proxy REST methods through the AWS SDK, as a user would, and calls them over real HTTP. */
final class NonProxyApi {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final ApiGatewayClient aws;
  final String id;
  final String root;

  NonProxyApi(ApiGatewayClient aws, String name) {
    this.aws = aws;
    var api = aws.createRestApi(r -> r.name(name));
    this.id = api.id();
    this.root = api.rootResourceId();
  }

  NonProxyApi(ApiGatewayClient aws, String name, java.util.List<String> binaryMediaTypes) {
    this.aws = aws;
    var api = aws.createRestApi(r -> r.name(name).binaryMediaTypes(binaryMediaTypes));
    this.id = api.id();
    this.root = api.rootResourceId();
  }

  String resource(String parent, String pathPart) {
    return aws.createResource(r -> r.restApiId(id).parentId(parent).pathPart(pathPart)).id();
  }

  /** PutMethod (no auth) and a method response for each status. */
  void method(String resource, String httpMethod, String... statuses) {
    aws.putMethod(r -> r.restApiId(id).resourceId(resource).httpMethod(httpMethod).authorizationType("NONE"));
    for (String status : statuses) {
      aws.putMethodResponse(r -> r.restApiId(id).resourceId(resource).httpMethod(httpMethod).statusCode(status));
    }
  }

  void integration(String resource, String httpMethod, Consumer<PutIntegrationRequest.Builder> settings) {
    aws.putIntegration(r -> {
      r.restApiId(id).resourceId(resource).httpMethod(httpMethod);
      settings.accept(r);
    });
  }

  void response(String resource, String httpMethod, String status, Consumer<PutIntegrationResponseRequest.Builder> settings) {
    aws.putIntegrationResponse(r -> {
      r.restApiId(id).resourceId(resource).httpMethod(httpMethod).statusCode(status);
      settings.accept(r);
    });
  }

  void deploy(String stage, Map<String, String> variables, URI probe, String probeMethod) {
    aws.createDeployment(r -> r.restApiId(id).stageName(stage).variables(variables));
    Fixtures.awaitServing(probe, probeMethod);
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
