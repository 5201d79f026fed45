package dev.archway.store;

/**
 * What differs between the two databases under {@link JdbcStore}: the column types of the
 * migrations (SQLite's autoincrement rowid and BLOB are PostgreSQL's BIGSERIAL and BYTEA). The
 * statements of {@link Documents} and {@link MetricRows} are plain SQL both accept.
 */
enum Dialect {
  SQLITE,
  POSTGRESQL;

  /** A migration written for SQLite, as this database takes it. */
  String ddl(String statement) {
    if (this == SQLITE) {
      return statement;
    }
    return statement.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "BIGSERIAL PRIMARY KEY").replace("BLOB", "BYTEA");
  }
}
