package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.LambdaServer;
import dev.archway.testing.LambdaServer.Reply;
import dev.archway.testing.OidcProvider;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.TestInvokeAuthorizerResponse;

/** TestInvokeAuthorizer and FlushStageAuthorizersCache through the AWS SDK. */
class AuthorizerManagementExtrasE2eTest {
  static final String POOL = "us-east-1_ExtrasPool";
  @RegisterExtension @Order(1) static final LambdaServer lambda = new LambdaServer();
  @RegisterExtension @Order(2) static final OidcProvider oidc = new OidcProvider();
  @RegisterExtension @Order(3) static final ArchwayServer server = new ArchwayServer(s -> s.withEndpoints(
      Endpoints.NONE.withLambda(URI.create(lambda.url())).withCognitoIssuer(POOL, URI.create(oidc.issuer(POOL)))));

  static String apiId;
  static String tokenAuthorizer;
  static String poolAuthorizer;

  @BeforeAll
  static void buildApi() {
    lambda.register("auth", inv -> {
      JsonObject event = inv.json();
      if ("no".equals(event.getString("authorizationToken"))) {
        return Future.succeededFuture(Reply.functionError("Error", "Unauthorized"));
      }
      return Future.succeededFuture(Reply.ok(new JsonObject().put("principalId", "user-" + event.getString("authorizationToken"))
          .put("policyDocument", new JsonObject().put("Version", "2012-10-17").put("Statement", new JsonArray()
              .add(new JsonObject().put("Effect", "Allow").put("Action", "execute-api:Invoke")
                  .put("Resource", event.getString("methodArn")))))));
    });
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("extras"));
    apiId = api.id();
    tokenAuthorizer = aws.createAuthorizer(r -> r.restApiId(apiId).name("tok").type("TOKEN")
        .authorizerUri(AuthFixtures.LAMBDA_URI.formatted("auth")).identitySource("method.request.header.Authorization")).id();
    poolAuthorizer = aws.createAuthorizer(r -> r.restApiId(apiId).name("pool").type("COGNITO_USER_POOLS")
        .providerARNs("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + POOL)
        .identitySource("method.request.header.Authorization")).id();
    AuthFixtures.guarded(aws, apiId, api.rootResourceId(), "cached", "GET", "CUSTOM", tokenAuthorizer, null, "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(apiId, "test", "/cached"), "GET");
  }

  @Test
  void testInvokeOfALambdaAuthorizerReturnsItsPrincipalAndPolicy() {
    TestInvokeAuthorizerResponse response = server.client().testInvokeAuthorizer(r -> r.restApiId(apiId)
        .authorizerId(tokenAuthorizer).headers(Map.of("Authorization", "alice")).pathWithQueryString("/pets?x=1"));
    assertThat(response.clientStatus()).isZero();
    assertThat(response.principalId()).isEqualTo("user-alice");
    assertThat(new JsonObject(response.policy()).getJsonArray("Statement").getJsonObject(0).getString("Resource"))
        .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + apiId + "/test-invoke-stage/GET/pets");
    assertThat(response.log()).isNotBlank();
    assertThat(response.latency()).isNotNull();
  }

  @Test
  void testInvokeReportsWhatTheClientWouldGet() {
    assertThat(server.client().testInvokeAuthorizer(r -> r.restApiId(apiId).authorizerId(tokenAuthorizer)
        .headers(Map.of("Authorization", "no"))).clientStatus()).isEqualTo(401);
    assertThat(server.client().testInvokeAuthorizer(r -> r.restApiId(apiId).authorizerId(tokenAuthorizer))
        .clientStatus()).isEqualTo(401);
    assertThatThrownBy(() -> server.client().testInvokeAuthorizer(r -> r.restApiId(apiId).authorizerId("nope")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void testInvokeOfACognitoAuthorizerReturnsTheClaims() {
    Instant now = Instant.now();
    String token = oidc.sign(new JWTClaimsSet.Builder().issuer(oidc.issuer(POOL)).subject("sub-1").claim("token_use", "id")
        .claim("email", "bob@example.com").expirationTime(Date.from(now.plusSeconds(600))).build());
    // The first call fetches the pool's keys with AWS's 1,500 ms budget; on a cold, loaded test JVM
    // that fetch can miss it (500, fail closed), and the next call fetches again.
    TestInvokeAuthorizerResponse valid = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> server.client().testInvokeAuthorizer(r -> r.restApiId(apiId)
            .authorizerId(poolAuthorizer).headers(Map.of("Authorization", token))), v -> v.clientStatus() != 500);
    assertThat(valid.clientStatus()).isZero();
    assertThat(valid.claims()).containsEntry("sub", "sub-1").containsEntry("email", "bob@example.com");
    assertThat(server.client().testInvokeAuthorizer(r -> r.restApiId(apiId).authorizerId(poolAuthorizer)
        .headers(Map.of("Authorization", token + "x"))).clientStatus()).isEqualTo(401);
  }

  @Test
  void flushingTheStageCacheMakesTheNextRequestCallTheAuthorizerAgain() throws Exception {
    URI url = server.pathStyle(apiId, "test", "/cached");
    int before = lambda.invocations("auth").size();
    assertThat(AuthFixtures.get(url, "Authorization", "flush-me").statusCode()).isEqualTo(200);
    assertThat(AuthFixtures.get(url, "Authorization", "flush-me").statusCode()).isEqualTo(200);
    assertThat(lambda.invocations("auth")).hasSize(before + 1);
    server.client().flushStageAuthorizersCache(r -> r.restApiId(apiId).stageName("test"));
    assertThat(AuthFixtures.get(url, "Authorization", "flush-me").statusCode()).isEqualTo(200);
    assertThat(lambda.invocations("auth")).hasSize(before + 2);
    assertThatThrownBy(() -> server.client().flushStageAuthorizersCache(r -> r.restApiId(apiId).stageName("nope")))
        .isInstanceOf(NotFoundException.class);
  }
}
