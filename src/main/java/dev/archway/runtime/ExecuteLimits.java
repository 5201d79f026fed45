package dev.archway.runtime;

/**
 * Data-plane limits of the execute listener. {@link #AWS} holds API Gateway's REST values.
 *
 * @param maxBodyBytes payload limit; larger bodies get 413 REQUEST_TOO_LARGE
 * @param maxInitialLineBytes request line limit (AWS: 10,240-character URL)
 * @param maxHeaderBytes all headers together (AWS: 10,240 bytes)
 * @param idleTimeoutSeconds closes connections silent this long; above the 29 s integration timeout
 */
public record ExecuteLimits(long maxBodyBytes, int maxInitialLineBytes, int maxHeaderBytes, int idleTimeoutSeconds) {
  public static final ExecuteLimits AWS = new ExecuteLimits(10L * 1024 * 1024, 10_240, 10_240, 60);

  public ExecuteLimits {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes: " + maxBodyBytes + " (expected: >= 0)");
    }
    if (maxInitialLineBytes < 64 || maxHeaderBytes < 64) {
      throw new IllegalArgumentException("maxInitialLineBytes/maxHeaderBytes: " + maxInitialLineBytes + "/"
          + maxHeaderBytes + " (expected: >= 64)");
    }
    if (idleTimeoutSeconds < 1) {
      throw new IllegalArgumentException("idleTimeoutSeconds: " + idleTimeoutSeconds + " (expected: >= 1)");
    }
  }
}
