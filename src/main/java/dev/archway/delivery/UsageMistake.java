package dev.archway.delivery;

/**
 * {@code apply} or {@code export} was given something it cannot use: a file that says what it cannot
 * mean (a member {@code x-archway} does not have, a value of the wrong kind, an environment variable
 * that is not set) or an option that does not fit the API. One line naming the file or option, the
 * member and what was expected; exit code 2, before anything is written.
 */
public final class UsageMistake extends RuntimeException {
  public UsageMistake(String message) {
    super(message);
  }
}
