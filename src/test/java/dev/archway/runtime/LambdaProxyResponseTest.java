package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaProxyResponseTest {
  static final BinaryMediaTypes PNG = BinaryMediaTypes.of(List.of("image/png", "application/*"));

  static MethodResponse parse(String payload, String accept) {
    return LambdaProxyResponse.parse(Buffer.buffer(payload), accept, PNG);
  }

  @Test
  void multiValueHeadersComeFirstAndKeepTheirCasingBooleansBecomeText() {
    MethodResponse response = parse("{\"headers\":{\"set-cookie\":\"c\",\"X-Flag\":false},"
        + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a\",\"b\"]}}", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().getAll("set-cookie")).containsExactly("a", "b", "c");
    assertThat(response.headers().entries()).extracting(java.util.Map.Entry::getKey)
        .containsExactly("Set-Cookie", "Set-Cookie", "Set-Cookie", "X-Flag", "Content-Type");
    assertThat(response.headers().get("X-Flag")).isEqualTo("false");
    assertThat(response.headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aPairInBothMapsComesOnce() {
    MethodResponse response = parse("{\"headers\":{\"x-a\":\"1\",\"X-B\":\"2\"},"
        + "\"multiValueHeaders\":{\"X-A\":[\"1\",\"3\"],\"X-B\":[\"4\"]}}", null);
    assertThat(response.headers().getAll("X-A")).containsExactly("1", "3");
    assertThat(response.headers().getAll("X-B")).containsExactly("4", "2");
  }

  @Test
  void framingHeadersOfTheFunctionAreRemapped() {
    MethodResponse response = parse("{\"headers\":{\"Content-Length\":\"5\",\"Server\":\"fn\",\"Transfer-Encoding\":\"chunked\"},\"body\":\"x\"}", null);
    assertThat(response.headers().get("x-amzn-Remapped-Content-Length")).isEqualTo("5");
    assertThat(response.headers().get("x-amzn-Remapped-Server")).isEqualTo("fn");
    assertThat(response.headers().contains("Content-Length")).isFalse();
    assertThat(response.headers().contains("Transfer-Encoding")).isFalse();
  }

  @Test
  void base64IsDecodedOnlyForABinaryFirstAcceptEntry() {
    String payload = "{\"isBase64Encoded\":true,\"body\":\"aGk=\"}";
    assertThat(parse(payload, "image/png").body().toString()).isEqualTo("hi");
    assertThat(parse(payload, "application/pdf;q=0.9").body().toString()).isEqualTo("hi");
    assertThat(parse(payload, "text/plain, image/png").body().toString()).isEqualTo("aGk=");
    assertThat(parse(payload, null).body().toString()).isEqualTo("aGk=");
  }

  @Test
  void statusCodesMayBeIntegersOrDigitStrings() {
    assertThat(parse("{\"statusCode\":\"404\"}", null).statusCode()).isEqualTo(404);
    assertThat(parse("{\"statusCode\":null}", null).statusCode()).isEqualTo(200);
  }

  @Test
  void everyOtherShapeIsMalformed() {
    for (String bad : List.of("", "null", "\"text\"", "{\"statusCode\":200.5}", "{\"statusCode\":\"2xx\"}",
        "{\"statusCode\":700}", "{\"headers\":[]}", "{\"headers\":{\"a\":null}}", "{\"multiValueHeaders\":{\"a\":[1]}}",
        "{\"multiValueHeaders\":{\"a\":\"b\"}}", "{\"multiValueHeaders\":{\"a\":{\"b\":[\"c\"]}}}", "{\"multiValueHeaders\":[]}",
        "{\"isBase64Encoded\":\"yes\"}", "{\"body\":5}", "{\"cookies\":[]}")) {
      assertThatThrownBy(() -> parse(bad, null)).as(bad).isInstanceOfSatisfying(GatewayResponse.Failure.class,
          f -> assertThat(f.response()).isEqualTo(new GatewayResponse.MalformedLambdaResponse()));
    }
  }

  @Test
  void aBodyToDecodeThatIsNotBase64IsA500AndPassesAsTextWhenNotDecoded() {
    for (String bad : List.of("a", "not base64!", "aGk=?", "aGk=é", "aG=k")) {
      String payload = "{\"isBase64Encoded\":true,\"body\":\"" + bad + "\"}";
      assertThatThrownBy(() -> parse(payload, "image/png")).as(bad).isInstanceOfSatisfying(GatewayResponse.Failure.class,
          f -> assertThat(f.response()).isEqualTo(new GatewayResponse.InternalServerError()));
      assertThat(parse(payload, "text/html").body().toString()).isEqualTo(bad);
    }
    // Line breaks and spaces in base64 (Python's encodebytes) are fine, and so is missing padding.
    assertThat(parse("{\"isBase64Encoded\":true,\"body\":\"aG\\r\\nk= \"}", "image/png").body().toString()).isEqualTo("hi");
    assertThat(parse("{\"isBase64Encoded\":true,\"body\":\"aGk\"}", "image/png").body().toString()).isEqualTo("hi");
  }

  @Test
  void aNullMultiValueHeaderIsIgnored() {
    assertThat(parse("{\"multiValueHeaders\":{\"X-A\":null,\"X-B\":[\"b\"]}}", null).headers().names())
        .containsExactlyInAnyOrder("X-B", "Content-Type");
  }
}
