package dev.archway.auth.jwt;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How tokens of one issuer are checked.
 *
 * @param issuer    the exact {@code iss} value, e.g. {@code https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc}
 * @param jwksUri   where the signing keys are, or null to discover them from {@code {issuer}/.well-known/openid-configuration}
 * @param audiences accepted values of {@code aud} or {@code client_id} (AWS JWT authorizers take either); empty = not checked
 * @param leeway    clock tolerance for {@code exp}, {@code nbf} and {@code iat}
 */
public record JwtConfiguration(String issuer, URI jwksUri, List<String> audiences, Duration leeway) {
  public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(60);

  public JwtConfiguration {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("jwt issuer: " + issuer + " (expected: the issuer URL, as in the iss claim)");
    }
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    leeway = leeway == null ? DEFAULT_LEEWAY : leeway;
  }

  /** Where the keys are found: the configured JWKS URI, else the issuer's discovery document. */
  public URI keysLocation() {
    return jwksUri != null ? jwksUri : discoveryUri();
  }

  public URI discoveryUri() {
    String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    return URI.create(base + "/.well-known/openid-configuration");
  }
}
