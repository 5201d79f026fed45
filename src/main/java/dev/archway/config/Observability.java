package dev.archway.config;

import java.nio.file.Path;

/**
 * How the server observes API traffic.
 *
 * @param metrics whether requests are counted into metrics ({@code --metrics on|off}): the CloudWatch
 *     {@code AWS/ApiGateway} and {@code Archway/Usage} series and Prometheus's request series
 * @param accessLog where every access-log line also goes besides its stage's log group
 *     ({@code --access-log -|FILE}): null for nowhere, {@link #STDOUT} for standard output
 */
public record Observability(boolean metrics, Path accessLog) {
  /** {@code --access-log -}. */
  public static final Path STDOUT = Path.of("-");
  public static final Observability DEFAULT = new Observability(true, null);

  /** {@code on} or {@code off}, as the flag takes it. */
  public static boolean parseSwitch(String flag, String value) {
    if ("on".equals(value)) {
      return true;
    }
    if ("off".equals(value)) {
      return false;
    }
    throw new IllegalArgumentException(flag + ": " + value + " (expected: on or off)");
  }

  public Observability withMetrics(boolean on) {
    return new Observability(on, accessLog);
  }

  public Observability withAccessLog(Path file) {
    return new Observability(metrics, file);
  }
}
