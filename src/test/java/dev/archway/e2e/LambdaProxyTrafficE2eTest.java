package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** REST APIs with AWS_PROXY integrations, built with the AWS SDK, calling a real signed Lambda Invoke API. */
class LambdaProxyTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe, 1};
  /**
   * Strict: a field our event names differently from the library Lambda functions use fails the
   * test. Only AWS fields the library lacks are let through: {@code identity.apiKeyId}
   * ($context.identity.apiKeyId) and {@code requestContext.deploymentId} (in AWS's example event).
   */
  static final ObjectMapper EVENTS = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
      .addMixIn(APIGatewayProxyRequestEvent.RequestIdentity.class, IdentityExtras.class)
      .addMixIn(APIGatewayProxyRequestEvent.ProxyRequestContext.class, ContextExtras.class);

  @JsonIgnoreProperties({"deploymentId"})
  private abstract static class ContextExtras {}

  @JsonIgnoreProperties({"apiKeyId"})
  private abstract static class IdentityExtras {}
  static final HttpClient http = HttpClient.newHttpClient();
  static String apiId;
  static String plainApiId;
  static String wildcardApiId;
  static String allBinaryApiId;

  @BeforeAll
  static void buildApis() {
    lambda.register("echo", inv -> Future.succeededFuture(Reply.ok(new JsonObject()
        .put("statusCode", 200).put("body", inv.payload().toString()))));
    lambda.register("responder", inv -> Future.succeededFuture(responses(inv.json().getJsonObject("pathParameters").getString("case"))));
    lambda.register("boom", inv -> Future.succeededFuture(Reply.functionError("IllegalStateException", "it broke")));
    lambda.register("sleepy", inv -> lambda.later(3_000, Reply.ok("{}")));
    lambda.register("throttled", inv -> Future.succeededFuture(Reply.apiError(429, "TooManyRequestsException")));

    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("lambda-proxy").binaryMediaTypes("image/png", "application/octet-stream"));
    apiId = api.id();
    String echo = resource(aws, apiId, resource(aws, apiId, api.rootResourceId(), "echo"), "{id}");
    proxy(aws, apiId, echo, "ANY", "POST", FUNCTIONS + "echo", null);
    String responder = resource(aws, apiId, resource(aws, apiId, api.rootResourceId(), "fixed"), "{case}");
    proxy(aws, apiId, responder, "GET", "POST", FUNCTIONS + "responder", null);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "boom"), "GET", "POST", FUNCTIONS + "boom", null);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "slow"), "GET", "POST", FUNCTIONS + "sleepy", 200);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "missing"), "GET", "POST", FUNCTIONS + "nobody", null);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "throttled"), "GET", "POST", FUNCTIONS + "throttled", null);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "get"), "GET", "GET", FUNCTIONS + "echo", null);
    proxy(aws, apiId, resource(aws, apiId, resource(aws, apiId, api.rootResourceId(), "greedy"), "{proxy+}"), "GET", "POST",
        FUNCTIONS + "echo", null);
    proxy(aws, apiId, resource(aws, apiId, api.rootResourceId(), "staged"), "GET", "POST",
        FUNCTIONS + "${stageVariables.fn}:live", null);
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test").variables(Map.of("fn", "echo", "color", "blue")));

    plainApiId = responderApi(aws, "lambda-proxy-text");
    wildcardApiId = responderApi(aws, "lambda-proxy-images", "image/*");
    allBinaryApiId = responderApi(aws, "lambda-proxy-all-binary", "*/*");
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/get"), "GET");
    Fixtures.awaitServing(server.pathStyle(wildcardApiId, "test", "/fixed/no-status"), "GET");
    Fixtures.awaitServing(server.pathStyle(allBinaryApiId, "test", "/fixed/no-status"), "GET");
    Fixtures.awaitServing(server.pathStyle(plainApiId, "test", "/fixed/no-status"), "GET");
  }

  /** An API with the responder function under {@code /fixed/{case}}, deployed to {@code test}. */
  private static String responderApi(ApiGatewayClient aws, String name, String... binaryMediaTypes) {
    var api = aws.createRestApi(r -> r.name(name).binaryMediaTypes(binaryMediaTypes));
    String responder = resource(aws, api.id(), resource(aws, api.id(), api.rootResourceId(), "fixed"), "{case}");
    proxy(aws, api.id(), responder, "GET", "POST", FUNCTIONS + "responder", null);
    aws.createDeployment(r -> r.restApiId(api.id()).stageName("test"));
    return api.id();
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(lambda.rejectedSignatures()).isEmpty();
  }

  @Test
  void theEventCarriesMultiValueHeadersAndQueryPathParametersAndTheStagedPath() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo/a%2Bb?x=1&x=2&y=c+d"))
        .header("X-Multi", "one").header("X-Multi", "two")
        .header("authorization", "Bearer t0k3n").header("user-agent", "tests/1.0").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    APIGatewayProxyRequestEvent event = EVENTS.readValue(response.body(), APIGatewayProxyRequestEvent.class);
    assertThat(event.getResource()).isEqualTo("/echo/{id}");
    assertThat(event.getPath()).isEqualTo("/echo/a%2Bb");
    assertThat(event.getHttpMethod()).isEqualTo("GET");
    assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "a+b"));
    assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("x", "2", "y", "c d"));
    assertThat(event.getMultiValueQueryStringParameters()).isEqualTo(Map.of("x", List.of("1", "2"), "y", List.of("c d")));
    assertThat(event.getHeaders()).containsEntry("X-Multi", "two").containsEntry("Authorization", "Bearer t0k3n")
        .containsEntry("User-Agent", "tests/1.0").doesNotContainKeys("authorization", "Content-Length", "Connection");
    assertThat(event.getMultiValueHeaders()).containsEntry("X-Multi", List.of("one", "two"));
    assertThat(event.getStageVariables()).isEqualTo(Map.of("fn", "echo", "color", "blue"));
    assertThat(event.getBody()).isNull();
    assertThat(event.getIsBase64Encoded()).isFalse();

    var context = event.getRequestContext();
    assertThat(context.getPath()).isEqualTo("/test/echo/a%2Bb");
    assertThat(context.getStage()).isEqualTo("test");
    assertThat(context.getApiId()).isEqualTo(apiId);
    assertThat(context.getResourcePath()).isEqualTo("/echo/{id}");
    assertThat(context.getResourceId()).isNotBlank();
    assertThat(context.getHttpMethod()).isEqualTo("GET");
    assertThat(context.getAccountId()).isEqualTo("000000000000");
    assertThat(context.getProtocol()).isEqualTo("HTTP/1.1");
    assertThat(context.getRequestId()).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
    assertThat(context.getRequestTimeEpoch()).isPositive();
    assertThat(context.getRequestTime()).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
    assertThat(context.getExtendedRequestId()).isNotBlank();
    assertThat(context.getDomainName()).startsWith("127.0.0.1");
    assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getIdentity().getUserAgent()).isEqualTo("tests/1.0");
    assertThat(context.getIdentity().getApiKey()).isNull();
    assertThat(context.getIdentity().getUser()).isNull();
    assertThat(context.getAuthorizer()).isNull();

    JsonObject raw = new JsonObject(response.body());
    assertThat(raw.getJsonObject("requestContext").getJsonObject("identity").containsKey("cognitoIdentityId")).isTrue();
    var invocation = lambda.invocations("echo").get(lambda.invocations("echo").size() - 1);
    assertThat(invocation.headers().get("X-Amz-Invocation-Type")).isEqualTo("RequestResponse");
    assertThat(invocation.function()).isEqualTo(FUNCTIONS + "echo");
  }

  @Test
  void absentMapsAreNullNotEmpty() throws Exception {
    HttpResponse<String> response = get(apiId, "/echo/1", Map.of());
    JsonObject event = new JsonObject(response.body());
    assertThat(event.containsKey("queryStringParameters")).isTrue();
    assertThat(event.getValue("queryStringParameters")).isNull();
    assertThat(event.getValue("multiValueQueryStringParameters")).isNull();
    assertThat(event.getValue("body")).isNull();
  }

  @Test
  void aBinaryContentTypeReachesTheFunctionBase64EncodedAndTextStaysText() throws Exception {
    HttpResponse<String> binary = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo/1"))
        .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(), HttpResponse.BodyHandlers.ofString());
    APIGatewayProxyRequestEvent event = EVENTS.readValue(binary.body(), APIGatewayProxyRequestEvent.class);
    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(PNG);
    assertThat(event.getHeaders()).doesNotContainKey("Content-Length");

    HttpResponse<String> text = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo/1"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
        HttpResponse.BodyHandlers.ofString());
    APIGatewayProxyRequestEvent textEvent = EVENTS.readValue(text.body(), APIGatewayProxyRequestEvent.class);
    assertThat(textEvent.getIsBase64Encoded()).isFalse();
    assertThat(textEvent.getBody()).isEqualTo("{\"a\":1}");
  }

  @Test
  void theFunctionNameComesFromAStageVariableWithItsAlias() throws Exception {
    HttpResponse<String> response = get(apiId, "/staged", Map.of());
    assertThat(response.statusCode()).isEqualTo(200);
    var invocation = lambda.invocations("echo").stream().filter(i -> "live".equals(i.qualifier())).findFirst().orElseThrow();
    assertThat(invocation.function()).isEqualTo(FUNCTIONS + "echo");
  }

  @Test
  void validResponsesAreAcceptedTheAwsWay() throws Exception {
    HttpResponse<String> created = get(apiId, "/fixed/created-string", Map.of());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).isEqualTo("made");

    HttpResponse<String> noStatus = get(apiId, "/fixed/no-status", Map.of());
    assertThat(noStatus.statusCode()).isEqualTo(200);
    assertThat(noStatus.body()).isEqualTo("plain");
    assertThat(noStatus.headers().firstValue("Content-Type")).hasValue("application/json");

    HttpResponse<String> headers = get(apiId, "/fixed/headers", Map.of());
    assertThat(headers.headers().allValues("X-Multi")).containsExactly("m1", "m2", "single");
    assertThat(headers.headers().firstValue("X-Bool")).hasValue("true");
    assertThat(headers.headers().firstValue("Content-Type")).hasValue("text/plain");
  }

  @Test
  void malformedResponsesAndFunctionErrorsAre502() throws Exception {
    for (String bad : List.of("extra-key", "not-json", "bad-status", "object-body", "number-header", "array", "scalar-multi")) {
      HttpResponse<String> response = get(apiId, "/fixed/" + bad, Map.of());
      assertThat(response.statusCode()).as(bad).isEqualTo(502);
      assertThat(response.body()).as(bad).isEqualTo("{\"message\":\"Internal server error\"}");
    }
    HttpResponse<String> boom = get(apiId, "/boom", Map.of());
    assertThat(boom.statusCode()).isEqualTo(502);
    assertThat(boom.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void timeoutsThrottlingMissingFunctionsAndAGetIntegrationMethod() throws Exception {
    HttpResponse<String> slow = get(apiId, "/slow", Map.of());
    assertThat(slow.statusCode()).isEqualTo(504);
    assertThat(slow.body()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
    assertThat(get(apiId, "/missing", Map.of()).statusCode()).isEqualTo(500);
    assertThat(get(apiId, "/throttled", Map.of()).statusCode()).isEqualTo(500);
    HttpResponse<String> wrongMethod = get(apiId, "/get", Map.of());
    assertThat(wrongMethod.statusCode()).isEqualTo(500);
    assertThat(wrongMethod.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void base64BodiesAreDecodedOnlyWhenTheFirstAcceptEntryIsABinaryMediaType() throws Exception {
    String encoded = Base64.getEncoder().encodeToString(PNG);
    HttpResponse<byte[]> decoded = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/fixed/binary"))
        .header("Accept", "image/png").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(decoded.body()).isEqualTo(PNG);

    HttpResponse<String> wildcard = get(apiId, "/fixed/binary", Map.of("Accept", "application/*"));
    assertThat(wildcard.body()).isEqualTo(encoded);
    HttpResponse<String> notFirst = get(apiId, "/fixed/binary", Map.of("Accept", "text/html, image/png"));
    assertThat(notFirst.body()).isEqualTo(encoded);
    HttpResponse<String> noBinaryTypes = get(plainApiId, "/fixed/binary", Map.of("Accept", "image/png"));
    assertThat(noBinaryTypes.body()).isEqualTo(encoded);
  }

  private static Reply responses(String which) {
    return switch (which) {
      case "created-string" -> Reply.ok("{\"statusCode\":\"201\",\"body\":\"made\"}");
      case "no-status" -> Reply.ok("{\"body\":\"plain\"}");
      case "headers" -> Reply.ok("{\"statusCode\":200,\"headers\":{\"x-multi\":\"single\",\"X-Bool\":true,\"Content-Type\":\"text/plain\"},"
          + "\"multiValueHeaders\":{\"X-Multi\":[\"m1\",\"m2\"]},\"body\":\"\"}");
      case "binary" -> Reply.ok(new JsonObject().put("statusCode", 200).put("isBase64Encoded", true)
          .put("headers", new JsonObject().put("Content-Type", "image/png"))
          .put("body", Base64.getEncoder().encodeToString(PNG)));
      case "extra-key" -> Reply.ok("{\"statusCode\":200,\"body\":\"x\",\"extra\":1}");
      case "not-json" -> Reply.ok("hello");
      case "bad-status" -> Reply.ok("{\"statusCode\":\"abc\"}");
      case "object-body" -> Reply.ok("{\"statusCode\":200,\"body\":{\"a\":1}}");
      case "number-header" -> Reply.ok("{\"statusCode\":200,\"headers\":{\"X-N\":1}}");
      case "array" -> Reply.ok("[1,2]");
      case "scalar-multi" -> Reply.ok("{\"statusCode\":200,\"multiValueHeaders\":{\"X-A\":\"b\"}}");
      case "bad-base64" -> Reply.ok("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"not base64!\"}");
      case "wrapped-base64" -> Reply.ok(new JsonObject().put("statusCode", 200).put("isBase64Encoded", true)
          .put("body", Base64.getMimeEncoder(4, "\n".getBytes()).encodeToString(PNG)));
      default -> Reply.functionError("IllegalArgumentException", "no case " + which);
    };
  }

  private static HttpResponse<String> get(String api, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.pathStyle(api, "test", path)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theEventCarriesTheTraceIdForwardedHeadersAndTheApiIdAsDomainPrefixAndNoKeyWhenNoneWasUsed() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo/1"))
        .header("X-Forwarded-For", "203.0.113.9").GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonObject event = new JsonObject(response.body());
    JsonObject headers = event.getJsonObject("headers");
    assertThat(headers.getString("X-Amzn-Trace-Id")).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}")
        .isEqualTo(response.headers().firstValue("X-Amzn-Trace-Id").orElseThrow());
    assertThat(headers.getString("X-Forwarded-For")).isEqualTo("203.0.113.9, 127.0.0.1");
    assertThat(headers.getString("X-Forwarded-Port")).isEqualTo(String.valueOf(server.port()));
    assertThat(headers.getString("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(event.getJsonObject("multiValueHeaders").getJsonArray("X-Forwarded-For").getList())
        .containsExactly("203.0.113.9, 127.0.0.1");
    JsonObject context = event.getJsonObject("requestContext");
    assertThat(context.getString("domainPrefix")).isEqualTo(apiId);
    assertThat(context.getJsonObject("identity").fieldNames()).doesNotContain("apiKey", "apiKeyId");
    assertThat(response.headers().firstValue("x-amz-apigw-id")).hasValueSatisfying(id -> assertThat(id).hasSize(16));
    assertThat(response.headers().firstValue("Connection")).hasValue("keep-alive");
  }

  @Test
  void aClientTraceRootIsKeptAndGivenAParent() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo/1"))
        .header("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(new JsonObject(response.body()).getJsonObject("headers").getString("X-Amzn-Trace-Id"))
        .matches("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=[0-9a-f]{16}");
  }

  @Test
  void aDoubleSlashBeforeTheStageCollapsesOneAfterItIsKeptAndThePathIsNotDecoded() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "//restapis/" + apiId + "/test/_user_request_/greedy/a//b%2Bc")).GET().build(), HttpResponse.BodyHandlers.ofString());
    JsonObject event = new JsonObject(response.body());
    assertThat(event.getString("path")).isEqualTo("/greedy/a//b%2Bc");
    assertThat(event.getJsonObject("requestContext").getString("path")).isEqualTo("/test/greedy/a//b%2Bc");
    assertThat(event.getJsonObject("pathParameters").getString("proxy")).isEqualTo("a//b+c");
    assertThat(event.getString("resource")).isEqualTo("/greedy/{proxy+}");
  }

  @Test
  void aBodyToDecodeThatIsNotBase64Is500AndLineBrokenBase64IsDecoded() throws Exception {
    HttpResponse<String> bad = get(apiId, "/fixed/bad-base64", Map.of("Accept", "image/png"));
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(bad.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    // Not asked for as binary, the same answer passes as the text it is.
    HttpResponse<String> asText = get(apiId, "/fixed/bad-base64", Map.of("Accept", "application/json"));
    assertThat(asText.statusCode()).isEqualTo(200);
    assertThat(asText.body()).isEqualTo("not base64!");

    HttpResponse<byte[]> wrapped = http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/fixed/wrapped-base64"))
        .header("Accept", "image/png").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(wrapped.body()).isEqualTo(PNG);
  }

  @Test
  void binaryMediaTypesMatchTheFirstAcceptEntryByRightWildcard() throws Exception {
    String encoded = Base64.getEncoder().encodeToString(PNG);
    HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(server.pathStyle(wildcardApiId, "test", "/fixed/binary"))
        .header("Accept", "image/webp;q=0.9, */*").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.body()).isEqualTo(PNG);
    assertThat(get(wildcardApiId, "/fixed/binary", Map.of("Accept", "application/octet-stream")).body()).isEqualTo(encoded);
    assertThat(get(wildcardApiId, "/fixed/binary", Map.of("Accept", "*/*")).body()).isEqualTo(encoded);
    // "*/*" among an API's binaryMediaTypes matches whatever the client puts first.
    HttpResponse<byte[]> any = http.send(HttpRequest.newBuilder(server.pathStyle(allBinaryApiId, "test", "/fixed/binary"))
        .header("Accept", "text/html,application/xhtml+xml").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(any.body()).isEqualTo(PNG);
  }

  static String resource(ApiGatewayClient aws, String api, String parent, String pathPart) {
    return aws.createResource(r -> r.restApiId(api).parentId(parent).pathPart(pathPart)).id();
  }

  private static void proxy(ApiGatewayClient aws, String api, String resource, String method, String integrationMethod,
      String functionArn, Integer timeout) {
    aws.putMethod(r -> r.restApiId(api).resourceId(resource).httpMethod(method).authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(api).resourceId(resource).httpMethod(method).type(IntegrationType.AWS_PROXY)
        .integrationHttpMethod(integrationMethod).timeoutInMillis(timeout)
        .uri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + functionArn + "/invocations"));
  }
}
