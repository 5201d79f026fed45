package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/**
 * A test invocation is the API owner's call, as on AWS: it skips the API key requirement, the method's
 * authorizer or IAM authorization and the resource policy, and runs the rest of the draft method.
 */
class TestInvokeAccessE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String DENY_ALL = """
      {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"*"}]}""";

  private static NonProxyApi api;
  private static String keyed;
  private static String authorized;
  private static String iam;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "test-invoke-access");
    api.aws.updateRestApi(r -> r.restApiId(api.id).patchOperations(p -> p.op("replace").path("/policy").value(DENY_ALL)));
    String authorizer = api.aws.createAuthorizer(r -> r.restApiId(api.id).name("token").type(AuthorizerType.TOKEN)
        .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations")
        .identitySource("method.request.header.Authorization")).id();
    keyed = mock("keyed", r -> r.authorizationType("NONE").apiKeyRequired(true));
    authorized = mock("authorized", r -> r.authorizationType("CUSTOM").authorizerId(authorizer));
    iam = mock("iam", r -> r.authorizationType("AWS_IAM"));
  }

  @Test
  void anApiKeyRequiredMethodAnswersWithoutAKey() {
    var response = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(keyed).httpMethod("GET").pathWithQueryString("/keyed"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"resource\":\"/keyed\"}");
  }

  @Test
  void anAuthorizerIsNotCalledAndIamNeedsNoSignature() {
    var custom = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(authorized).httpMethod("GET").pathWithQueryString("/authorized"));
    assertThat(custom.status()).as("no Lambda endpoint is configured: calling the authorizer would fail").isEqualTo(200);
    var signed = api.aws.testInvokeMethod(r -> r.restApiId(api.id).resourceId(iam).httpMethod("GET").pathWithQueryString("/iam"));
    assertThat(signed.status()).isEqualTo(200);
    assertThat(signed.body()).isEqualTo("{\"resource\":\"/iam\"}");
  }

  private static String mock(String path, java.util.function.Consumer<software.amazon.awssdk.services.apigateway.model.PutMethodRequest.Builder> access) {
    String resource = api.resource(api.root, path);
    api.aws.putMethod(r -> {
      r.restApiId(api.id).resourceId(resource).httpMethod("GET");
      access.accept(r);
    });
    api.aws.putMethodResponse(r -> r.restApiId(api.id).resourceId(resource).httpMethod("GET").statusCode("200"));
    api.integration(resource, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    api.response(resource, "GET", "200", r -> r.selectionPattern("")
        .responseTemplates(Map.of("application/json", "{\"resource\":\"$context.resourcePath\"}")));
    return resource;
  }
}
