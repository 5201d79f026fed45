package dev.archway.auth.lambda;

/**
 * Why a Lambda authorizer gave no usable answer. The message is for the log; clients get AWS's
 * gateway response for the {@link Kind}.
 */
public final class AuthorizerException extends RuntimeException {

  public enum Kind {
    /** The function failed with the error message {@code Unauthorized}: AWS's way to answer 401. */
    UNAUTHORIZED,
    /** The function failed otherwise, answered something that is no authorizer output, or Lambda refused the call (500). */
    CONFIGURATION_ERROR,
    /** No answer: timeout, no endpoint, connection failure (500, fail closed). */
    FAILURE
  }

  private final Kind kind;

  public AuthorizerException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
