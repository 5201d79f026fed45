package dev.archway.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID provider on a free port, standing in for a Cognito user pool: an RSA key pair made
 * here, {@code /{pool}/.well-known/openid-configuration} and {@code /{pool}/jwks.json} served over
 * HTTP, and tokens signed with that key. Counts the fetches of every path.
 */
public final class OidcProvider implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
  private RSAKey key;
  private Vertx vertx;
  private HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    key = new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(request -> {
      String path = request.path();
      fetches.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (path.endsWith("/.well-known/openid-configuration")) {
        String issuer = url() + path.substring(0, path.indexOf("/.well-known"));
        request.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("issuer", issuer).put("jwks_uri", issuer + "/jwks.json").encode());
      } else if (path.endsWith("/jwks.json")) {
        request.response().putHeader("Content-Type", "application/json").end(new JWKSet(key.toPublicJWK()).toString());
      } else {
        request.response().setStatusCode(404).end();
      }
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** The issuer URL of a pool served here. */
  public String issuer(String pool) {
    return url() + "/" + pool;
  }

  public RSAKey key() {
    return key;
  }

  public int fetches(String path) {
    AtomicInteger count = fetches.get(path);
    return count == null ? 0 : count.get();
  }

  /** A token signed RS256 with this provider's key. */
  public String sign(JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
  }

  public String sign(JWSHeader header, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
