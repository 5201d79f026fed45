package dev.archway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpDateTest {

  @Test
  void daysOfTheMonthHaveTwoDigitsAsImfFixdateRequires() {
    assertThat(HttpDate.format(1_796_303_625L)).isEqualTo("Thu, 03 Dec 2026 13:13:45 GMT");
    assertThat(HttpDate.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
  }

  @Test
  void nowIsAnImfFixdate() {
    assertThat(HttpDate.now()).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
  }
}
