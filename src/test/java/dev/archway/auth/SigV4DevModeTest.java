package dev.archway.auth;

import static dev.archway.auth.SigningClient.SECRET;
import static dev.archway.auth.SigningClient.request;
import static dev.archway.auth.SigningClient.sdk;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;

/** Dev mode (no credentials file): a well-formed header is enough; nothing is checked against secrets. */
class SigV4DevModeTest {
  final SigV4Verifier verifier =
      new SigV4Verifier(Map.of(), Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void garbageSignatureFromAnyKeyAtAnyTimeIsAccepted() throws Exception {
    SignedRequest request = new SignedRequest("GET", "/restapis", null, List.of(
        Map.entry("host", "localhost:8081"),
        Map.entry("x-amz-date", "20131008T001036Z"),
        Map.entry("authorization", "AWS4-HMAC-SHA256 Credential=ANYKEY/20131008/ap-south-2/apigateway/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=not-even-hex")), null);

    assertThat(verifier.strict()).isFalse();
    assertThat(verifier.verify(request)).isEqualTo(new Principal("ANYKEY", "ap-south-2", "apigateway", null));
  }

  @Test
  void realSdkRequestNamesItsRegionAndService() throws Exception {
    SignedRequest signed = sdk(request(SdkHttpMethod.GET, "/restapis").build(), "",
        Instant.parse("2013-10-08T00:10:36Z"), SECRET);

    assertThat(verifier.verify(signed))
        .isEqualTo(new Principal(SigningClient.KEY, SigningClient.REGION, SigningClient.SERVICE, null));
  }
}
