package dev.archway.integration;

/** The backend did not answer within the integration's {@code timeoutInMillis}. */
public final class BackendTimeoutException extends RuntimeException {
  public BackendTimeoutException(String uri, long timeoutMillis) {
    super("no response from " + uri + " within " + timeoutMillis + " ms", null, false, false);
  }
}
