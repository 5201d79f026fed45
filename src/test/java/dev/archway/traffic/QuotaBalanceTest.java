package dev.archway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.model.QuotaSettings;
import dev.archway.store.JdbcStore;
import dev.archway.testing.ArchwayServer.TempFiles;
import dev.archway.traffic.QuotaBalance.Day;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.archway.testing.TestStores;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Daily used/remaining over the store-backed counters: windows reset the count, grants move the allowance. */
@ParameterizedClass
@EnumSource(TestStores.class)
class QuotaBalanceTest {
  @Parameter
  TestStores stores;

  private static final LocalDate SAT = LocalDate.of(2024, 3, 2);
  private static final LocalDate SUN = SAT.plusDays(1);
  private static final LocalDate MON = SAT.plusDays(2);

  private Path dir;
  private JdbcStore store;
  private QuotaCounters counters;

  @BeforeEach
  void open() throws IOException {
    dir = Files.createTempDirectory("quota");
    store = stores.open(dir);
    counters = new StoreQuotaCounters(store);
  }

  @AfterEach
  void close() {
    store.close();
    TempFiles.deleteTree(dir);
  }

  @Test
  void weeklyQuotaCountsDownAndResetsOnSunday() {
    QuotaSettings weekly = new QuotaSettings(10, 0, "WEEK");
    counters.add("plan", "key", SAT.minusDays(1), 4);
    assertThat(counters.add("plan", "key", SAT, 3)).isEqualTo(3);
    assertThat(counters.add("plan", "key", SAT, 2)).isEqualTo(5);
    counters.add("plan", "key", MON, 1);
    counters.add("plan", "other", MON, 7);

    assertThat(QuotaBalance.daily(counters, "plan", "key", weekly, SAT, MON).values())
        .containsExactly(new Day(5, 1), new Day(0, 10), new Day(1, 9));
  }

  @Test
  void grantsToOneKeyAndToEveryKeyMoveTheAllowance() {
    QuotaSettings daily = new QuotaSettings(10, 3, "DAY");
    counters.setGrant("plan", QuotaCounters.EVERY_KEY, SUN, -3); // the offset, in the day the quota was set
    counters.setGrant("plan", "key", MON, 5);
    counters.add("plan", "key", SUN, 2);
    counters.add("plan", "key", MON, 20);

    assertThat(QuotaBalance.daily(counters, "plan", "key", daily, SUN, MON).values())
        .containsExactly(new Day(2, 5), new Day(20, 0));
    assertThat(QuotaBalance.allowance(counters, "plan", "key", daily, QuotaWindow.of(QuotaWindow.Period.DAY, MON)))
        .isEqualTo(15);
  }

  @Test
  void withoutQuotaOnlyUseIsReported() {
    counters.add("plan", "key", SUN, 2);
    assertThat(QuotaBalance.daily(counters, "plan", "key", null, SAT, SUN).values())
        .containsExactly(new Day(0, 0), new Day(2, 0));
    counters.forgetPlan("plan");
    assertThat(counters.daily("plan", "key", SAT, SUN)).isEmpty();
  }
}
