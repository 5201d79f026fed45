package dev.archway.runtime;

import static dev.archway.runtime.AccessExchanges.exchange;
import static dev.archway.runtime.AccessExchanges.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.model.QuotaSettings;
import dev.archway.store.JdbcStore;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.MovableClock;
import dev.archway.traffic.PlanKey;
import dev.archway.traffic.QuotaLedger;
import dev.archway.traffic.QuotaMeter;
import dev.archway.traffic.StoreQuotaCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The quota step over a real ledger and store, on a clock the test moves across period boundaries. */
class QuotaStepTest {
  private final Path dir;
  private final JdbcStore store;
  private final MovableClock clock = new MovableClock(Instant.parse("2025-03-15T23:59:58Z")); // a Saturday
  private final QuotaLedger ledger;
  private final QuotaStep step = new QuotaStep();

  QuotaStepTest() throws Exception {
    dir = Files.createTempDirectory("archway-quota-step");
    store = JdbcStore.sqlite(dir);
    ledger = new QuotaLedger(new StoreQuotaCounters(store), clock);
  }

  @AfterEach
  void close() {
    store.close();
    ArchwayServer.TempFiles.deleteTree(dir);
  }

  private String consume(QuotaMeter meter) {
    Exchange exchange = exchange(null);
    exchange.apiKey(new PlanKey("k1", "p1", null, Map.of(), meter));
    return outcome(step.apply(exchange));
  }

  @Test
  void aDailyQuotaResetsAtMidnightUtc() {
    QuotaMeter meter = ledger.meter("p1", "k1", new QuotaSettings(2, 0, "DAY"));
    assertThat(consume(meter)).isEqualTo("passed");
    assertThat(consume(meter)).isEqualTo("passed");
    assertThat(consume(meter)).isEqualTo("QUOTA_EXCEEDED");

    clock.set(Instant.parse("2025-03-16T00:00:00Z"));
    assertThat(consume(meter)).isEqualTo("passed");
    ledger.flush();
    assertThat(ledger.daily("p1", "k1", LocalDate.parse("2025-03-15"), LocalDate.parse("2025-03-16")))
        .containsExactly(Map.entry(LocalDate.parse("2025-03-15"), 2L), Map.entry(LocalDate.parse("2025-03-16"), 1L));
  }

  @Test
  void aWeeklyQuotaRunsSundayToSaturdayAndAMonthlyOneToTheFirst() {
    QuotaMeter weekly = ledger.meter("p1", "k1", new QuotaSettings(1, 0, "WEEK"));
    QuotaMeter monthly = ledger.meter("p1", "k2", new QuotaSettings(1, 0, "MONTH"));
    assertThat(consume(weekly)).isEqualTo("passed");
    assertThat(consume(monthly)).isEqualTo("passed");

    clock.set(Instant.parse("2025-03-16T00:00:01Z")); // Sunday: a new week, the same month
    assertThat(consume(weekly)).isEqualTo("passed");
    assertThat(consume(monthly)).isEqualTo("QUOTA_EXCEEDED");

    clock.set(Instant.parse("2025-04-01T00:00:00Z"));
    assertThat(consume(monthly)).isEqualTo("passed");
  }

  @Test
  void aNewLedgerOverTheSameStoreContinuesTheWindow() {
    QuotaSettings quota = new QuotaSettings(3, 0, "MONTH");
    QuotaMeter meter = ledger.meter("p1", "k1", quota);
    consume(meter);
    consume(meter);
    ledger.flush();

    QuotaLedger restarted = new QuotaLedger(new StoreQuotaCounters(store), clock);
    QuotaMeter again = restarted.meter("p1", "k1", quota);
    assertThat(again.remaining()).isEqualTo(1);
    assertThat(consume(again)).isEqualTo("passed");
    assertThat(consume(again)).isEqualTo("QUOTA_EXCEEDED");
  }

  @Test
  void aGrantReachesTheRunningMeter() {
    QuotaMeter meter = ledger.meter("p1", "k1", new QuotaSettings(1, 0, "DAY"));
    consume(meter);
    assertThat(consume(meter)).isEqualTo("QUOTA_EXCEEDED");
    ledger.setGrant("p1", "k1", LocalDate.parse("2025-03-15"), 5);
    assertThat(meter.remaining()).isEqualTo(5);
    assertThat(consume(meter)).isEqualTo("passed");
  }

  @Test
  void withoutAKeyOrAQuotaThereIsNothingToCount() {
    assertThat(outcome(step.apply(exchange(null)))).isEqualTo("passed");
    assertThat(ledger.meter("p1", "k1", null)).isNull();
    assertThat(ledger.meter("p1", "k1", new QuotaSettings(5, 0, null))).isNull();
  }
}
