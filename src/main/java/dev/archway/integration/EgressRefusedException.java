package dev.archway.integration;

/**
 * The egress policy refused the address a call would connect to: a configuration error of the
 * API (AWS's API_CONFIGURATION_ERROR, an invalid endpoint), never the client's. No stack trace.
 */
public final class EgressRefusedException extends IllegalArgumentException {
  public EgressRefusedException(String target, String reason) {
    super("egress to " + target + " refused: " + reason);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
