package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.archway.auth.jwt.JwksFetcher;
import dev.archway.auth.jwt.JwtConfiguration;
import dev.archway.auth.jwt.JwtRejectedException;
import dev.archway.auth.jwt.JwtValidator;
import dev.archway.auth.jwt.JwtValidators;
import dev.archway.testing.MovableClock;
import dev.archway.testing.OidcProvider;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A token whose signature verified once is not verified again, but every claim still is: the
 * same token is refused once it expires, and a tampered copy of a remembered token is refused.
 */
class JwtVerifiedTokensE2eTest {
  static final String POOL = "us-east-1_Cached";
  @RegisterExtension static final OidcProvider oidc = new OidcProvider();
  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRememberedTokenStillExpiresAndTamperingIsStillCaught() throws Exception {
    MovableClock clock = new MovableClock(Instant.now());
    JwtValidator validator = new JwtValidators(JwksFetcher.create(vertx), clock)
        .validator(new JwtConfiguration(oidc.issuer(POOL), null, List.of(), Duration.ZERO));
    Instant now = clock.instant();
    String token = oidc.sign(new JWTClaimsSet.Builder().issuer(oidc.issuer(POOL)).subject("alice")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60))).build());

    assertThat(validate(validator, token)).isEqualTo("alice");
    assertThat(validate(validator, token)).isEqualTo("alice");
    String[] parts = token.split("\\.");
    String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    assertThat(validate(validator, tampered)).isEqualTo("the token's signature is invalid");

    clock.set(now.plusSeconds(61));
    assertThat(validate(validator, token)).isEqualTo("the token has expired");
  }

  /** The subject, or why the token was refused. */
  private static String validate(JwtValidator validator, String token) throws Exception {
    try {
      return validator.validate(token).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).getSubject();
    } catch (ExecutionException e) {
      return e.getCause() instanceof JwtRejectedException ? e.getCause().getMessage() : e.getCause().toString();
    }
  }
}
