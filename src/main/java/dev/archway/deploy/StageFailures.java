package dev.archway.deploy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stages whose deployment cannot be served, REST and HTTP APIs alike. Each failure is one ERROR
 * line naming the API, the stage, the deployment, the reason and what the stage serves instead; a
 * recompile that fails the same way again (after any other change to the API) logs nothing more.
 * Recompiles of one API never overlap (StageSync runs one at a time), so nothing here races.
 */
final class StageFailures {
  private static final Logger LOG = LoggerFactory.getLogger(StageFailures.class);

  /** The lines last logged, by API and stage. */
  private final Map<String, Map<String, String>> logged = new ConcurrentHashMap<>();

  /** What went wrong: a {@link CompileException} names the method and path; anything else is a malformed document. */
  static String reason(RuntimeException e) {
    if (e instanceof CompileException compile) {
      return compile.reason();
    }
    LOG.debug("compiling failed", e);
    return "cannot compile: " + e;
  }

  /** @param kept the deployment the stage keeps serving (its last good snapshot), or null when it serves nothing */
  static String line(String apiId, String stage, String deploymentId, String reason, String kept) {
    return "api " + apiId + " stage " + stage + ": deployment " + deploymentId + " cannot be served: " + reason
        + (kept == null ? "; the stage serves nothing" : "; it keeps serving deployment " + kept);
  }

  /** The failing stages of one recompile of the API, by name: logs the lines it did not log last time. */
  void report(String apiId, Map<String, String> lines) {
    Map<String, String> before = lines.isEmpty() ? logged.remove(apiId) : logged.put(apiId, Map.copyOf(lines));
    lines.forEach((stage, line) -> {
      if (before == null || !line.equals(before.get(stage))) {
        LOG.error(line);
      }
    });
  }
}
