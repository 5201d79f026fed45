package dev.archway.runtime.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.runtime.MethodResponse;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  static final CorsPolicy WILDCARD = CorsPolicy.of(List.of("*"), List.of("*"), List.of("*"), null, null, true);

  static MultiMap preflight(String origin, String method) {
    return MultiMap.caseInsensitiveMultiMap().add("Origin", origin).add("Access-Control-Request-Method", method)
        .add("Access-Control-Request-Headers", "x-a,x-b");
  }

  @Test
  void aWildcardOriginIsNeverReflectedAndNeverSentWithCredentials() {
    MethodResponse response = WILDCARD.preflight(preflight("https://anyone.example", "PUT"));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().get("Access-Control-Allow-Origin")).isEqualTo("*");
    assertThat(response.headers().get("Access-Control-Allow-Credentials")).isNull();
    assertThat(response.headers().get("Access-Control-Allow-Methods")).isEqualTo("PUT");
    assertThat(response.headers().get("Access-Control-Allow-Headers")).isEqualTo("x-a,x-b");
  }

  @Test
  void schemeWildcardsMatchOnlyTheirSchemeAndNullIsUntrusted() {
    CorsPolicy policy = CorsPolicy.of(List.of("https://*"), List.of("GET"), null, null, null, false);
    assertThat(policy.preflight(preflight("https://a.example", "GET")).headers().get("Access-Control-Allow-Origin"))
        .isEqualTo("https://a.example");
    assertThat(policy.preflight(preflight("http://a.example", "GET")).headers().isEmpty()).isTrue();
    assertThat(WILDCARD.preflight(preflight("null", "GET")).headers().isEmpty()).isTrue();
  }

  @Test
  void decorateDropsTheBackendsCorsHeadersEvenForAForeignOrigin() {
    CorsPolicy policy = CorsPolicy.of(List.of("https://app.example"), List.of("GET"), null, List.of("x-total"), 10, false);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Access-Control-Allow-Origin", "*").add("X-Other", "1");
    policy.decorate("https://evil.example", headers);
    assertThat(headers.names()).containsExactly("X-Other");
    policy.decorate("https://app.example", headers);
    assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
    assertThat(headers.get("Access-Control-Expose-Headers")).isEqualTo("x-total");
  }
}
