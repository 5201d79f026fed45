package dev.archway.integration;

/** An integration needs an AWS endpoint the operator did not configure: a configuration error, logged once per request. */
public final class NoEndpointException extends RuntimeException {
  public NoEndpointException(String message) {
    super(message, null, false, false);
  }
}
