package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.HostStyleClient.Response;
import dev.archway.testing.OidcProvider;
import dev.archway.testing.V2Clients;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.JWTConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * JWT authorizers on HTTP APIs: tokens signed by an RSA key pair made in the test, keys found by
 * the gateway through a real issuer's openid-configuration and JWKS over HTTP.
 */
class HttpApiJwtAuthorizerE2eTest {
  @RegisterExtension @Order(1) static final OidcProvider idp = new OidcProvider();
  @RegisterExtension @Order(2) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(3) static final ArchwayServer server = new ArchwayServer();
  static final String AUDIENCE = "my-client";
  static HostStyleClient client;
  static String apiId;
  static String issuer;

  @BeforeAll
  static void buildApi() {
    issuer = idp.issuer("pool");
    client = new HostStyleClient(server.port());
    ApiGatewayV2Client v2 = V2Clients.of(server);
    apiId = v2.createApi(r -> r.name("jwt").protocolType(ProtocolType.HTTP)).apiId();
    String authorizer = v2.createAuthorizer(r -> r.apiId(apiId).name("jwt").authorizerType(AuthorizerType.JWT)
        .identitySource("$request.header.Authorization")
        .jwtConfiguration(JWTConfiguration.builder().issuer(issuer).audience(AUDIENCE).build())).authorizerId();
    String integration = v2.createIntegration(r -> r.apiId(apiId).integrationType(IntegrationType.HTTP_PROXY)
        .integrationMethod("GET").integrationUri(echo.url() + "/").payloadFormatVersion("1.0")
        .requestParameters(Map.of("overwrite:header.x-sub", "$context.authorizer.claims.sub"))).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /open").target("integrations/" + integration)
        .authorizationType(AuthorizationType.JWT).authorizerId(authorizer));
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /admin").target("integrations/" + integration)
        .authorizationType(AuthorizationType.JWT).authorizerId(authorizer).authorizationScopes("admin", "root"));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
    // The first token makes Archway fetch the issuer's keys within AWS's 1,500 ms; on a cold, loaded
    // test JVM that can miss (401) and the next request fetches again.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> call("/open", idp.sign(claims().build())).status() == 200);
  }

  @AfterAll
  static void close() throws Exception {
    client.close();
  }

  static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("user-1").claim("scope", "read admin")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
  }

  static Response call(String path, String token) {
    return client.send("GET", apiId, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
  }

  static void assertUnauthorized(Response response, String description) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(response.header("www-authenticate"))
        .isEqualTo("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\"");
  }

  @Test
  void aValidTokenPassesAndItsClaimsReachTheIntegration() {
    int discoveries = idp.fetches("/pool/.well-known/openid-configuration");
    Response response = call("/open", idp.sign(claims().build()));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonObject("headers").getString("x-sub")).isEqualTo("user-1");
    assertThat(idp.fetches("/pool/.well-known/openid-configuration")).as("discovery is cached").isEqualTo(discoveries);
  }

  @Test
  void missingExpiredAndForeignTokensAre401() {
    Response missing = call("/open", null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    Instant past = Instant.now().minusSeconds(3600);
    assertUnauthorized(call("/open", idp.sign(claims().issueTime(Date.from(past.minusSeconds(60)))
        .expirationTime(Date.from(past)).build())), "the token has expired");
    assertUnauthorized(call("/open", idp.sign(claims().audience("someone-else").build())),
        "the token does not have a valid audience");
    assertUnauthorized(call("/open", idp.sign(claims().issuer("https://evil.example.com").build())),
        "the token does not have a valid issuer");
  }

  @Test
  void algNoneAndAlgorithmConfusionAreRefused() throws Exception {
    String payload = Base64URL.encode(claims().build().toString()).toString();
    String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + idp.key().getKeyID() + "\"}").toString() + "." + payload + ".";
    assertThat(call("/open", none).status()).isEqualTo(401);
    // HS256 keyed with the RSA public key's bytes: a verifier that trusts the token's alg would accept it.
    SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(idp.key().getKeyID()).build(), claims().build());
    byte[] secret = idp.key().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    confused.sign(new MACSigner(secret));
    Response response = call("/open", confused.serialize());
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.header("www-authenticate")).contains("error=\"invalid_token\"");
  }

  @Test
  void aRouteWithScopesNeedsOneOfThemOrAnswers403() {
    Response allowed = call("/admin", idp.sign(claims().build()));
    assertThat(allowed.status()).isEqualTo(200);
    Response denied = call("/admin", idp.sign(claims().claim("scope", "read").build()));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(denied.header("www-authenticate")).isEqualTo(
        "Bearer scope=\"admin root\" error=\"insufficient_scope\" error_description=\"expected scopes: [admin root]\"");
  }
}
