package dev.archway.deploy;

/**
 * A deployment that cannot be served as it is. The message names the API, stage, method and path
 * (for the log); {@link #reason()} names only the method and what is wrong, for a caller who asked
 * to deploy (CreateDeployment answers it).
 */
public final class CompileException extends RuntimeException {
  private final String reason;

  /**
   * @param where the API, stage and deployment
   * @param route the method and path to blame ({@code GET /pets}), or null when the whole deployment is
   */
  public CompileException(String where, String route, IllegalArgumentException cause) {
    super("cannot compile " + (route == null ? "" : route + " of ") + where + ": " + cause.getMessage(), cause);
    this.reason = (route == null ? "" : route + ": ") + cause.getMessage();
  }

  public String reason() {
    return reason;
  }
}
