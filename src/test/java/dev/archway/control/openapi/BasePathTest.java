package dev.archway.control.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BasePathTest {
  static JsonNode doc(String yaml) {
    return DefinitionText.read(yaml);
  }

  @Test
  void theBasePathVariableWinsOverTheServerUrl() {
    JsonNode root = doc("servers:\n- url: https://x.example.com/ignored/{basePath}\n  variables:\n    basePath: {default: /a/b/c}\n");
    assertThat(BasePath.prefix(root, null)).isEmpty();
    assertThat(BasePath.prefix(root, "ignore")).isEmpty();
    assertThat(BasePath.prefix(root, "prepend")).isEqualTo("/a/b/c");
    assertThat(BasePath.prefix(root, "split")).isEqualTo("/b/c");
  }

  @Test
  void withoutAVariableTheServerUrlsPathIsTheBasePath() {
    assertThat(BasePath.prefix(doc("servers:\n- url: https://x.example.com/v1/\n"), "prepend")).isEqualTo("/v1");
    assertThat(BasePath.prefix(doc("servers:\n- url: https://x.example.com/{stage}/v1\n  variables:\n    stage: {default: prod}\n"),
        "split")).isEqualTo("/v1");
    assertThat(BasePath.prefix(doc("servers:\n- url: /\n"), "prepend")).isEmpty();
    assertThat(BasePath.prefix(doc("basePath: /legacy\n"), "prepend")).isEqualTo("/legacy");
    assertThat(BasePath.prefix(doc("openapi: 3.0.1\n"), "split")).isEmpty();
  }
}
