package dev.archway.observe;

import java.util.regex.Pattern;

/**
 * A stage's access log, compiled: the log group its {@code destinationArn} names (in the ARN's
 * account and region; created when missing, as API Gateway creates it) and the compiled format.
 */
public record AccessLog(String accountId, String region, String group, AccessLogFormat format) {
  private static final Pattern LOG_GROUP_ARN =
      Pattern.compile("arn:aws[a-z-]*:logs:([a-z0-9-]+):(\\d{12}):log-group:([.\\-_/#A-Za-z0-9]{1,512})(:\\*)?");

  /**
   * @throws IllegalArgumentException when {@code destinationArn} names no CloudWatch Logs log group
   *     (Kinesis Data Firehose destinations are not served)
   */
  public static AccessLog of(String destinationArn, AccessLogFormat format) {
    var m = destinationArn == null ? null : LOG_GROUP_ARN.matcher(destinationArn);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("accessLogSettings.destinationArn: " + destinationArn
          + " (expected: a CloudWatch Logs log group ARN, arn:aws:logs:{region}:{account}:log-group:{name})");
    }
    return new AccessLog(m.group(2), m.group(1), m.group(3), format);
  }

  @Override
  public String toString() {
    return "access log to " + group + " (" + accountId + ", " + region + "): " + format;
  }
}
