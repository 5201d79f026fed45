package dev.archway.observe;

import dev.archway.cloudwatch.logs.LogSink;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Access logs: each completed request of a stage with {@code accessLogSettings} becomes one line in
 * the stage's format, queued for its log group through the {@link LogSink} (and for the
 * {@code --access-log} copy). Rendering reads the compiled format; queuing never blocks: a full
 * queue drops the line and counts it.
 */
final class AccessLogs implements RequestLogSink {
  private final LogSink logs;
  private final AccessLogCopy copy;
  /** One stream per server process, named as AWS names its streams: 32 hex digits. */
  private final String stream = UUID.randomUUID().toString().replace("-", "");
  private final LongAdder dropped = new LongAdder();

  /** @param copy where every line also goes ({@code --access-log}), or null */
  AccessLogs(LogSink logs, AccessLogCopy copy) {
    this.logs = logs;
    this.copy = copy;
  }

  @Override
  public void completed(RequestLog log) {
    RouteTelemetry route = log.telemetry();
    AccessLog accessLog = route == null ? null : route.stage().accessLog();
    if (accessLog == null) {
      return;
    }
    String line = accessLog.format().render(log);
    if (!logs.put(accessLog.accountId(), accessLog.region(), accessLog.group(), stream, System.currentTimeMillis(), line)) {
      dropped.increment();
    }
    if (copy != null) {
      copy.offer(line);
    }
  }

  /** Lines dropped because a queue was full. */
  long dropped() {
    return dropped.sum() + (copy == null ? 0 : copy.dropped());
  }

  @Override
  public String toString() {
    return "AccessLogs(stream " + stream + (copy == null ? "" : ", with a copy") + ")";
  }
}
