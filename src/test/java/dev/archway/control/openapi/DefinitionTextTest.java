package dev.archway.control.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.control.wire.ApiException;
import org.junit.jupiter.api.Test;

class DefinitionTextTest {
  @Test
  void readsJsonAndYamlAlike() {
    assertThat(DefinitionText.read("{\"openapi\": \"3.0.1\"}")).isEqualTo(DefinitionText.read("openapi: \"3.0.1\"\n"));
  }

  @Test
  void truncatedJsonIsABadRequest() {
    assertThatThrownBy(() -> DefinitionText.read("{\"openapi\": \"3.0.1\", \"info\": {"))
        .isInstanceOf(ApiException.class).hasMessageStartingWith("Invalid OpenAPI definition: Unexpected end-of-input");
  }

  @Test
  void blankScalarsAndDuplicatesAreBadRequests() {
    assertThatThrownBy(() -> DefinitionText.read("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> DefinitionText.read("- a\n- b\n")).hasMessageContaining("expected an object");
    assertThatThrownBy(() -> DefinitionText.read("a: 1\na: 2\n")).hasMessageContaining("Duplicate field 'a'");
  }

  @Test
  void aliasesAreRefused() {
    assertThatThrownBy(() -> DefinitionText.read("a: &x [1]\nb: *x\n")).hasMessageContaining("YAML aliases (*x)");
  }

  @Test
  void nestingIsBounded() {
    String ok = "[".repeat(DefinitionText.MAX_DEPTH - 1) + "]".repeat(DefinitionText.MAX_DEPTH - 1);
    assertThat(DefinitionText.read("{\"x\": " + ok + "}")).isNotNull();
    String deep = "[".repeat(DefinitionText.MAX_DEPTH + 1) + "]".repeat(DefinitionText.MAX_DEPTH + 1);
    assertThatThrownBy(() -> DefinitionText.read("x: " + deep)).hasMessageContaining("nesting depth");
  }

  @Test
  void sizeIsBounded() {
    assertThatThrownBy(() -> DefinitionText.read("x: '" + "y".repeat(DefinitionText.MAX_BYTES) + "'"))
        .hasMessageContaining("expected: at most 6291456");
  }
}
