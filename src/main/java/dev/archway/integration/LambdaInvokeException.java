package dev.archway.integration;

/**
 * The Lambda Invoke API itself refused the call (404 ResourceNotFoundException, 429
 * TooManyRequestsException, 403...): not a function error, and never the client's answer as is.
 */
public final class LambdaInvokeException extends RuntimeException {
  private final int statusCode;
  private final String errorType;

  public LambdaInvokeException(String function, int statusCode, String errorType, String body) {
    super("Lambda Invoke of " + function + " answered " + statusCode + " " + errorType + ": " + body, null, false, false);
    this.statusCode = statusCode;
    this.errorType = errorType;
  }

  public int statusCode() {
    return statusCode;
  }

  public String errorType() {
    return errorType;
  }
}
