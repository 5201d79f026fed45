package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {
  private final HeaderNames hopByHop = HeaderNames.of("Connection", "keep-alive", "TE", "transfer-encoding", "x-amzn-requestid");

  @Test
  void matchesIgnoringCase() {
    assertThat(hopByHop.contains("connection")).isTrue();
    assertThat(hopByHop.contains("CONNECTION")).isTrue();
    assertThat(hopByHop.contains("Keep-Alive")).isTrue();
    assertThat(hopByHop.contains("te")).isTrue();
    assertThat(hopByHop.contains("X-Amzn-RequestId")).isTrue();
  }

  @Test
  void namesOfTheSameLengthAreTold() {
    assertThat(hopByHop.contains("Connectiom")).isFalse(); // as long as Connection and keep-alive
    assertThat(hopByHop.contains("Content-Type")).isFalse();
    assertThat(hopByHop.contains("")).isFalse();
    assertThat(hopByHop.contains("a-header-name-longer-than-any-in-the-set")).isFalse();
  }
}
