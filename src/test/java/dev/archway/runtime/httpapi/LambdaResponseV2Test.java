package dev.archway.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.integration.BackendResponse;
import dev.archway.runtime.GatewayResponse;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class LambdaResponseV2Test {

  static BackendResponse parse(String payload) {
    return LambdaResponseV2.parse(Buffer.buffer(payload));
  }

  @Test
  void withoutStatusCodeAnyJsonIsA200JsonBody() {
    assertThat(parse("{\"a\":1}").body().toString()).isEqualTo("{\"a\":1}");
    assertThat(parse("\"hi\"").body().toString()).isEqualTo("hi");
    assertThat(parse("42").statusCode()).isEqualTo(200);
    assertThat(parse("[1]").headers().get("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aStructuredResponseSetsCookiesAndDecodesBase64() {
    BackendResponse response = parse("{\"statusCode\":\"202\",\"cookies\":[\"a=1\"],\"headers\":{\"x\":true},"
        + "\"body\":\"aGk=\",\"isBase64Encoded\":true}");
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.headers().getAll("Set-Cookie")).containsExactly("a=1");
    assertThat(response.headers().get("x")).isEqualTo("true");
    assertThat(response.body().toString()).isEqualTo("hi");
  }

  @Test
  void malformedAnswersFail() {
    for (String bad : new String[] {"not json", "{\"statusCode\":99}", "{\"statusCode\":200,\"headers\":[]}",
        "{\"statusCode\":200,\"headers\":{\"x\":{}}}", "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(GatewayResponse.Failure.class);
    }
  }
}
