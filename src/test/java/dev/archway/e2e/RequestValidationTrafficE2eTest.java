package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Request validators deployed through the SDK, exercised with a real HTTP client. */
class RequestValidationTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static final String PET = "{\"type\":\"object\",\"required\":[\"name\"],"
      + "\"properties\":{\"name\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"},\"age\":{\"type\":\"integer\"}}}";

  private static final HttpClient http = HttpClient.newHttpClient();
  private static ApiGatewayClient aws;
  private static String apiId;
  private static String root;

  @BeforeAll
  static void buildApi() throws Exception {
    aws = server.client();
    var api = aws.createRestApi(r -> r.name("validation"));
    apiId = api.id();
    root = api.rootResourceId();
    aws.createModel(r -> r.restApiId(apiId).name("Pet").contentType("application/json").schema(PET));
    String all = aws.createRequestValidator(r -> r.restApiId(apiId).name("all")
        .validateRequestBody(true).validateRequestParameters(true)).id();
    String body = aws.createRequestValidator(r -> r.restApiId(apiId).name("body").validateRequestBody(true)).id();

    mockMethod("pets", "POST", all, Map.of("method.request.header.X-Key", true, "method.request.querystring.q", true,
        "method.request.querystring.optional", false), Map.of("application/json", "Pet"));
    mockMethod("empty", "POST", body, Map.of(), Map.of());
    mockMethod("anytype", "POST", body, Map.of(), Map.of("$default", "Pet"));
    mockMethod("unvalidated", "POST", null, Map.of("method.request.header.X-Key", true), Map.of("application/json", "Pet"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    await().until(() -> send("POST", "/empty", null, "{}").statusCode() == 200);
  }

  @Test
  void missingParametersAreListedHeaderFirst() throws Exception {
    HttpResponse<String> r = send("POST", "/pets", null, "{\"name\":\"rex\"}");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    assertThat(r.body()).isEqualTo("{\"message\":\"Missing required request parameters: [X-Key, q]\"}");

    HttpResponse<String> blank = send("POST", "/pets?q=", "k", "{\"name\":\"rex\"}");
    assertThat(blank.body()).isEqualTo("{\"message\":\"Missing required request parameters: [q]\"}");
  }

  @Test
  void bodiesAreCheckedAgainstTheModel() throws Exception {
    assertThat(send("POST", "/pets?q=1", "k", "{\"name\":\"rex\",\"age\":3}").statusCode()).isEqualTo(200);
    HttpResponse<String> invalid = send("POST", "/pets?q=1", "k", "{\"age\":\"three\"}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).isEqualTo("{\"message\":\"Invalid request body\"}");
    assertThat(send("POST", "/pets?q=1", "k", "{\"name\":\"Rex\"}").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/pets?q=1", "k", "{\"name\":\"rex\"} trailing").statusCode()).isEqualTo(400);
    // An empty body is {} and lacks the required name.
    assertThat(send("POST", "/pets?q=1", "k", "").statusCode()).isEqualTo(400);
  }

  @Test
  void aContentTypeWithoutModelIsNotValidatedUnlessThereIsADefault() throws Exception {
    assertThat(send("POST", "/pets?q=1", "k", "not json", "text/plain").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/anytype", null, "not json", "text/plain").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/anytype", null, "{\"name\":\"rex\"}", "text/plain").statusCode()).isEqualTo(200);
  }

  @Test
  void withoutRequestModelsTheEmptyModelApplies() throws Exception {
    assertThat(send("POST", "/empty", null, "").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/empty", null, "{\"any\":1}").statusCode()).isEqualTo(200);
    assertThat(send("POST", "/empty", null, "[1,2]").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/empty", null, "not json").statusCode()).isEqualTo(400);
    assertThat(send("POST", "/empty", null, "[".repeat(5_000)).statusCode()).isEqualTo(400);
  }

  @Test
  void aMethodWithoutValidatorIsNotValidated() throws Exception {
    assertThat(send("POST", "/unvalidated", null, "garbage").statusCode()).isEqualTo(200);
  }

  @Test
  void aChangedModelAppliesOnlyAfterRedeploy() throws Exception {
    String loose = "{\"type\":\"object\"}";
    aws.createModel(r -> r.restApiId(apiId).name("Strict").contentType("application/json")
        .schema("{\"type\":\"object\",\"required\":[\"id\"]}"));
    String body = aws.getRequestValidators(r -> r.restApiId(apiId)).items().stream()
        .filter(v -> v.name().equals("body")).findFirst().orElseThrow().id();
    mockMethod("strict", "POST", body, Map.of(), Map.of("application/json", "Strict"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("redeploy"));
    await().until(() -> send("redeploy", "/strict", "{}").statusCode() == 400);

    aws.updateModel(r -> r.restApiId(apiId).modelName("Strict").patchOperations(p -> p.op(Op.REPLACE).path("/schema").value(loose)));
    assertThat(send("redeploy", "/strict", "{}").statusCode()).isEqualTo(400);
    aws.createDeployment(r -> r.restApiId(apiId).stageName("redeploy"));
    await().until(() -> send("redeploy", "/strict", "{}").statusCode() == 200);
  }

  private static void mockMethod(String path, String httpMethod, String validatorId, Map<String, Boolean> parameters,
      Map<String, String> models) {
    String id = aws.createResource(r -> r.restApiId(apiId).parentId(root).pathPart(path)).id();
    aws.putMethod(r -> r.restApiId(apiId).resourceId(id).httpMethod(httpMethod).authorizationType("NONE")
        .requestValidatorId(validatorId).requestParameters(parameters).requestModels(models));
    aws.putMethodResponse(r -> r.restApiId(apiId).resourceId(id).httpMethod(httpMethod).statusCode("200"));
    aws.putIntegration(r -> r.restApiId(apiId).resourceId(id).httpMethod(httpMethod).type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}", "text/plain", "{\"statusCode\": 200}")));
    aws.putIntegrationResponse(r -> r.restApiId(apiId).resourceId(id).httpMethod(httpMethod).statusCode("200")
        .selectionPattern("").responseTemplates(Map.of("application/json", "{\"ok\":true}")));
  }

  private static HttpResponse<String> send(String stage, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, stage, path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
    return send(method, path, key, body, null);
  }

  private static HttpResponse<String> send(String method, String path, String key, String body, String contentType)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(server.pathStyle(apiId, "test", path))
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      b.header("X-Key", key);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
