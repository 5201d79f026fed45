package dev.archway.control.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.control.wire.ApiException;
import org.junit.jupiter.api.Test;

class RouteKeysTest {

  @Test
  void variableNamesDoNotTellRoutesApart() {
    assertThat(RouteKeys.check(true, "GET /pets/{id}")).isEqualTo(RouteKeys.check(true, "GET /pets/{petId}"));
    assertThat(RouteKeys.check(true, "ANY /{proxy+}")).isEqualTo("ANY /{+}");
    assertThat(RouteKeys.check(true, "GET /pets/{id}")).isNotEqualTo(RouteKeys.check(true, "POST /pets/{id}"));
    assertThat(RouteKeys.check(true, "GET /pets/{id}")).isNotEqualTo(RouteKeys.check(true, "GET /pets/mine"));
  }

  @Test
  void defaultRootAndWebSocketKeysAreTheirOwnShape() {
    assertThat(RouteKeys.check(true, "$default")).isEqualTo("$default");
    assertThat(RouteKeys.check(true, "GET /")).isEqualTo("GET /");
    assertThat(RouteKeys.check(false, "sendMessage")).isEqualTo("sendMessage");
    assertThat(RouteKeys.check(false, "$connect")).isEqualTo("$connect");
  }

  @Test
  void greedyVariableOnlyLast() {
    assertThatThrownBy(() -> RouteKeys.check(true, "GET /{proxy+}/more"))
        .isInstanceOf(ApiException.class).hasMessageContaining("last segment");
    assertThatThrownBy(() -> RouteKeys.check(true, "GET /" + "a".repeat(200)))
        .isInstanceOf(ApiException.class).hasMessageContaining("1..128");
  }
}
