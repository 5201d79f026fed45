package dev.archway.traffic;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * One period of a usage-plan quota, from {@code start} to {@code end} (exclusive), in UTC days.
 * Quotas reset at 00:00 UTC: every day (DAY), every Sunday (WEEK) or on the first of the month
 * (MONTH).
 */
public record QuotaWindow(LocalDate start, LocalDate end) {

  public enum Period { DAY, WEEK, MONTH }

  public static QuotaWindow of(Period period, LocalDate day) {
    return switch (period) {
      case DAY -> new QuotaWindow(day, day.plusDays(1));
      case WEEK -> {
        LocalDate sunday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        yield new QuotaWindow(sunday, sunday.plusWeeks(1));
      }
      case MONTH -> {
        LocalDate first = day.withDayOfMonth(1);
        yield new QuotaWindow(first, first.plusMonths(1));
      }
    };
  }

  /** The period named as on the wire; null if it is not one of DAY, WEEK, MONTH. */
  public static Period period(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Period.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }
}
