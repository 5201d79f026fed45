package dev.archway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyValuesTest {
  @Test
  void generatedValuesAreFortyRandomLettersAndDigits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String value = ApiKeyValues.generate();
      assertThat(value).matches("[A-Za-z0-9]{40}");
      seen.add(value);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void digestIsHexSha256() {
    assertThat(ApiKeyValues.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void maskShowsOnlyTheLastFourCharacters() {
    assertThat(ApiKeyValues.mask("abcdefghijklmnopqrstF0yrv6")).isEqualTo("****\u2026yrv6");
    assertThat(ApiKeyValues.mask("abc")).isEqualTo("****");
    assertThat(ApiKeyValues.mask(null)).isEqualTo("****");
  }
}
