package dev.archway.e2e;

import static dev.archway.e2e.AuthFixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.archway.auth.jwt.JwksFetcher;
import dev.archway.auth.jwt.JwtConfiguration;
import dev.archway.auth.jwt.JwtRejectedException;
import dev.archway.auth.jwt.JwtValidator;
import dev.archway.auth.jwt.JwtValidators;
import dev.archway.config.Endpoints;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.OidcProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * COGNITO_USER_POOLS authorizers against a real OpenID provider started here (standing in for the
 * pool through the {@code cognito.issuers} setting): valid and invalid tokens, token_use and
 * scopes, and the JWT attacks of AWS-BEHAVIOUR D.3.
 */
class CognitoAuthorizerTrafficE2eTest {
  static final String POOL = "us-east-1_TestPool1";
  @RegisterExtension @Order(1) static final OidcProvider oidc = new OidcProvider();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer(
      s -> s.withEndpoints(Endpoints.NONE.withCognitoIssuer(POOL, URI.create(oidc.issuer(POOL)))));

  static String apiId;

  @BeforeAll
  static void buildApi() {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("cognito"));
    apiId = api.id();
    String authorizer = aws.createAuthorizer(r -> r.restApiId(apiId).name("pool").type("COGNITO_USER_POOLS")
        .providerARNs("arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + POOL)
        .identitySource("method.request.header.Authorization")).id();
    AuthFixtures.guarded(aws, apiId, api.rootResourceId(), "profile", "GET", "COGNITO_USER_POOLS", authorizer, null,
        "{\"sub\":\"$context.authorizer.claims.sub\",\"email\":\"$context.authorizer.claims.email\"}");
    AuthFixtures.guarded(aws, apiId, api.rootResourceId(), "orders", "GET", "COGNITO_USER_POOLS", authorizer,
        List.of("orders/read"), "{\"client\":\"$context.authorizer.claims.client_id\"}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("test"));
    Fixtures.awaitServing(url("/profile"), "GET");
    // The first token makes Archway fetch the pool's keys within AWS's 1,500 ms; on a cold, loaded
    // test JVM that can miss (500, fail closed) and the next request fetches again.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> status("/profile", oidc.sign(idToken().build())) == 200);
  }

  static URI url(String path) {
    return server.pathStyle(apiId, "test", path);
  }

  static JWTClaimsSet.Builder idToken() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(oidc.issuer(POOL)).subject("user-123").audience("app-client")
        .claim("token_use", "id").claim("email", "alice@example.com")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
  }

