package dev.archway.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** The store could not do what was asked: the database failed, not the caller. */
public final class StoreException extends RuntimeException {
  public StoreException(String what, Throwable cause) {
    super(what + ": " + (cause == null ? "unavailable" : cause.getMessage()), cause);
  }

  /** The database could not be reached (down, restarting, the network): trying later may succeed. */
  public static StoreException unavailable(String what) {
    return new StoreException(what, new SQLTransientConnectionException("the database is unreachable", "08006"));
  }

  /** Whether {@code error}, or what caused it, is a store that could not be reached. */
  public static boolean unavailable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof StoreException e && e.unavailable()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the database could not be reached, rather than refusing the statement: a connection
   * failure (SQLSTATE class 08), a server shutting down (57P01..57P03), or an I/O error under the driver.
   */
  public boolean unavailable() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof IOException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }
}
