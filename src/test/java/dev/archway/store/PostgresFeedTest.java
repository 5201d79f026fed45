package dev.archway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.FreePorts;
import dev.archway.testing.Postgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two stores on one PostgreSQL database are two nodes: each hears the other's changes, writes are serial across them, outages heal. */
class PostgresFeedTest {
  record Counter(long value) {}

  static final Kind<Counter> COUNTER = new Kind<>("counter", Counter.class);

  private static JdbcStore open(String url) {
    return JdbcStore.postgresql(url, "postgres", "postgres", "archway-test");
  }

  @Test
  void aChangeCommittedOnOneNodeReachesTheOtherWithinASecondAndTheWriterOnce() {
    String url = Postgres.shared().newDatabase();
    try (JdbcStore a = open(url); JdbcStore b = open(url)) {
      List<Change> heardByA = new CopyOnWriteArrayList<>();
      List<Change> heardByB = new CopyOnWriteArrayList<>();
      // Under load a feed may connect after its store opened, and then asks for everything to be read: not counted here.
      a.onChange(change -> {
        if (!change.everything()) {
          heardByA.add(change);
        }
      });
      b.onChange(change -> {
        if (!change.everything()) {
          heardByB.add(change);
        }
      });

      a.write(docs -> {
        docs.put(COUNTER, "scope", "c1", new Counter(1));
        docs.put(COUNTER, "scope", "c1", new Counter(2)); // one change for the same document
        return null;
      });

      await().atMost(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(heardByB).hasSize(1));
      Change change = heardByB.get(0);
      assertThat(change.kind()).isEqualTo(COUNTER);
      assertThat(change.scope() + "/" + change.id()).isEqualTo("scope/c1");
      Optional<Counter> onB = b.read(docs -> docs.get(COUNTER, "scope", "c1"));
      assertThat(onB).contains(new Counter(2));
      assertThat(heardByA).hasSize(2); // delivered on the writing thread, not again from the feed
    }
  }

  @Test
  void readModifyWritesOfTwoNodesAreSerial() throws Exception {
    String url = Postgres.shared().newDatabase();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (JdbcStore a = open(url); JdbcStore b = open(url)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        JdbcStore node = i % 2 == 0 ? a : b;
        done.add(threads.submit(() -> node.write(docs -> {
          long value = docs.get(COUNTER, "s", "n").map(Counter::value).orElse(0L);
          docs.put(COUNTER, "s", "n", new Counter(value + 1));
          return null;
        })));
      }
      for (Future<?> f : done) {
        f.get();
      }
      Optional<Counter> total = a.read(docs -> docs.get(COUNTER, "s", "n"));
      assertThat(total).contains(new Counter(200));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anOutageFailsWritesAsUnavailableAndHealsWithEverythingReadAgain(@TempDir Path dir) throws IOException {
    try (Postgres server = Postgres.start(dir.resolve("pg"), FreePorts.next())) {
      String url = server.newDatabase();
      try (JdbcStore store = open(url)) {
        List<Change> heard = new CopyOnWriteArrayList<>();
        store.onChange(heard::add);
        assertThat(store.reachable()).isTrue();

        server.stop();
        await().atMost(Duration.ofSeconds(5)).until(() -> !store.reachable());
        assertThatThrownBy(() -> store.write(docs -> {
          docs.put(COUNTER, "s", "n", new Counter(1));
          return null;
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.unavailable()).isTrue());

        server.restart();
        await().atMost(Duration.ofSeconds(5)).until(store::reachable);
        await().atMost(Duration.ofSeconds(1)).until(() -> heard.contains(Change.EVERYTHING));
        store.write(docs -> {
          docs.put(COUNTER, "s", "n", new Counter(1));
          return null;
        });
      }
    }
  }

  @Test
  void aStoreOpenedWhileTheDatabaseIsDownMigratesAndAnnouncesEverythingOnceItAnswers(@TempDir Path dir) throws IOException {
    try (Postgres server = Postgres.start(dir.resolve("pg"), FreePorts.next())) {
      String url = server.newDatabase();
      server.stop();
      try (JdbcStore store = open(url)) {
        List<Change> heard = new CopyOnWriteArrayList<>();
        store.onChange(heard::add);
        assertThat(store.reachable()).isFalse();
        assertThatThrownBy(() -> store.read(docs -> docs.listAll(COUNTER)))
            .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.unavailable()).isTrue());

        server.restart();
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(Change.EVERYTHING));
        List<Counter> none = store.read(docs -> docs.listAll(COUNTER));
        assertThat(none).isEmpty();
      }
    }
  }
}
