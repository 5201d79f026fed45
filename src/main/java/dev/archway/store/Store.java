package dev.archway.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The only truth. Calls block (JDBC): use them from worker threads, never from an event loop.
 * A {@link #write} is one transaction: it commits durably before it returns, or leaves nothing.
 */
public interface Store extends AutoCloseable {

  <T> T read(Function<Documents, T> work);

  <T> T write(Function<Documents, T> work);

  /** Called after each committed write, once per changed document, on the writing thread. */
  void onChange(Consumer<Change> listener);

  @Override
  void close();
}
