package dev.archway.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 ({@code Authorization} header form) on management requests.
 *
 * <p>Dev mode (no credentials): any well-formed header passes; the signature, the key and the
 * clock are not checked. Strict mode: the key must be known, the request time within 5 minutes
 * of the server's clock and the signature must match one computed with the key's secret.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigV4Verifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
          .withResolverStyle(ResolverStyle.STRICT);
  private static final HexFormat HEX = HexFormat.of();

  private final Map<String, Credential> credentials;
  private final Clock clock;
  private final String expectedService;

  /** Accepts any service in the credential scope. {@code credentials} empty = dev mode. */
  public SigV4Verifier(Map<String, Credential> credentialsByAccessKey, Clock clock) {
    this(credentialsByAccessKey, clock, null);
  }

  /**
   * @param expectedService the signing name the scope must name (e.g. {@code apigateway}), or null
   *     to accept any
   */
  public SigV4Verifier(Map<String, Credential> credentialsByAccessKey, Clock clock, String expectedService) {
    this.credentials = Map.copyOf(credentialsByAccessKey);
    this.clock = clock;
    this.expectedService = expectedService;
  }

  public boolean strict() {
    return !credentials.isEmpty();
  }

  /** @throws SignatureException with AWS's error type and message */
  public Principal verify(SignedRequest request) throws SignatureException {
    String authorization = request.firstHeader("authorization");
    if (authorization == null || authorization.isBlank()) {
      throw SignatureException.missingToken();
    }
    String amzDate = request.firstHeader("x-amz-date");
    String date = request.firstHeader("date");
    AuthorizationHeader auth = AuthorizationHeader.parse(authorization, amzDate != null || date != null);
    if (expectedService != null && !expectedService.equals(auth.service())) {
      throw SignatureException.invalid(
          "Credential should be scoped to correct service: '" + expectedService + "'. ");
    }
    Instant requestTime = requestTime(amzDate, date);
    if (!strict()) {
      return new Principal(auth.accessKeyId(), auth.region(), auth.service(), null);
    }

    Credential credential = credentials.get(auth.accessKeyId());
    if (credential == null) {
      throw SignatureException.unrecognizedClient();
    }
    checkSkew(requestTime);
    String timestamp = AMZ_DATE.format(requestTime);
    if (!timestamp.substring(0, 8).equals(auth.scopeDate())) {
      throw SignatureException.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601"
          + " version of date from HTTP: '" + auth.scopeDate() + "' != '" + timestamp.substring(0, 8)
          + "', from '" + timestamp + "'.");
    }

    String canonical = CanonicalRequest.of(
        request, auth.signedHeadersLine(), canonicalHeaders(request, auth), payloadHash(request));
    String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + timestamp + "\n" + auth.scope() + "\n"
        + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] expected = HEX.formatHex(hmac(signingKey(credential.secretAccessKey(), auth), stringToSign))
        .getBytes(StandardCharsets.US_ASCII);
    // Constant time, so the comparison does not tell an attacker how many leading characters match.
    if (!MessageDigest.isEqual(expected, auth.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw SignatureException.mismatch();
    }
    return new Principal(auth.accessKeyId(), auth.region(), auth.service(), credential.accountId());
  }

  /** X-Amz-Date wins over Date, as on AWS. */
  private static Instant requestTime(String amzDate, String date) throws SignatureException {
    String value = amzDate != null ? amzDate.trim() : date.trim();
    try {
      return amzDate != null
          ? Instant.from(AMZ_DATE.parse(value))
          : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw SignatureException.incomplete("Date must be in ISO-8601 'basic format'. Got '" + value
          + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }
  }

  private void checkSkew(Instant requestTime) throws SignatureException {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant earliest = now.minus(MAX_SKEW);
    Instant latest = now.plus(MAX_SKEW);
    if (requestTime.isBefore(earliest)) {
      throw SignatureException.invalid("Signature expired: " + AMZ_DATE.format(requestTime)
          + " is now earlier than " + AMZ_DATE.format(earliest) + " (" + AMZ_DATE.format(now) + " - 5 min.)");
    }
    if (requestTime.isAfter(latest)) {
      throw SignatureException.invalid("Signature not yet current: " + AMZ_DATE.format(requestTime)
          + " is still later than " + AMZ_DATE.format(latest) + " (" + AMZ_DATE.format(now) + " + 5 min.)");
    }
  }

  private static List<String> canonicalHeaders(SignedRequest request, AuthorizationHeader auth)
      throws SignatureException {
    // Without host, a signature could be replayed against another endpoint.
    if (!auth.signedHeaders().contains("host")) {
      throw SignatureException.incomplete("'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    List<String> lines = new ArrayList<>(auth.signedHeaders().size());
    for (String name : auth.signedHeaders()) {
      List<String> values = request.headerValues(name);
      if (values.isEmpty()) {
        throw SignatureException.incomplete(
            "'" + name + "' is named as a SignedHeader, but it does not exist in the HTTP request.");
      }
      lines.add(CanonicalRequest.header(name, values));
    }
    return lines;
  }

  /**
   * The body's SHA-256, or what the client declared in x-amz-content-sha256: UNSIGNED-PAYLOAD is
   * taken as declared (the body then rests on TLS, as on AWS); a declared hash must be the body's.
   */
  private static String payloadHash(SignedRequest request) throws SignatureException {
    String bodyHash = HEX.formatHex(sha256(request.body()));
    String declared = request.firstHeader("x-amz-content-sha256");
    if (declared == null) {
      return bodyHash;
    }
    declared = declared.trim();
    if (declared.equals(UNSIGNED_PAYLOAD) || declared.equalsIgnoreCase(bodyHash)) {
      return declared;
    }
    // A hash of another body, or a streaming mode the management API never uses.
    throw SignatureException.mismatch();
  }

  private static byte[] signingKey(String secret, AuthorizationHeader auth) {
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.scopeDate());
    key = hmac(key, auth.region());
    key = hmac(key, auth.service());
    return hmac(key, "aws4_request");
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "SigV4Verifier[" + (strict() ? "strict, " + credentials.size() + " keys" : "dev") + "]";
  }
}
