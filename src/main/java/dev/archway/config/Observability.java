package dev.archway.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the server observes API traffic.
 *
 * @param metrics whether requests are counted into metrics ({@code --metrics on|off}): the CloudWatch
 *     {@code AWS/ApiGateway} and {@code Archway/Usage} series and Prometheus's request series
 * @param accessLog where every access-log line also goes besides its stage's log group
 *     ({@code --access-log -|FILE}): null for nowhere, {@link #STDOUT} for standard output
 * @param otel the standard OpenTelemetry variables ({@code OTEL_*}) that configure trace export: none
 *     leaves tracing off
 */
public record Observability(boolean metrics, Path accessLog, Map<String, String> otel) {
  /** {@code --access-log -}. */
  public static final Path STDOUT = Path.of("-");
  public static final Observability DEFAULT = new Observability(true, null, Map.of());

  public Observability {
    otel = Map.copyOf(otel);
  }

  /** The {@code OTEL_*} variables of {@code environment}. */
  public static Map<String, String> otelVariables(Map<String, String> environment) {
    Map<String, String> otel = new TreeMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith("OTEL_")) {
        otel.put(name, value);
      }
    });
    return otel;
  }

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
    return new Observability(on, accessLog, otel);
  }

  public Observability withAccessLog(Path file) {
    return new Observability(metrics, file, otel);
  }

  public Observability withOtel(Map<String, String> variables) {
    return new Observability(metrics, accessLog, variables);
  }
}
