package dev.archway.auth;

import static dev.archway.auth.SigningClient.KEY;
import static dev.archway.auth.SigningClient.SECRET;
import static dev.archway.auth.SigningClient.cli;
import static dev.archway.auth.SigningClient.request;
import static dev.archway.auth.SigningClient.sdk;
import static dev.archway.auth.SigningClient.withHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Strict mode: requests signed by the AWS SDK's signers, then tampered with. */
class SigV4VerifierTest {
  static final Instant SIGNED_AT = Instant.parse("2013-10-08T00:10:36Z");
  static final String ACCOUNT = "123456789012";
  static final String MISMATCH = "The request signature we calculated does not match the signature you"
      + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
      + " for details.";

  final SigV4Verifier verifier = strictAt(SIGNED_AT);

  static SigV4Verifier strictAt(Instant now) {
    return new SigV4Verifier(Map.of(KEY, new Credential(KEY, SECRET, ACCOUNT)), Clock.fixed(now, ZoneOffset.UTC));
  }

  static SdkHttpRequest createRestApi() {
    return request(SdkHttpMethod.POST, "/restapis").putHeader("Content-Type", "application/json").build();
  }

  @Test
  void sdkSignedRequestVerifiesAndNamesTheCaller() throws Exception {
    SignedRequest signed = sdk(createRestApi(), "{\"name\":\"pets\"}", SIGNED_AT, SECRET);

    assertThat(signed.firstHeader("Authorization")).contains("x-amz-content-sha256");
    assertThat(verifier.strict()).isTrue();
    assertThat(verifier.verify(signed)).isEqualTo(new Principal(KEY, "eu-west-3", "apigateway", ACCOUNT));
  }

