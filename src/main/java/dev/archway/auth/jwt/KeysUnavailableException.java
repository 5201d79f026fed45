package dev.archway.auth.jwt;

/** The issuer's signing keys could not be fetched: the message says why, for the log only. */
public final class KeysUnavailableException extends RuntimeException {
  public KeysUnavailableException(String message) {
    super(message, null, false, false);
  }
}
