package dev.archway.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates signed JWTs of one issuer (AWS-BEHAVIOUR D.3): the algorithm is pinned by the key the
 * {@code kid} names in the issuer's JWKS (RSA: RS/PS; EC: the ES of its curve), so {@code alg: none},
 * HMAC and any algorithm the key does not imply are refused; {@code jku}, {@code x5u}, {@code jwk}
 * and {@code x5c} headers are never consulted; {@code exp} is required and {@code exp}, {@code nbf},
 * {@code iat} are checked with the configured leeway; {@code iss} must match exactly; the audience
 * ({@code aud} or {@code client_id}) when configured. Never blocks. Thread-safe.
 *
 * <p>A token whose signature verified is remembered with the key that verified it (as Envoy's
 * {@code jwt_cache_config} does): the same token again skips the parse and the RSA/EC
 * verification, which cost more than the rest of a proxied request, as long as its {@code kid}
 * still names that very key. The claims (expiry above all) are checked on every request.
 */
public final class JwtValidator {
  /** No real token is this long; bounding it bounds the base64 and JSON work on hostile input. */
  static final int MAX_TOKEN_CHARS = 16 * 1024;
  private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
      JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
  private static final Map<Curve, JWSAlgorithm> EC = Map.of(
      Curve.P_256, JWSAlgorithm.ES256, Curve.P_384, JWSAlgorithm.ES384, Curve.P_521, JWSAlgorithm.ES512);

  /** Characters of verified tokens kept: a few thousand real tokens. */
  static final long VERIFIED_CHARS = 8L << 20;

  private final JwtConfiguration configuration;
  private final JwksSource keys;
  private final Clock clock;
  private final Cache<String, Verified> verified = Caffeine.newBuilder()
      .maximumWeight(VERIFIED_CHARS).weigher((String token, Verified v) -> token.length())
      .expireAfterWrite(Duration.ofMinutes(10)).build();

  private record Verified(SignedJWT jwt, JWK key) {}

  JwtValidator(JwtConfiguration configuration, JwksSource keys, Clock clock) {
    this.configuration = configuration;
    this.keys = keys;
    this.clock = clock;
  }

  public JwtConfiguration configuration() {
    return configuration;
  }

  /**
   * The token's claims once signature and claims hold. Fails with {@link JwtRejectedException}
   * for a bad token, {@link KeysUnavailableException} when the issuer's keys cannot be fetched.
   */
  public Future<JWTClaimsSet> validate(String token) {
    Verified known = token == null ? null : verified.getIfPresent(token);
    SignedJWT jwt;
    try {
      jwt = known != null ? known.jwt() : parse(token);
    } catch (JwtRejectedException e) {
      return Future.failedFuture(e);
    }
    return keys.key(jwt.getHeader().getKeyID()).map(key -> {
      if (key == null) {
        throw new JwtRejectedException("the token's signing key is not one of the issuer's keys");
      }
      if (known == null || known.key() != key) {
        verifySignature(jwt, key);
        verified.put(token, new Verified(jwt, key));
      }
      return checkClaims(jwt);
    });
  }

  /**
   * Whether this validator verified the token's signature before (and still remembers it). Says
   * which issuer's validator to ask without parsing the token; {@link #validate} still checks it all.
   */
  public boolean verifiedBefore(String token) {
    return verified.getIfPresent(token) != null;
  }

  /** The token of an {@code Authorization} value: {@code Bearer <token>} or the bare token. */
  public static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
  }

  private static SignedJWT parse(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new JwtRejectedException("the token is missing or too long");
    }
    try {
      // A token with alg "none" or a JWE is no JWS: SignedJWT.parse refuses it.
      return SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      throw new JwtRejectedException("the token is not a signed JWT");
    }
  }

  private static void verifySignature(SignedJWT jwt, JWK key) {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      throw new JwtRejectedException("the token's algorithm " + alg + " is not its key's");
    }
    try {
      JWSVerifier verifier;
      if (key instanceof RSAKey rsa && RSA.contains(alg)) {
        verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
      } else if (key instanceof ECKey ec && alg.equals(EC.get(ec.getCurve()))) {
        verifier = new ECDSAVerifier(ec.toECPublicKey());
      } else {
        throw new JwtRejectedException("the token's algorithm " + alg + " does not fit its key type " + key.getKeyType());
      }
      if (!jwt.verify(verifier)) {
        throw new JwtRejectedException("the token's signature is invalid");
      }
    } catch (JOSEException | IllegalStateException e) {
      throw new JwtRejectedException("the token's signature cannot be verified");
    }
  }

  private JWTClaimsSet checkClaims(SignedJWT jwt) {
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new JwtRejectedException("the token's claims are not a JSON object");
    }
    Instant now = clock.instant();
    long leeway = configuration.leeway().toSeconds();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      throw new JwtRejectedException("the token has no expiry (exp)");
    }
    if (exp.toInstant().plusSeconds(leeway).isBefore(now)) {
      throw new JwtRejectedException("the token has expired");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().minusSeconds(leeway).isAfter(now)) {
      throw new JwtRejectedException("the token is not valid yet (nbf)");
    }
    Date iat = claims.getIssueTime();
    if (iat != null && iat.toInstant().minusSeconds(leeway).isAfter(now)) {
      throw new JwtRejectedException("the token was issued in the future (iat)");
    }
    if (!configuration.issuer().equals(claims.getIssuer())) {
      throw new JwtRejectedException("the token does not have a valid issuer");
    }
    List<String> audiences = configuration.audiences();
    if (!audiences.isEmpty()) {
      Object clientId = claims.getClaim("client_id");
      boolean valid = claims.getAudience().stream().anyMatch(audiences::contains)
          || clientId instanceof String id && audiences.contains(id);
      if (!valid) {
        throw new JwtRejectedException("the token does not have a valid audience");
      }
    }
    return claims;
  }

  @Override
  public String toString() {
    return "JwtValidator(" + configuration.issuer() + ", keys " + configuration.keysLocation()
        + (configuration.audiences().isEmpty() ? "" : ", audiences " + configuration.audiences()) + ")";
  }
}
