package dev.archway.auth;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;

/**
 * Signs requests the way real clients do, with the AWS SDK's own signers, and hands them over as
 * the server would see them.
 *
 * <ul>
 *   <li>{@link #sdk}: {@code AwsV4HttpSigner}, as SDK for Java v2 clients sign (adds and signs
 *       {@code x-amz-content-sha256}).
 *   <li>{@link #cli}: the legacy {@code Aws4Signer}, which signs like the AWS CLI/boto3, Go and JS
 *       SDKs do for API Gateway (no {@code x-amz-content-sha256}).
 * </ul>
 */
final class SigningClient {
  static final String KEY = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final String REGION = "eu-west-3";
  static final String SERVICE = "apigateway";

  private SigningClient() {}

  /** A request to the management listener on localhost:8081. */
  static SdkHttpRequest.Builder request(SdkHttpMethod method, String encodedPath) {
    return SdkHttpRequest.builder().method(method).protocol("http").host("localhost").port(8081)
        .encodedPath(encodedPath);
  }

  static SignedRequest sdk(SdkHttpRequest request, String body, Instant at, String secret) {
    return sdk(request, body, at, secret, true);
  }

  static SignedRequest sdk(SdkHttpRequest request, String body, Instant at, String secret, boolean signPayload) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(KEY, secret))
        .request(request)
        .payload(() -> new ByteArrayInputStream(bytes))
        .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, signPayload)
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    return received(signed, bytes);
  }

  @SuppressWarnings("deprecation") // Aws4Signer is the only SDK signer that leaves x-amz-content-sha256 out
  static SignedRequest cli(SdkHttpRequest request, String body, Instant at, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest full = SdkHttpFullRequest.builder()
        .method(request.method()).protocol(request.protocol()).host(request.host()).port(request.port())
        .encodedPath(request.encodedPath()).rawQueryParameters(request.rawQueryParameters())
        .headers(request.headers()).contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build();
    Aws4SignerParams params = Aws4SignerParams.builder()
        .awsCredentials(AwsBasicCredentials.create(KEY, secret))
        .signingName(SERVICE).signingRegion(Region.of(REGION))
        .signingClockOverride(Clock.fixed(at, ZoneOffset.UTC)).build();
    return received(Aws4Signer.create().sign(full, params), bytes);
  }

  /** What the server receives: the raw path and query of the URI, every header line. */
  static SignedRequest received(SdkHttpRequest signed, byte[] body) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    signed.forEachHeader((name, values) -> values.forEach(v -> headers.add(Map.entry(name, v))));
    return new SignedRequest(signed.method().name(), signed.encodedPath(), signed.getUri().getRawQuery(),
        headers, body);
  }

  /** A copy of {@code request} with header {@code name} (any case) replaced or, if value is null, removed. */
  static SignedRequest withHeader(SignedRequest request, String name, String value) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (Map.Entry<String, String> header : request.headers()) {
      if (!header.getKey().equalsIgnoreCase(name)) {
        headers.add(header);
      }
    }
    if (value != null) {
      headers.add(Map.entry(name, value));
    }
    return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
  }
}
