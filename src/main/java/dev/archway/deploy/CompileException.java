package dev.archway.deploy;

/** A deployment that cannot be served as it is; the message names the stage, method and path. */
public final class CompileException extends RuntimeException {
  public CompileException(String message, Throwable cause) {
    super(message, cause);
  }
}
