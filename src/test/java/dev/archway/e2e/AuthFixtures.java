package dev.archway.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** Guarded MOCK methods built through the SDK, and plain HTTP calls, for the access-control e2e tests. */
final class AuthFixtures {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String LAMBDA_URI = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
      + "arn:aws:lambda:us-east-1:000000000000:function:%s/invocations";

  private AuthFixtures() {}

  /** A resource under the root with one MOCK method answering 200 with {@code template}; returns the resource id. */
  static String guarded(ApiGatewayClient aws, String apiId, String rootId, String pathPart, String httpMethod,
      String authorizationType, String authorizerId, List<String> scopes, String template) {
    String id = aws.createResource(r -> r.restApiId(apiId).parentId(rootId).pathPart(pathPart)).id();
    method(aws, apiId, id, httpMethod, authorizationType, authorizerId, scopes, template);
    return id;
  }

  static void method(ApiGatewayClient aws, String apiId, String resourceId, String httpMethod, String authorizationType,
      String authorizerId, List<String> scopes, String template) {
    aws.putMethod(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod)
        .authorizationType(authorizationType).authorizerId(authorizerId).authorizationScopes(scopes));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod).statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod).type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(resourceId).httpMethod(httpMethod).statusCode("200")
        .responseTemplates(Map.of("application/json", template)));
  }

  static HttpResponse<String> get(URI uri, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
