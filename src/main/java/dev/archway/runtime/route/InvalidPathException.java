package dev.archway.runtime.route;

/**
 * A request path that Archway refuses to route because it is ambiguous or hostile (encoded
 * slashes, dot segments, control characters, broken percent-encoding...). The execute listener
 * answers it with 400. The message names the problem but never echoes the path: the path is
 * attacker-controlled and may hold bytes that do not belong in a log line.
 */
public final class InvalidPathException extends RuntimeException {
  public InvalidPathException(String message) {
    // No stack trace: this is an expected answer to bad input, and it may be provoked at will.
    super(message, null, false, false);
  }
}
