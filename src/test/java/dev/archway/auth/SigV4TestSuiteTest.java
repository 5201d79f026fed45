package dev.archway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors from AWS's published SigV4 test suite (aws-sig-v4-test-suite): signatures made by AWS,
 * not by any code here, for requests without x-amz-content-sha256 as the CLI sends them.
 */
class SigV4TestSuiteTest {
  static final String KEY = "AKIDEXAMPLE";
  static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");

  final SigV4Verifier verifier =
      new SigV4Verifier(Map.of(KEY, new Credential(KEY, SECRET, null)), Clock.fixed(AT, ZoneOffset.UTC));

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "get-vanilla, GET, '', 5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
      "get-vanilla-query-order-key-case, GET, Param2=value2&Param1=value1,"
          + " b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
      "post-vanilla, POST, '', 5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b",
  })
  void verifiesAwsVector(String name, String method, String query, String signature) throws Exception {
    String authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
        + " SignedHeaders=host;x-amz-date, Signature=" + signature;
    SignedRequest request = new SignedRequest(method, "/", query, List.of(
        Map.entry("Host", "example.amazonaws.com"),
        Map.entry("X-Amz-Date", "20150830T123600Z"),
        Map.entry("Authorization", authorization)), new byte[0]);

    assertThat(verifier.verify(request)).isEqualTo(new Principal(KEY, "us-east-1", "service", null));
  }
}
