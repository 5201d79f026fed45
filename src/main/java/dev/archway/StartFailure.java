package dev.archway;

/**
 * Archway cannot start, for a reason the operator can fix: the message is the one line printed
 * (naming the flag, file or listener, the value and the cause), with the exit code of its kind,
 * 2 for a bad command line or configuration, 1 for what the machine refused (a busy port, an
 * unusable data directory).
 */
public final class StartFailure extends RuntimeException {
  private final int exitCode;

  private StartFailure(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A bad flag, environment variable or file: exit code 2, as picocli's usage errors. */
  public static StartFailure usage(String message, Throwable cause) {
    return new StartFailure(message, 2, cause);
  }

  /** The machine refused what was asked: exit code 1. */
  public static StartFailure runtime(String message, Throwable cause) {
    return new StartFailure(message, 1, cause);
  }

  public int exitCode() {
    return exitCode;
  }
}
