package dev.archway.control;

import dev.archway.control.wire.ApiException;
import java.util.regex.Pattern;

/**
 * What AWS refuses in a stage's access-log format, in its words: a line break inside it (a REST
 * format may end with one), and a format without {@code $context.requestId} or
 * {@code $context.extendedRequestId}, which keep each line unique. v2 (HTTP and WebSocket) messages
 * carry AWS's "The following errors are found in Access Log Format: " prefix. A format already stored
 * is not checked again, so a stage written before this check can still have its other settings updated.
 */
public final class AccessLogFormatRule {
  /** Either id, as a whole variable name: {@code $context.requestIdX} is another variable. */
  private static final Pattern REQUEST_ID = Pattern.compile(
      "\\$(\\{context\\.(requestId|extendedRequestId)}|context\\.(requestId|extendedRequestId)(?![A-Za-z0-9_.-]))");
  private static final String V2_PREFIX = "The following errors are found in Access Log Format: ";

  private AccessLogFormatRule() {}

  /** REST stages (UpdateStage). */
  public static void checkRest(String format, String stored) {
    check(format, stored, true, "");
  }

  /** HTTP and WebSocket stages (CreateStage: {@code stored} null, UpdateStage). */
  public static void checkV2(String format, String stored) {
    check(format, stored, false, V2_PREFIX);
  }

  private static void check(String format, String stored, boolean rest, String prefix) {
    if (format == null || format.equals(stored)) {
      return;
    }
    String line = rest ? stripTrailingLineEnd(format) : format;
    if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
      throw ApiException.badRequest(prefix + "Access Log format must be single line"
          + (rest ? ", new line character is allowed only at end of the format" : "") + ": '" + format + "'");
    }
    if (!REQUEST_ID.matcher(format).find()) {
      throw ApiException.badRequest(prefix
          + "Access Log format must include either $context.requestId or $context.extendedRequestId : '" + format + "'");
    }
  }

  private static String stripTrailingLineEnd(String format) {
    String line = format.endsWith("\n") ? format.substring(0, format.length() - 1) : format;
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
