package dev.archway.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-split absolute URI targets the request exactly as Vert.x's URL-based setAbsoluteURI does. */
class AbsoluteUriTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "http://127.0.0.1:8080/hello", "http://backend/hello?x=1&y=%20z", "https://api.example.com", "https://api.example.com?q=1",
      "http://h:1/a/b%2Fc#frag", "http://h/#only", "HTTP://UPPER.example/x", "http://h:65535/", "http://h:/x",
      "http://h:0/x", "http://h:99999/x", "http://[::1]:8080/v6", "http://user:pw@h/x", "http://h:8080:9/x",
      "http://h_x/y", "http://h/path with space?q=a b", "https://h:443/p", "http://"})
  void sameTargetAsVertx(String uri) {
    RequestOptions expected;
    try {
      expected = new RequestOptions().setAbsoluteURI(uri);
    } catch (RuntimeException e) {
      assertThatThrownBy(() -> AbsoluteUri.target(new RequestOptions(), uri)).isInstanceOf(RuntimeException.class);
      return;
    }
    RequestOptions actual = AbsoluteUri.target(new RequestOptions(), uri);
    assertThat(actual.getHost()).isEqualTo(expected.getHost());
    assertThat(actual.getPort()).isEqualTo(expected.getPort());
    assertThat(actual.isSsl()).isEqualTo(expected.isSsl());
    assertThat(actual.getURI()).isEqualTo(expected.getURI());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://h/x", "not a uri", ""})
  void notAnHttpUrlFailsAsBefore(String uri) {
    assertThatThrownBy(() -> AbsoluteUri.target(new RequestOptions(), uri)).isInstanceOf(RuntimeException.class);
  }
}
