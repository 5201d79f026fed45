package dev.archway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local copy of the configuration a node serves while its database is away: whole, or refused. */
class StoreSnapshotTest {
  record Note(String text) {}

  static final Kind<Note> NOTE = new Kind<>("note", Note.class);

  @Test
  void aSnapshotHoldsEveryDocumentInOrder(@TempDir Path dir) {
    Path file = dir.resolve("store.snapshot");
    try (JdbcStore store = JdbcStore.sqlite(dir)) {
      store.write(docs -> {
        docs.put(NOTE, "s", "2", new Note("two \u00e9\u4e2d"));
        docs.put(NOTE, "s", "1", new Note("one"));
        return null;
      });
      assertThat(StoreSnapshot.write(store, file)).isEqualTo(2);
    }
    try (JdbcStore copy = StoreSnapshot.read(file)) {
      List<Note> notes = copy.read(docs -> docs.list(NOTE, "s"));
      assertThat(notes).containsExactly(new Note("two \u00e9\u4e2d"), new Note("one"));
    }
  }

  @Test
  void anyChangedByteRefusesTheWholeSnapshot(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("store.snapshot");
    try (JdbcStore store = JdbcStore.sqlite(dir)) {
      store.write(docs -> {
        docs.put(NOTE, "s", "1", new Note("one"));
        return null;
      });
      StoreSnapshot.write(store, file);
    }
    byte[] whole = Files.readAllBytes(file);
    for (int at : new int[] {0, 30, whole.length - 1}) {
      byte[] bytes = whole.clone();
      bytes[at] ^= 1;
      Files.write(file, bytes);
      assertThatThrownBy(() -> StoreSnapshot.read(file)).isInstanceOf(StoreException.class).hasMessageContaining("corrupt");
    }
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
    assertThatThrownBy(() -> StoreSnapshot.read(file)).hasMessageContaining("corrupt");
    Files.write(file, whole);
    try (JdbcStore copy = StoreSnapshot.read(file)) {
      Optional<Note> one = copy.read(docs -> docs.get(NOTE, "s", "1"));
      assertThat(one).contains(new Note("one"));
    }
  }
}