  static JWTClaimsSet.Builder accessToken(String scope) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder().issuer(oidc.issuer(POOL)).subject("user-123").claim("client_id", "app-client")
        .claim("token_use", "access").claim("scope", scope)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
  }

  static int status(String path, String token) throws Exception {
    return get(url(path), "Authorization", token).statusCode();
  }

  @Test
  void aValidIdTokenPassesWithItsClaimsInTheTemplate() throws Exception {
    HttpResponse<String> response = get(url("/profile"), "Authorization", oidc.sign(idToken().build()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("sub", "user-123").put("email", "alice@example.com"));
    assertThat(status("/profile", "Bearer " + oidc.sign(idToken().build()))).isEqualTo(200);
  }

  @Test
  void aTokenSeenBeforeIsStillCheckedAgainstTheMethod() throws Exception {
    String id = oidc.sign(idToken().build());
    assertThat(status("/profile", id)).isEqualTo(200);
    assertThat(status("/profile", id)).as("the remembered token").isEqualTo(200);
    assertThat(status("/orders", id)).as("remembered, but an ID token where scopes are needed").isEqualTo(401);
  }

  @Test
  void missingExpiredAndForeignTokensAre401() throws Exception {
    HttpResponse<String> missing = get(url("/profile"));
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    Instant past = Instant.now().minusSeconds(7200);
    assertThat(status("/profile", oidc.sign(idToken().issueTime(Date.from(past))
        .expirationTime(Date.from(past.plusSeconds(600))).build()))).isEqualTo(401);
    assertThat(status("/profile", oidc.sign(idToken().issuer("https://cognito-idp.us-east-1.amazonaws.com/other").build())))
        .isEqualTo(401);
    assertThat(status("/profile", "not.a.jwt")).isEqualTo(401);
  }

  @Test
  void tokenUseAndScopesFollowTheMethod() throws Exception {
    assertThat(status("/profile", oidc.sign(accessToken("orders/read").build()))).isEqualTo(401);
    assertThat(status("/orders", oidc.sign(idToken().build()))).isEqualTo(401);
    assertThat(status("/orders", oidc.sign(accessToken("orders/write").build()))).isEqualTo(401);
    HttpResponse<String> ok = get(url("/orders"), "Authorization", oidc.sign(accessToken("openid orders/read").build()));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).isEqualTo("{\"client\":\"app-client\"}");
  }

  @Test
  void algNoneIsRefused() throws Exception {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
    String payload = Base64URL.encode(idToken().build().toString().getBytes(StandardCharsets.UTF_8)).toString();
    assertThat(status("/profile", header + "." + payload + ".")).isEqualTo(401);
    assertThat(status("/profile", header + "." + payload)).isEqualTo(401);
  }

  @Test
  void hs256SignedWithThePublicKeyIsRefused() throws Exception {
    byte[] publicKey = oidc.key().toRSAPublicKey().getEncoded();
    SignedJWT confused = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(oidc.key().getKeyID()).build(),
        idToken().build());
    confused.sign(new MACSigner(publicKey));
    assertThat(status("/profile", confused.serialize())).isEqualTo(401);
  }

  @Test
  void jkuAndEmbeddedKeysAreIgnored() throws Exception {
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(oidc.key().getKeyID()).generate();
    String jku = oidc.url() + "/attacker/jwks.json";
    SignedJWT viaJku = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker-key")
        .jwkURL(URI.create(jku)).build(), idToken().build());
    viaJku.sign(new RSASSASigner(attacker));
    assertThat(status("/profile", viaJku.serialize())).isEqualTo(401);
    assertThat(oidc.fetches("/attacker/jwks.json")).isZero();

    SignedJWT embedded = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(oidc.key().getKeyID())
        .jwk(attacker.toPublicJWK()).build(), idToken().build());
    embedded.sign(new RSASSASigner(attacker));
    assertThat(status("/profile", embedded.serialize())).isEqualTo(401);
  }

  /** The shared validator (HTTP API JWT authorizers use it too): audience from aud or client_id. */
  @Test
  void theValidatorChecksTheAudienceAgainstAudOrClientId() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JwtValidator validator = new JwtValidators(JwksFetcher.create(vertx), Clock.systemUTC())
          .validator(new JwtConfiguration(oidc.issuer(POOL), null, List.of("app-client"), null));
      String token = oidc.sign(idToken().build());
      assertThat(validator.verifiedBefore(token)).isFalse();
      assertThat(validate(validator, token).getSubject()).isEqualTo("user-123");
      assertThat(validator.verifiedBefore(token)).isTrue();
      assertThat(validate(validator, oidc.sign(accessToken("x").build())).getSubject()).isEqualTo("user-123");
      assertThat(rejection(validator, oidc.sign(idToken().audience("other-client").build())))
          .isEqualTo("the token does not have a valid audience");
      assertThat(rejection(validator, oidc.sign(accessToken("x").claim("client_id", "other").build())))
          .isEqualTo("the token does not have a valid audience");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static JWTClaimsSet validate(JwtValidator validator, String token) throws Exception {
    return validator.validate(token).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String rejection(JwtValidator validator, String token) throws Exception {
    try {
      validate(validator, token);
      return "accepted";
    } catch (ExecutionException e) {
      return e.getCause() instanceof JwtRejectedException ? e.getCause().getMessage() : e.getCause().toString();
    }
  }

}
