package dev.archway.testing;

import dev.archway.store.JdbcStore;
import java.nio.file.Path;

/**
 * The two databases the store runs on, for tests that run the same way on both
 * ({@code @ParameterizedClass @EnumSource(TestStores.class)}): SQLite in a directory, and a fresh
 * database on the shared test PostgreSQL.
 */
public enum TestStores {
  SQLITE {
    @Override
    public JdbcStore open(Path dir) {
      return JdbcStore.sqlite(dir);
    }
  },
  POSTGRESQL {
    @Override
    public JdbcStore open(Path dir) {
      return JdbcStore.postgresql(Postgres.shared().newDatabase(), "postgres", "postgres", "archway-test");
    }
  };

  /** A new, empty store ({@code dir} is where SQLite keeps its file). */
  public abstract JdbcStore open(Path dir);
}
