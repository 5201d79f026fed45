package dev.archway.control;

import dev.archway.store.Documents;
import dev.archway.store.Store;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A store whose reads and writes join one transaction already open: an import runs the handlers'
 * own operations (and so their checks) inside it, and commits or leaves nothing as a whole.
 */
final class InTransaction implements Store {
  private final Documents docs;

  InTransaction(Documents docs) {
    this.docs = docs;
  }

  @Override
  public <T> T read(Function<Documents, T> work) {
    return work.apply(docs);
  }

  @Override
  public <T> T write(Function<Documents, T> work) {
    return work.apply(docs);
  }

  @Override
  public void onChange(Consumer<dev.archway.store.Change> listener) {
    throw new UnsupportedOperationException("the change feed belongs to the store that owns the transaction");
  }

  @Override
  public void close() {
    // the owning store closes
  }
}
