package dev.archway.auth;

import static dev.archway.auth.SigV4VerifierTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed authentication is rejected the same way in dev and strict mode, in AWS's words. */
class SigV4MalformedTest {
  static final String GOOD_SCOPE = "AKID/20131008/us-east-1/apigateway/aws4_request";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2013-10-08T00:10:36Z"), ZoneOffset.UTC);

  static Stream<SigV4Verifier> verifiers() {
    return Stream.of(new SigV4Verifier(Map.of(), CLOCK),
        new SigV4Verifier(Map.of("AKID", new Credential("AKID", "secret", null)), CLOCK));
  }

  static SignedRequest get(String authorization, String amzDate) {
    List<Map.Entry<String, String>> headers = new ArrayList<>(List.of(Map.entry("Host", "localhost:8081")));
    if (amzDate != null) {
      headers.add(Map.entry("X-Amz-Date", amzDate));
    }
    if (authorization != null) {
      headers.add(Map.entry("Authorization", authorization));
    }
    return new SignedRequest("GET", "/restapis", null, headers, null);
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void noAuthorizationHeaderIsAMissingToken(SigV4Verifier verifier) {
    assertRejected(() -> verifier.verify(get(null, "20131008T001036Z")),
        "MissingAuthenticationTokenException", "Missing Authentication Token");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void otherSchemesLackEverySigV4Parameter(SigV4Verifier verifier) {
    assertRejected(() -> verifier.verify(get("Bearer abc.def", "20131008T001036Z")),
        "IncompleteSignatureException", "Authorization header requires 'Credential' parameter."
            + " Authorization header requires 'Signature' parameter."
            + " Authorization header requires 'SignedHeaders' parameter. Authorization=Bearer abc.def");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void missingParameterAndDateAreListedTogether(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential=" + GOOD_SCOPE + ", SignedHeaders=host;x-amz-date";

    assertRejected(() -> verifier.verify(get(header, null)), "IncompleteSignatureException",
        "Authorization header requires 'Signature' parameter. Authorization header requires existence"
            + " of either a 'X-Amz-Date' or a 'Date' header. Authorization=" + header);
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void pairWithoutEqualSignIsRejected(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential " + GOOD_SCOPE + ", SignedHeaders=host, Signature=abc";

    assertRejected(() -> verifier.verify(get(header, "20131008T001036Z")), "IncompleteSignatureException",
        "'Credential " + GOOD_SCOPE + "' not a valid key=value pair (missing equal-sign)"
            + " in Authorization header: '" + header + "'.");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void credentialNeedsFiveElements(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential=AKID/20131008/us-east-1/apigateway,"
        + " SignedHeaders=host, Signature=abc";

    assertRejected(() -> verifier.verify(get(header, "20131008T001036Z")), "IncompleteSignatureException",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
            + " got 'AKID/20131008/us-east-1/apigateway'");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void credentialNeedsTheAws4RequestTerminator(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential=AKID/20131008/us-east-1/apigateway/aws4,"
        + " SignedHeaders=host, Signature=abc";

    assertRejected(() -> verifier.verify(get(header, "20131008T001036Z")), "InvalidSignatureException",
        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4'. ");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void amzDateMustBeIsoBasicFormat(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential=" + GOOD_SCOPE + ", SignedHeaders=host;x-amz-date, Signature=abc";

    assertRejected(() -> verifier.verify(get(header, "2013-10-08T00:10:36Z")), "IncompleteSignatureException",
        "Date must be in ISO-8601 'basic format'. Got '2013-10-08T00:10:36Z'. See http://en.wikipedia.org/wiki/ISO_8601");
  }

  @ParameterizedTest
  @MethodSource("verifiers")
  void httpDateHeaderStandsInForXAmzDate(SigV4Verifier verifier) {
    String header = "AWS4-HMAC-SHA256 Credential=" + GOOD_SCOPE + ", SignedHeaders=date;host, Signature=abc";
    SignedRequest request = new SignedRequest("GET", "/", null, List.of(Map.entry("Host", "localhost"),
        Map.entry("Date", "Tue, 8 Oct 2013 00:10:36 GMT"), Map.entry("Authorization", header)), null);

    // Dev mode accepts it; strict mode gets as far as comparing signatures.
    if (verifier.strict()) {
      assertRejected(() -> verifier.verify(request), "InvalidSignatureException",
          SigV4VerifierTest.MISMATCH);
    } else {
      assertThatVerifies(verifier, request);
    }
  }

  static void assertThatVerifies(SigV4Verifier verifier, SignedRequest request) {
    try {
      assertThat(verifier.verify(request).accessKeyId()).isEqualTo("AKID");
    } catch (SignatureException e) {
      throw new AssertionError(e.errorType() + ": " + e.getMessage(), e);
    }
  }
}
