package dev.archway.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UriTemplateTest {

  @Test
  void expandsPathParametersEncodedAndStageVariablesVerbatim() {
    UriTemplate t = UriTemplate.parse("${stageVariables.base}/files/{proxy}/v/{id}?q=1");
    assertThat(t.pathParameters()).containsExactly("proxy", "id");
    String uri = t.expand(Map.of("proxy", "a b/c", "id", "x?y&z")::get, Map.of("base", "http://h:1"));
    assertThat(uri).isEqualTo("http://h:1/files/a%20b/c/v/x%3Fy%26z?q=1");
    assertThat(t.toString()).isEqualTo("${stageVariables.base}/files/{proxy}/v/{id}?q=1");
  }
}
