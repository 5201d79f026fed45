package dev.archway.store;

/** The store could not do what was asked: the database failed, not the caller. */
public final class StoreException extends RuntimeException {
  public StoreException(String what, Throwable cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
