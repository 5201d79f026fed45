package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyParametersTest {
  private static final CacheKeyParameters KEY = new CacheKeyParameters("r1",
      List.of("method.request.querystring.type", "method.request.header.X-Tenant", "method.request.path.id"));

  @Test
  void theKeyHoldsTheNamespaceTheMethodAndTheKeyedValuesOnly() {
    String key = KEY.key(exchange("GET", "type=a&debug=1", "X-Tenant", "t1", "X-Evil", "1"));
    assertThat(key).isEqualTo(KEY.key(exchange("GET", "debug=2&type=a", "X-Tenant", "t1")));
    assertThat(key).isNotEqualTo(KEY.key(exchange("POST", "type=a", "X-Tenant", "t1")));
    assertThat(key).isNotEqualTo(KEY.key(exchange("GET", "type=b", "X-Tenant", "t1")));
    assertThat(key).isNotEqualTo(new CacheKeyParameters("r2", List.of("method.request.querystring.type",
        "method.request.header.X-Tenant", "method.request.path.id")).key(exchange("GET", "type=a", "X-Tenant", "t1")));
  }

  @Test
  void valuesCannotImitateOtherValues() {
    CacheKeyParameters two = new CacheKeyParameters("r", List.of("method.request.querystring.a", "method.request.querystring.b"));
    assertThat(two.key(exchange("GET", "a=1%201%201"))).isNotEqualTo(two.key(exchange("GET", "a=1&b=1")));
    assertThat(two.key(exchange("GET", "a="))).isNotEqualTo(two.key(exchange("GET", "")));
  }

  @Test
  void theIntegrationSeesOnlyWhatTheKeyHolds() {
    MethodRequest view = KEY.keyedView(exchange("GET", "debug=1&type=a%20b&Type=c", "X-Tenant", "t1", "X-Evil", "1",
        "Content-Type", "text/plain").methodRequest());
    assertThat(view.rawQuery()).isEqualTo("type=a%20b&Type=c");
    assertThat(view.queryParameters().getAll("type")).containsExactly("a b", "c");
    assertThat(view.headers().names()).containsExactlyInAnyOrder("X-Tenant", "Content-Type");
    assertThat(view.pathParameters()).containsEntry("id", "7");
    assertThat(KEY.keyedView(exchange("GET", "debug=1").methodRequest()).rawQuery()).isNull();
  }

  @Test
  void onlyMethodRequestParametersCanBeKeys() {
    assertThatThrownBy(() -> new CacheKeyParameters("r", List.of("integration.request.querystring.type")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cacheKeyParameters: integration.request");
  }

  private static Exchange exchange(String method, String rawQuery, String... headers) {
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    new io.netty.handler.codec.http.QueryStringDecoder(rawQuery, false).parameters().forEach(query::add);
    MultiMap headerMap = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < headers.length; i += 2) {
      headerMap.add(headers[i], headers[i + 1]);
    }
    return new Exchange("id", null, new MethodRequest(method, "/items/7", Map.of("id", "7"), rawQuery, query, headerMap,
        Buffer.buffer()));
  }
}
