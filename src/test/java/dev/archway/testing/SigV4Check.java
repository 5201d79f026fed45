package dev.archway.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Verifies a received request's SigV4 signature the way AWS does, with the AWS SDK's own signer:
 * rebuild the request from the signed headers, sign it again with the key's secret at the
 * request's own timestamp, and compare.
 */
public final class SigV4Check {
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> secrets;
  private final String service;

  /** @param service the signing name the scope must name, or null for any */
  public SigV4Check(Map<String, String> secretsByAccessKey, String service) {
    this.secrets = Map.copyOf(secretsByAccessKey);
    this.service = service;
  }

  /** @return null when the signature is valid, else what is wrong */
  public String problem(HttpServerRequest request, Buffer body) {
    String header = request.getHeader("Authorization");
    Matcher m = header == null ? null : AUTHORIZATION.matcher(header);
    if (m == null || !m.matches()) {
      return "no SigV4 Authorization header: " + header;
    }
    String secret = secrets.get(m.group(1));
    if (secret == null) {
      return "unknown access key " + m.group(1);
    }
    if (service != null && !service.equals(m.group(4))) {
      return "signed for service " + m.group(4) + ", expected " + service;
    }
    String date = request.getHeader("X-Amz-Date");
    if (date == null) {
      return "no X-Amz-Date";
    }
    Instant at = Instant.from(AMZ_DATE.parse(date));
    SdkHttpRequest.Builder rebuilt = SdkHttpRequest.builder()
        .method(SdkHttpMethod.fromValue(request.method().name()))
        .uri(URI.create("http://" + request.getHeader("Host") + request.uri()));
    for (String name : m.group(5).split(";")) {
      if (!name.equals("host")) {
        rebuilt.putHeader(name, request.headers().getAll(name));
      }
    }
    byte[] bytes = body.getBytes();
    SdkHttpRequest resigned = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(m.group(1), secret))
        .request(rebuilt.build())
        .payload(ContentStreamProvider.fromByteArray(bytes))
        .putProperty(AwsV4HttpSigner.REGION_NAME, m.group(3))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, m.group(4))
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    String expected = resigned.firstMatchingHeader("Authorization").orElse("");
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
      return "signature mismatch for " + request.method() + " " + request.uri() + ": got " + header + ", expected " + expected;
    }
    return null;
  }

  /** The region the request was signed for, or null. */
  public static String region(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    Matcher m = header == null ? null : AUTHORIZATION.matcher(header);
    return m != null && m.matches() ? m.group(3) : null;
  }

  @Override
  public String toString() {
    return "SigV4Check(" + Arrays.toString(secrets.keySet().toArray()) + ", " + service + ")";
  }
}
