package dev.archway.e2e;

import static dev.archway.e2e.AuthFixtures.LAMBDA_URI;
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
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** Lambda TOKEN and REQUEST authorizers on REST traffic: policies, identity, caching, failures. */
class LambdaAuthorizerTrafficE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));

  static final String ECHO = "{\"principal\":\"$context.authorizer.principalId\",\"user\":\"$context.authorizer.user\","
      + "\"n\":\"$context.authorizer.n\",\"tenant\":\"$context.authorizer.tenant\"}";
  static String apiId;

  @BeforeAll
  static void buildApi() {
    lambda.register("token-auth", inv -> Future.succeededFuture(tokenAnswer(inv.json())));
    lambda.register("request-auth", inv -> {
      JsonObject event = inv.json();
      if (!"REQUEST".equals(event.getString("type"))) {
        return Future.succeededFuture(Reply.functionError("Error", "expected a REQUEST event"));
      }
      String tenant = event.getJsonObject("queryStringParameters").getString("tenant");
      String user = event.getJsonObject("headers").getString("X-User");
      return Future.succeededFuture(Reply.ok(allow(user, event.getString("methodArn"), "Allow")
          .put("context", new JsonObject().put("tenant", tenant).put("user", user))));
    });

    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("lambda-authorizers"));
    apiId = api.id();
    String tok = authorizer(aws, "tok", "TOKEN", "token-auth", "method.request.header.Authorization", null, 300);
    String tok0 = authorizer(aws, "tok0", "TOKEN", "token-auth", "method.request.header.Authorization", null, 0);
    String tokv = authorizer(aws, "tokv", "TOKEN", "token-auth", "method.request.header.Authorization", "allow-[a-z0-9]+", 300);
    String req = authorizer(aws, "req", "REQUEST", "request-auth",
        "method.request.header.X-User, method.request.querystring.tenant", null, 300);
    String root = api.rootResourceId();
    AuthFixtures.guarded(aws, apiId, root, "a", "GET", "CUSTOM", tok, null, ECHO);
    AuthFixtures.guarded(aws, apiId, root, "b", "GET", "CUSTOM", tok, null, ECHO);
    AuthFixtures.guarded(aws, apiId, root, "uncached", "GET", "CUSTOM", tok0, null, ECHO);
    AuthFixtures.guarded(aws, apiId, root, "validated", "GET", "CUSTOM", tokv, null, ECHO);
    AuthFixtures.guarded(aws, apiId, root, "req", "GET", "CUSTOM", req, null, ECHO);
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(url("/a"), "GET");
  }

  /**
   * Tokens say what to answer: {@code allow-*} allows the exact method ARN, {@code wild-*} the
   * whole API, {@code deny-*} denies it, {@code other-*} allows another method only.
   */
  private static Reply tokenAnswer(JsonObject event) {
    String token = event.getString("authorizationToken");
    String arn = event.getString("methodArn");
    String apiArn = arn.substring(0, arn.indexOf('/'));
    if (token.startsWith("allow-")) {
      return Reply.ok(allow("user-" + token, arn, "Allow").put("context",
          new JsonObject().put("user", "alice").put("n", 1).put("admin", true)));
    }
    if (token.startsWith("wild-")) {
      return Reply.ok(allow("user-" + token, apiArn + "/*/GET/*", "Allow"));
    }
    if (token.startsWith("deny-")) {
      return Reply.ok(allow("user-" + token, apiArn + "/*", "Deny"));
    }
    if (token.startsWith("other-")) {
      return Reply.ok(allow("user-" + token, apiArn + "/*/POST/elsewhere", "Allow"));
    }
    if (token.startsWith("unauthorized")) {
      return Reply.functionError("Error", "Unauthorized");
    }
    if (token.startsWith("garbage")) {
      return Reply.ok("{\"principalId\":\"x\"}");
    }
    return Reply.functionError("RuntimeException", "boom");
  }

  private static JsonObject allow(String principal, String resource, String effect) {
    return new JsonObject().put("principalId", principal).put("policyDocument", new JsonObject()
        .put("Version", "2012-10-17").put("Statement", new JsonArray().add(new JsonObject()
            .put("Action", "execute-api:Invoke").put("Effect", effect).put("Resource", resource))));
  }

  private static String authorizer(ApiGatewayClient aws, String name, String type, String function, String source,
      String validation, int ttl) {
    return aws.createAuthorizer(r -> r.restApiId(apiId).name(name).type(type).authorizerUri(LAMBDA_URI.formatted(function))
        .identitySource(source).identityValidationExpression(validation).authorizerResultTtlInSeconds(ttl)).id();
  }

  static URI url(String path) {
    return server.pathStyle(apiId, "test", path);
  }

  private static int calls(String function) {
    return lambda.invocations(function).size();
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(lambda.rejectedSignatures()).isEmpty();
  }

  @Test
  void anAllowPolicyLetsTheRequestThroughWithPrincipalAndContextInTheTemplate() throws Exception {
    HttpResponse<String> response = get(url("/a"), "Authorization", "allow-ctx");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject()
        .put("principal", "user-allow-ctx").put("user", "alice").put("n", "1").put("tenant", ""));
    JsonObject event = lambda.invocations("token-auth").stream().map(LambdaServer.Invocation::json)
        .filter(e -> "allow-ctx".equals(e.getString("authorizationToken"))).findFirst().orElseThrow();
    assertThat(event.fieldNames()).containsExactlyInAnyOrder("type", "authorizationToken", "methodArn");
    assertThat(event.getString("type")).isEqualTo("TOKEN");
    assertThat(event.getString("methodArn")).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/test/GET/a");
  }

  @Test
  void denyPoliciesAndPoliciesForOtherMethodsAre403WithAwsMessages() throws Exception {
    HttpResponse<String> denied = get(url("/a"), "Authorization", "deny-1");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
    assertThat(denied.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");

    HttpResponse<String> other = get(url("/a"), "Authorization", "other-1");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(other.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
  }

  @Test
  void aMissingTokenIs401WithoutCallingTheFunction() throws Exception {
    int before = calls("token-auth");
    HttpResponse<String> response = get(url("/b"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
    assertThat(calls("token-auth")).isEqualTo(before);
  }

  @Test
  void identityValidationExpressionRejectsBeforeTheFunctionIsCalled() throws Exception {
    int before = calls("token-auth");
    assertThat(get(url("/validated"), "Authorization", "deny-NOT-MATCHING").statusCode()).isEqualTo(401);
    assertThat(calls("token-auth")).isEqualTo(before);
    assertThat(get(url("/validated"), "Authorization", "allow-valid1").statusCode()).isEqualTo(200);
    assertThat(calls("token-auth")).isEqualTo(before + 1);
  }

  @Test
  void aCachedPolicyIsReusedAndReEvaluatedForEveryMethod() throws Exception {
    int before = calls("token-auth");
    assertThat(get(url("/a"), "Authorization", "allow-cache").statusCode()).isEqualTo(200);
    assertThat(get(url("/a"), "Authorization", "allow-cache").statusCode()).isEqualTo(200);
    assertThat(calls("token-auth")).isEqualTo(before + 1);
    // The cached policy names GET /a only: AWS applies it to /b as well, and it denies.
    HttpResponse<String> b = get(url("/b"), "Authorization", "allow-cache");
    assertThat(b.statusCode()).isEqualTo(403);
    assertThat(calls("token-auth")).isEqualTo(before + 1);
    // A policy for the whole API, cached once, serves both methods.
    assertThat(get(url("/a"), "Authorization", "wild-cache").statusCode()).isEqualTo(200);
    assertThat(get(url("/b"), "Authorization", "wild-cache").statusCode()).isEqualTo(200);
    assertThat(calls("token-auth")).isEqualTo(before + 2);
  }

  @Test
  void aZeroTtlCallsTheFunctionEveryTime() throws Exception {
    int before = calls("token-auth");
    for (int i = 0; i < 3; i++) {
      assertThat(get(url("/uncached"), "Authorization", "allow-nocache").statusCode()).isEqualTo(200);
    }
    assertThat(calls("token-auth")).isEqualTo(before + 3);
  }

  @Test
  void functionErrorsFailClosedWith500AndUnauthorizedWith401() throws Exception {
    HttpResponse<String> crash = get(url("/a"), "Authorization", "crash-1");
    assertThat(crash.statusCode()).isEqualTo(500);
    assertThat(crash.body()).isEqualTo("{\"message\":null}");
    assertThat(crash.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");

    HttpResponse<String> garbage = get(url("/a"), "Authorization", "garbage-1");
    assertThat(garbage.statusCode()).isEqualTo(500);
    assertThat(garbage.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");

    HttpResponse<String> unauthorized = get(url("/a"), "Authorization", "unauthorized-1");
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
  }

  @Test
  void requestAuthorizersNeedEveryIdentitySourceAndCacheByAllOfThem() throws Exception {
    int before = calls("request-auth");
    assertThat(get(url("/req?tenant=t1")).statusCode()).isEqualTo(401);
    assertThat(get(url("/req"), "X-User", "bob").statusCode()).isEqualTo(401);
    assertThat(calls("request-auth")).isEqualTo(before);

    HttpResponse<String> t1 = get(url("/req?tenant=t1"), "X-User", "bob");
    assertThat(t1.statusCode()).as(t1.body()).isEqualTo(200);
    assertThat(new JsonObject(t1.body()).getString("tenant")).isEqualTo("t1");
    assertThat(get(url("/req?tenant=t1"), "X-User", "bob").statusCode()).isEqualTo(200);
    assertThat(calls("request-auth")).isEqualTo(before + 1);
    HttpResponse<String> t2 = get(url("/req?tenant=t2"), "X-User", "bob");
    assertThat(new JsonObject(t2.body()).getString("tenant")).isEqualTo("t2");
    assertThat(calls("request-auth")).isEqualTo(before + 2);

    JsonObject event = lambda.invocations("request-auth").get(before).json();
    assertThat(event.getString("methodArn")).endsWith("/test/GET/req");
    assertThat(event.getString("resource")).isEqualTo("/req");
    assertThat(event.getJsonObject("requestContext").getString("stage")).isEqualTo("test");
    assertThat(event.containsKey("body")).isFalse();
    assertThat(List.of("headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters",
        "pathParameters", "stageVariables", "requestContext", "httpMethod", "path")).allMatch(event::containsKey);
  }
}
