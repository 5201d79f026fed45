package dev.archway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.traffic.QuotaWindow.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {
  private static final LocalDate WEDNESDAY = LocalDate.of(2024, 2, 28);

  @Test
  void windowsResetOnUtcDaysSundaysAndFirstsOfMonths() {
    assertThat(QuotaWindow.of(Period.DAY, WEDNESDAY)).isEqualTo(new QuotaWindow(WEDNESDAY, WEDNESDAY.plusDays(1)));
    assertThat(QuotaWindow.of(Period.WEEK, WEDNESDAY))
        .isEqualTo(new QuotaWindow(LocalDate.of(2024, 2, 25), LocalDate.of(2024, 3, 3)));
    assertThat(QuotaWindow.of(Period.WEEK, LocalDate.of(2024, 2, 25)).start()).isEqualTo(LocalDate.of(2024, 2, 25));
    assertThat(QuotaWindow.of(Period.MONTH, WEDNESDAY))
        .isEqualTo(new QuotaWindow(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)));
    assertThat(QuotaWindow.of(Period.MONTH, WEDNESDAY).contains(LocalDate.of(2024, 2, 29))).isTrue();
    assertThat(QuotaWindow.of(Period.MONTH, WEDNESDAY).contains(LocalDate.of(2024, 3, 1))).isFalse();
  }

  @Test
  void periodNamesAreTheWireOnes() {
    assertThat(QuotaWindow.period("WEEK")).isEqualTo(Period.WEEK);
    assertThat(QuotaWindow.period("month")).isEqualTo(Period.MONTH);
    assertThat(QuotaWindow.period("YEAR")).isNull();
    assertThat(QuotaWindow.period(null)).isNull();
  }
}
