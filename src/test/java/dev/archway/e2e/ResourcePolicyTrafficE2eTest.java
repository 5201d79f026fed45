package dev.archway.e2e;

import static dev.archway.e2e.AuthFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** REST API resource policies: aws:SourceIp, method and path resources, and how they combine with an authorizer. */
class ResourcePolicyTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static String openApi;
  static String elsewhereApi;
  static String authorizedApi;

  @BeforeAll
  static void buildApis() {
    ApiGatewayClient aws = server.client();
    openApi = api(aws, "from-loopback", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
           "Condition":{"IpAddress":{"aws:SourceIp":["127.0.0.0/8","::1/128"]}}},
          {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*/GET/admin/*"},
          {"Effect":"Deny","Principal":"*","Action":"execute-api:*","Resource":"execute-api:/test/POST/items"}]}""", "NONE", null);
    elsewhereApi = api(aws, "from-elsewhere", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*",
           "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""", "NONE", null);
    lambda.register("other-only", inv -> {
      String arn = inv.json().getString("methodArn");
      return Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "p").put("policyDocument",
          new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray().add(new JsonObject()
              .put("Effect", "Allow").put("Action", "execute-api:Invoke")
              .put("Resource", arn.substring(0, arn.indexOf('/')) + "/*/GET/nowhere"))))));
    });
    authorizedApi = api(aws, "with-authorizer", """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*/GET/items"},
          {"Effect":"Deny","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/*/GET/admin/*"}]}""",
        "CUSTOM", "other-only");
  }

  /** An API with GET and POST /items and GET /admin/x, guarded by {@code authorization}; returns its id once served. */
  static String api(ApiGatewayClient aws, String name, String policy, String authorization, String function) {
    var api = aws.createRestApi(r -> r.name(name).policy(policy));
    String id = api.id();
    String authorizer = function == null ? null : aws.createAuthorizer(r -> r.restApiId(id).name("a").type("TOKEN")
        .authorizerUri(AuthFixtures.LAMBDA_URI.formatted(function)).identitySource("method.request.header.Authorization")
        .authorizerResultTtlInSeconds(0)).id();
    String items = AuthFixtures.guarded(aws, id, api.rootResourceId(), "items", "GET", authorization, authorizer, null, "{\"items\":[]}");
    AuthFixtures.method(aws, id, items, "POST", authorization, authorizer, null, "{}");
    String admin = aws.createResource(r -> r.restApiId(id).parentId(api.rootResourceId()).pathPart("admin")).id();
    AuthFixtures.guarded(aws, id, admin, "x", "GET", authorization, authorizer, null, "{}");
    aws.createDeployment(r -> r.restApiId(id).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(id, "test", "/items"), "GET");
    return id;
  }

  static URI url(String apiId, String path) {
    return server.pathStyle(apiId, "test", path);
  }

  @Test
  void anAllowForTheCallersAddressLetsItIn() throws Exception {
    HttpResponse<String> response = get(url(openApi, "/items"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  @Test
  void anExplicitDenyOnAPathOrAMethodWinsOverTheAllow() throws Exception {
    HttpResponse<String> admin = get(url(openApi, "/admin/x"));
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
        + "arn:aws:execute-api:us-east-1:********0000:" + openApi + "/test/GET/admin/x with an explicit deny\"}");
    assertThat(admin.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
    HttpResponse<String> post = AuthFixtures.HTTP.send(HttpRequest.newBuilder(url(openApi, "/items"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).endsWith("/test/POST/items with an explicit deny\"}");
  }

  @Test
  void noAllowForTheCallersAddressIsAnImplicitDeny() throws Exception {
    HttpResponse<String> response = get(url(elsewhereApi, "/items"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"Message\":\"User: anonymous is not authorized to perform: execute-api:Invoke on resource: "
        + "arn:aws:execute-api:us-east-1:********0000:" + elsewhereApi + "/test/GET/items\"}");
  }

  @Test
  void withAnAuthorizerAnExplicitDenyStopsTheRequestBeforeTheFunctionIsCalled() throws Exception {
    int before = lambda.invocations("other-only").size();
    HttpResponse<String> admin = get(url(authorizedApi, "/admin/x"), "Authorization", "token");
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.body()).endsWith("with an explicit deny\"}");
    assertThat(lambda.invocations("other-only")).hasSize(before);
  }

  @Test
  void withAnAuthorizerTheResourcePolicysAllowCoversAnAuthorizerPolicyThatMatchesNothing() throws Exception {
    // Table A: authorizer "neither" + resource policy Allow = Allow; both "neither" = implicit deny.
    assertThat(get(url(authorizedApi, "/items"), "Authorization", "token").statusCode()).isEqualTo(200);
    HttpResponse<String> post = AuthFixtures.HTTP.send(HttpRequest.newBuilder(url(authorizedApi, "/items"))
        .header("Authorization", "token").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(post.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
  }
}
