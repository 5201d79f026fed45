package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.V2Clients;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** Lambda REQUEST authorizers on HTTP APIs: payload 2.0 simple responses, payload 1.0 IAM policies, caching by identity, failures. */
class HttpApiLambdaAuthorizerE2eTest {
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final ArchwayServer server =
      new ArchwayServer(s -> s.withEndpoints(Endpoints.NONE.withLambda(URI.create(lambda.url()))));
  static final String FUNCTIONS = "arn:aws:lambda:us-east-1:000000000000:function:";
  static final String INVOKE = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/";
  static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  static HostStyleClient client;
  static String apiId;

  @BeforeAll
  static void buildApi() {
    lambda.register("echo", inv -> Future.succeededFuture(Reply.ok(new JsonObject().put("statusCode", 200).put("body", inv.payload().toString()))));
    lambda.register("simple", inv -> {
      boolean ok = "letmein".equals(inv.json().getJsonObject("headers").getString("x-token"));
      return Future.succeededFuture(Reply.ok(new JsonObject().put("isAuthorized", ok)
          .put("context", new JsonObject().put("user", "alice").put("n", 3))));
    });
    lambda.register("policy", inv -> {
      JsonObject event = inv.json();
      String effect = "letmein".equals(event.getString("identitySource")) ? "Allow" : "Deny";
      return Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "bob")
          .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray().add(
              new JsonObject().put("Action", "execute-api:Invoke").put("Effect", effect).put("Resource", event.getString("methodArn")))))
          .put("context", new JsonObject().put("tier", "gold"))));
    });
    lambda.register("refuses", inv -> Future.succeededFuture(Reply.functionError("Error", "Unauthorized")));
    lambda.register("crashes", inv -> Future.succeededFuture(Reply.functionError("IllegalStateException", "boom")));

    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("lambda-auth").protocolType(ProtocolType.HTTP)).apiId();
    String echo = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.AWS_PROXY)
        .integrationUri(FUNCTIONS + "echo").payloadFormatVersion("2.0")).integrationId();
    String simple = authorizer(v2, "simple", "2.0", true, 300);
    String policy = authorizer(v2, "policy", "1.0", false, 0);
    String refuses = authorizer(v2, "refuses", "2.0", true, 0);
    String crashes = authorizer(v2, "crashes", "2.0", true, 0);
    route(v2, "GET /simple/{id}", echo, simple);
    route(v2, "GET /policy", echo, policy);
    route(v2, "GET /refuses", echo, refuses);
    route(v2, "GET /crashes", echo, crashes);
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
  }

  static String authorizer(ApiGatewayV2Client v2, String function, String payload, boolean simple, int ttl) {
    return v2.createAuthorizer(r -> r.apiId(apiId).name(function).authorizerType(AuthorizerType.REQUEST)
        .authorizerUri(INVOKE + FUNCTIONS + function + "/invocations").authorizerPayloadFormatVersion(payload)
        .enableSimpleResponses(simple ? true : null).identitySource("$request.header.X-Token")
        .authorizerResultTtlInSeconds(ttl)).authorizerId();
  }

  static void route(ApiGatewayV2Client v2, String key, String integration, String authorizer) {
    v2.createRoute(r -> r.apiId(apiId).routeKey(key).target("integrations/" + integration)
        .authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizer));
  }

  static Response call(String path, String token) {
    return client.send("GET", apiId, path, token == null ? Map.of() : Map.of("X-Token", token), null);
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  @AfterEach
  void everyCallWasSigned() {
    assertThat(lambda.rejectedSignatures()).isEmpty();
  }

  @Test
  void aSimpleResponseAllowsAndItsContextReachesTheIntegrationAndIsCachedByIdentity() throws Exception {
    int before = lambda.invocations("simple").size();
    Response response = call("/simple/1", "letmein");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    APIGatewayV2HTTPEvent event = EVENTS.readValue(response.body(), APIGatewayV2HTTPEvent.class);
    assertThat(event.getRequestContext().getAuthorizer().getLambda()).isEqualTo(Map.of("user", "alice", "n", 3));
    assertThat(call("/simple/2", "letmein").status()).isEqualTo(200);
    assertThat(lambda.invocations("simple")).hasSize(before + 1);

    APIGatewayV2CustomAuthorizerEvent authorizerEvent = EVENTS.readValue(
        lambda.invocations("simple").get(before).payload().toString(), APIGatewayV2CustomAuthorizerEvent.class);
    assertThat(authorizerEvent.getVersion()).isEqualTo("2.0");
    assertThat(authorizerEvent.getType()).isEqualTo("REQUEST");
    assertThat(authorizerEvent.getRouteArn()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/$default/GET/simple/1");
    assertThat(authorizerEvent.getIdentitySource()).containsExactly("letmein");
    assertThat(authorizerEvent.getRouteKey()).isEqualTo("GET /simple/{id}");
    assertThat(authorizerEvent.getPathParameters()).isEqualTo(Map.of("id", "1"));
  }

  @Test
  void resetAuthorizersCacheMakesTheNextRequestCallTheAuthorizerAgain() {
    assertThat(call("/simple/1", "reset-me").status()).isEqualTo(403); // a denial, cached
    int before = lambda.invocations("simple").size();
    assertThat(call("/simple/2", "reset-me").status()).isEqualTo(403);
    assertThat(lambda.invocations("simple")).hasSize(before);

    try (ApiGatewayV2Client v2 = V2Clients.of(server)) {
      v2.resetAuthorizersCache(r -> r.apiId(apiId).stageName("$default"));
    }

    assertThat(call("/simple/2", "reset-me").status()).isEqualTo(403);
    assertThat(lambda.invocations("simple")).hasSize(before + 1);
  }

  @Test
  void aDeniedSimpleResponseIs403AndAMissingIdentityIs401WithoutACall() {
    Response denied = call("/simple/1", "wrong");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    int before = lambda.invocations("simple").size();
    Response missing = call("/simple/1", null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(lambda.invocations("simple")).hasSize(before);
  }

  @Test
  void payload10AuthorizersAnswerWithAPolicyForTheMethodArn() {
    Response allowed = call("/policy", "letmein");
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    JsonObject seen = new JsonObject(allowed.body()).getJsonObject("requestContext").getJsonObject("authorizer");
    assertThat(seen.getJsonObject("lambda").getString("tier")).isEqualTo("gold");
    assertThat(call("/policy", "nope").status()).isEqualTo(403);
    JsonObject event = lambda.invocations("policy").get(0).json();
    assertThat(event.getString("version")).isEqualTo("1.0");
    assertThat(event.getString("type")).isEqualTo("REQUEST");
    assertThat(event.getString("methodArn")).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/$default/GET/policy");
    assertThat(event.getJsonObject("headers").getString("X-Token")).isIn("letmein", "nope");
  }

  @Test
  void anAuthorizerFailingWithUnauthorizedIs401AndAnyOtherFailure500() {
    assertThat(call("/refuses", "x").status()).isEqualTo(401);
    Response crashed = call("/crashes", "x");
    assertThat(crashed.status()).isEqualTo(500);
    assertThat(crashed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    assertThat(List.of(lambda.invocations("echo").stream().map(i -> i.json().getString("rawPath")).toArray()))
        .doesNotContain("/refuses", "/crashes");
  }
}
