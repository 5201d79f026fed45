package dev.archway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PublicUrlTest {
  @Test
  void defaultIsTheHostStyleUrlOfTheExecuteListener() {
    PublicUrl url = PublicUrl.DEFAULT.at(8080);
    assertThat(url.endpoint("a1b2c3", false)).isEqualTo("http://a1b2c3.execute-api.localhost:8080");
    assertThat(url.endpoint("a1b2c3", true)).isEqualTo("ws://a1b2c3.execute-api.localhost:8080");
    assertThat(url.domainName("a1b2c3")).isEqualTo("a1b2c3.execute-api.localhost");
  }

  @Test
  void anyHostThatKeepsTheExecuteApiPrefix() {
    PublicUrl url = new PublicUrl("https://{apiId}.execute-api.gw.example.com/").at(8080);
    assertThat(url.endpoint("abc", false)).isEqualTo("https://abc.execute-api.gw.example.com");
    assertThat(url.endpoint("abc", true)).isEqualTo("wss://abc.execute-api.gw.example.com");
    assertThat(url.domainName("abc")).isEqualTo("abc.execute-api.gw.example.com");
    assertThat(new PublicUrl("http://{apiId}.execute-api.127.0.0.1.nip.io:{port}").at(9000).endpoint("abc", false))
        .isEqualTo("http://abc.execute-api.127.0.0.1.nip.io:9000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080", "http://x{apiId}.execute-api.localhost", "ftp://{apiId}.execute-api.localhost",
      "http://{apiId}.execute-api.localhost/prod", "http://{apiId}.execute-api.localhost?q=1",
      "http://u:p@{apiId}.execute-api.localhost", "http://{apiId}.execute-api.{apiId}.localhost", "{apiId}.execute-api.localhost",
      "http://{apiId}.gw.localhost", "http://{apiId}.execute-api.local host"})
  void refusesWhatTheExecuteListenerWouldNotRoute(String template) {
    assertThatThrownBy(() -> new PublicUrl(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--public-url: " + template + " (expected: an http or https URL with no path whose host starts with"
            + " {apiId}.execute-api., e.g. http://{apiId}.execute-api.localhost:{port})");
  }
}