  @Test
  void cliStyleRequestWithoutContentHashHeaderVerifies() throws Exception {
    SignedRequest signed = cli(createRestApi(), "{\"name\":\"pets\"}", SIGNED_AT, SECRET);

    assertThat(signed.firstHeader("x-amz-content-sha256")).isNull();
    assertThat(verifier.verify(signed).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void unsignedPayloadIsAcceptedAsDeclared() throws Exception {
    SdkHttpRequest https = createRestApi().toBuilder().protocol("https").build();
    SignedRequest signed = sdk(https, "{}", SIGNED_AT, SECRET, false);

    assertThat(signed.firstHeader("x-amz-content-sha256")).isEqualTo("UNSIGNED-PAYLOAD");
    assertThat(verifier.verify(signed).accessKeyId()).isEqualTo(KEY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/restapis/a1b2c3/resources/x%3Ay", "/restapis/id/resources/with%20space",
      "/restapis/id/resources/%E2%82%AC", "/restapis/id/resources/p~q_r.s-t/", "/restapis/id/a%2Fb"})
  void encodedPathsVerifyAsClientsSignThem(String path) throws Exception {
    SdkHttpRequest get = request(SdkHttpMethod.GET, path).build();

    assertThat(verifier.verify(sdk(get, "", SIGNED_AT, SECRET)).accessKeyId()).isEqualTo(KEY);
    assertThat(verifier.verify(cli(get, "", SIGNED_AT, SECRET)).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void queryWithSpecialCharactersAndRepeatedKeysVerifies() throws Exception {
    SdkHttpRequest get = request(SdkHttpMethod.GET, "/restapis")
        .putRawQueryParameter("tags", List.of("z", "a b", "a+b", "ü/é"))
        .putRawQueryParameter("position", "abc=/def&x")
        .putRawQueryParameter("limit", "25")
        .putRawQueryParameter("Embed", "")
        .build();

    SignedRequest bySdk = sdk(get, "", SIGNED_AT, SECRET);
    assertThat(bySdk.rawQuery()).contains("tags=a%2Bb", "position=abc%3D%2Fdef%26x");
    assertThat(verifier.verify(bySdk).accessKeyId()).isEqualTo(KEY);
    assertThat(verifier.verify(cli(get, "", SIGNED_AT, SECRET)).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void repeatedAndPaddedHeaderValuesVerify() throws Exception {
    SdkHttpRequest get = request(SdkHttpMethod.GET, "/restapis")
        .putHeader("X-Custom", List.of("  one   two ", "three"))
        .build();

    assertThat(verifier.verify(sdk(get, "", SIGNED_AT, SECRET)).accessKeyId()).isEqualTo(KEY);
    assertThat(verifier.verify(cli(get, "", SIGNED_AT, SECRET)).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void tamperedBodyIsRejected() {
    for (SignedRequest signed : List.of(sdk(createRestApi(), "{\"name\":\"pets\"}", SIGNED_AT, SECRET),
        cli(createRestApi(), "{\"name\":\"pets\"}", SIGNED_AT, SECRET))) {
      SignedRequest tampered = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(),
          signed.headers(), "{\"name\":\"cats\"}".getBytes(StandardCharsets.UTF_8));

      assertRejected(() -> verifier.verify(tampered), "InvalidSignatureException", MISMATCH);
    }
  }

  @Test
  void tamperedSignedHeaderIsRejected() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);

    assertRejected(() -> verifier.verify(withHeader(signed, "content-type", "text/plain")),
        "InvalidSignatureException", MISMATCH);
  }

  @Test
  void tamperedPathOrQueryIsRejected() {
    SignedRequest signed = cli(request(SdkHttpMethod.GET, "/restapis/a").putRawQueryParameter("limit", "1").build(),
        "", SIGNED_AT, SECRET);

    assertRejected(() -> verifier.verify(new SignedRequest("GET", "/restapis/b", signed.rawQuery(),
        signed.headers(), signed.body())), "InvalidSignatureException", MISMATCH);
    assertRejected(() -> verifier.verify(new SignedRequest("GET", signed.rawPath(), "limit=2",
        signed.headers(), signed.body())), "InvalidSignatureException", MISMATCH);
    assertRejected(() -> verifier.verify(new SignedRequest("DELETE", signed.rawPath(), signed.rawQuery(),
        signed.headers(), signed.body())), "InvalidSignatureException", MISMATCH);
  }

  @Test
  void wrongSecretIsRejected() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, "not-the-secret");

    assertRejected(() -> verifier.verify(signed), "InvalidSignatureException", MISMATCH);
  }

  @Test
  void unknownAccessKeyIsRejected() {
    SigV4Verifier other = new SigV4Verifier(Map.of("AKIAOTHER", new Credential("AKIAOTHER", SECRET, null)),
        Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

    assertRejected(() -> other.verify(sdk(createRestApi(), "{}", SIGNED_AT, SECRET)),
        "UnrecognizedClientException", "The security token included in the request is invalid.");
  }

  @Test
  void requestOlderThanFiveMinutesHasExpired() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);
    SigV4Verifier later = strictAt(Instant.parse("2013-10-08T00:16:12.700Z"));

    assertRejected(() -> later.verify(signed), "InvalidSignatureException",
        "Signature expired: 20131008T001036Z is now earlier than 20131008T001112Z (20131008T001612Z - 5 min.)");
  }

  @Test
  void requestMoreThanFiveMinutesAheadIsNotYetCurrent() {
    SignedRequest signed = sdk(createRestApi(), "{}", Instant.parse("2013-10-08T00:21:36Z"), SECRET);
    SigV4Verifier earlier = strictAt(Instant.parse("2013-10-08T00:16:12Z"));

    assertRejected(() -> earlier.verify(signed), "InvalidSignatureException",
        "Signature not yet current: 20131008T002136Z is still later than 20131008T002112Z"
            + " (20131008T001612Z + 5 min.)");
  }

  @Test
  void exactlyFiveMinutesEitherWayIsAccepted() throws Exception {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);

    assertThat(strictAt(SIGNED_AT.plus(Duration.ofMinutes(5))).verify(signed).accessKeyId()).isEqualTo(KEY);
    assertThat(strictAt(SIGNED_AT.minus(Duration.ofMinutes(5))).verify(signed).accessKeyId()).isEqualTo(KEY);
  }

  @Test
  void credentialScopeDateMustBeTheRequestDate() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);
    String forged = signed.firstHeader("Authorization").replace("/20131008/", "/20131007/");

    assertRejected(() -> verifier.verify(withHeader(signed, "Authorization", forged)), "InvalidSignatureException",
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP:"
            + " '20131007' != '20131008', from '20131008T001036Z'.");
  }

  @Test
  void hostMustBeSigned() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);
    String unsignedHost = signed.firstHeader("Authorization").replace("host;", "");

    assertRejected(() -> verifier.verify(withHeader(signed, "Authorization", unsignedHost)),
        "IncompleteSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }

  @Test
  void signedHeaderMissingFromRequestIsRejected() {
    SignedRequest signed = sdk(createRestApi(), "{}", SIGNED_AT, SECRET);

    assertRejected(() -> verifier.verify(withHeader(signed, "Content-Type", null)), "IncompleteSignatureException",
        "'content-type' is named as a SignedHeader, but it does not exist in the HTTP request.");
  }

  @Test
  void serviceMustBeTheExpectedOneWhenNamed() {
    SigV4Verifier forExecuteApi = new SigV4Verifier(Map.of(KEY, new Credential(KEY, SECRET, null)),
        Clock.fixed(SIGNED_AT, ZoneOffset.UTC), "execute-api");

    assertRejected(() -> forExecuteApi.verify(sdk(createRestApi(), "{}", SIGNED_AT, SECRET)),
        "InvalidSignatureException", "Credential should be scoped to correct service: 'execute-api'. ");
  }

  static void assertRejected(ThrowingCallable call, String errorType, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(SignatureException.class, e -> {
          assertThat(e.errorType()).isEqualTo(errorType);
          assertThat(e.status()).isEqualTo(403);
        })
        .hasMessage(message);
  }
}
