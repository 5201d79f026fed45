package dev.archway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.TestStores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's contract, the same on SQLite and on PostgreSQL: documents, transactions, metric rows, the local feed. */
@ParameterizedClass
@EnumSource(TestStores.class)
class StoreTest {
  record Note(String text) {}

  static final Kind<Note> NOTE = new Kind<>("note", Note.class);
  static final Kind<Note> OTHER = new Kind<>("other", Note.class);

  @Parameter
  TestStores stores;
  @TempDir
  Path dir;
  JdbcStore store;

  @BeforeEach
  void open() {
    store = stores.open(dir);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void documentsAreKeptByKindScopeAndIdInInsertionOrder() {
    store.write(docs -> {
      docs.put(NOTE, "s1", "b", new Note("first"));
      docs.put(NOTE, "s1", "a", new Note("second"));
      docs.put(NOTE, "s2", "c", new Note("third"));
      docs.put(OTHER, "s1", "a", new Note("other kind"));
      return null;
    });
    store.write(docs -> {
      docs.put(NOTE, "s1", "b", new Note("first, changed"));
      return null;
    });

    Optional<Note> a = store.read(docs -> docs.get(NOTE, "s1", "a"));
    assertThat(a).contains(new Note("second"));
    Optional<Note> missing = store.read(docs -> docs.get(NOTE, "s1", "zz"));
    assertThat(missing).isEmpty();
    List<Note> inScope = store.read(docs -> docs.list(NOTE, "s1"));
    assertThat(inScope).containsExactly(new Note("first, changed"), new Note("second"));
    List<Note> all = store.read(docs -> docs.listAll(NOTE));
    assertThat(all).hasSize(3);
    Optional<String> scope = store.read(docs -> docs.scopeOf(NOTE, "c"));
    assertThat(scope).contains("s2");
  }

  @Test
  void deletesByIdScopeAndAge() {
    store.write(docs -> {
      docs.put(NOTE, "s1", "001", new Note("old"));
      docs.put(NOTE, "s1", "005", new Note("new"));
      docs.put(OTHER, "s2", "x", new Note("x"));
      docs.put(NOTE, "s2", "y", new Note("y"));
      return null;
    });

    int aged = store.write(docs -> docs.deleteIdsBefore(NOTE, "003"));
    assertThat(aged).isEqualTo(1);
    boolean deleted = store.write(docs -> docs.delete(NOTE, "s1", "005"));
    assertThat(deleted).isTrue();
    boolean again = store.write(docs -> docs.delete(NOTE, "s1", "005"));
    assertThat(again).isFalse();
    store.write(docs -> {
      docs.deleteScope("s2");
      return null;
    });
    List<Note> notes = store.read(docs -> docs.listAll(NOTE));
    List<Note> others = store.read(docs -> docs.listAll(OTHER));
    assertThat(notes).isEmpty();
    assertThat(others).isEmpty();
  }

  @Test
  void aFailedWriteLeavesNothingAndAnnouncesNothing() {
    List<Change> changes = new CopyOnWriteArrayList<>();
    store.onChange(changes::add);

    assertThatThrownBy(() -> store.write(docs -> {
      docs.put(NOTE, "s", "1", new Note("half"));
      throw new IllegalStateException("refused");
    })).hasMessage("refused");

    Optional<Note> half = store.read(docs -> docs.get(NOTE, "s", "1"));
    assertThat(half).isEmpty();
    assertThat(changes).isEmpty();
  }

  @Test
  void committedChangesReachListenersOnTheWritingThreadBeforeWriteReturns() {
    List<String> seen = new ArrayList<>();
    store.onChange(change -> seen.add(change.kind() + " " + change.scope() + "/" + change.id() + " " + Thread.currentThread().getName()));

    store.write(docs -> {
      docs.put(NOTE, "s", "1", new Note("one"));
      docs.delete(NOTE, "s", "1");
      return null;
    });

    String thread = Thread.currentThread().getName();
    assertThat(seen).containsExactly("note s/1 " + thread, "note s/1 " + thread);
  }

  @Test
  void aNestedReadJoinsTheOpenWriteAndSeesItsChanges() {
    Optional<Note> seen = store.write(docs -> {
      docs.put(NOTE, "s", "1", new Note("uncommitted"));
      return store.read(inner -> inner.get(NOTE, "s", "1"));
    });
    assertThat(seen).contains(new Note("uncommitted"));
  }

  @Test
  void metricSeriesAndPointsRoundTrip() {
    long id = store.write(docs -> docs.metrics().series("acct:us-east-1", "AWS/ApiGateway", "Count", "{}", 1_000));
    long again = store.write(docs -> docs.metrics().series("acct:us-east-1", "AWS/ApiGateway", "Count", "{}", 500));
    byte[] sketch = {1, 2, 3};
    store.write(docs -> {
      docs.metrics().put(new MetricRows.Point(id, 60, 120, "Count", 2, 3, 1, 2, sketch));
      docs.metrics().put(new MetricRows.Point(id, 60, 180, "Count", 1, 1, 1, 1, null));
      return null;
    });

    assertThat(again).isEqualTo(id);
    List<MetricRows.Series> series = store.read(docs -> docs.metrics().list("acct:us-east-1", null, null, 0));
    assertThat(series).containsExactly(new MetricRows.Series(id, "AWS/ApiGateway", "Count", "{}", 1_000));
    MetricRows.Point point = store.read(docs -> docs.metrics().point(id, 60, 120, "Count")).orElseThrow();
    assertThat(point.sum()).isEqualTo(3);
    assertThat(point.sketch()).containsExactly(1, 2, 3);
    List<MetricRows.Point> points = store.read(docs -> docs.metrics().points(id, 60, 0, 1000));
    assertThat(points).hasSize(2);
    int pruned = store.write(docs -> docs.metrics().prune(60, 150));
    int prunedSeries = store.write(docs -> docs.metrics().pruneSeries(2_000));
    assertThat(pruned).isEqualTo(1);
    assertThat(prunedSeries).isZero();
  }
}
