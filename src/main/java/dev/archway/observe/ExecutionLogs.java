package dev.archway.observe;

import dev.archway.cloudwatch.logs.LogSink;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.ExecutionLog;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import java.util.UUID;

/**
 * Execution logs: the lines a REST method's {@code loggingLevel} kept for a completed request go to
 * {@code API-Gateway-Execution-Logs_{restApiId}/{stageName}} (a canary request's to
 * {@code .../{stageName}/Canary}), each as one event {@code (requestId) line}, cut at 1 KB as AWS
 * cuts them. Queuing never blocks: a full queue drops the line (the sink counts it:
 * {@code archway_log_lines_dropped_total}).
 */
final class ExecutionLogs implements RequestLogSink {
  private static final int MAX_EVENT = 1024;

  private final LogSink logs;
  private final String stream = UUID.randomUUID().toString().replace("-", "");

  ExecutionLogs(LogSink logs) {
    this.logs = logs;
  }

  @Override
  public void completed(RequestLog log) {
    Exchange exchange = log.exchange();
    RouteTelemetry route = log.telemetry();
    if (exchange == null || route == null || !exchange.executionLog().enabled() || route.stage().scope() == null) {
      return;
    }
    ExecutionLog lines = exchange.executionLog();
    if (log.status() != RequestLog.CLIENT_CLOSED) {
      if (log.errorType() == null) {
        lines.add("Successfully completed execution");
      }
      lines.add("Method completed with status: " + log.status());
    }
    String[] scope = route.stage().scope().split(":", 2);
    String group = "API-Gateway-Execution-Logs_" + route.stage().apiId() + "/" + route.stageDimension();
    String prefix = "(" + exchange.requestId() + ") ";
    for (ExecutionLog.Line line : lines.lines()) {
      String event = prefix + line.text();
      logs.put(scope[0], scope[1], group, stream, line.epochMillis(),
          event.length() > MAX_EVENT ? event.substring(0, MAX_EVENT) : event);
    }
  }

  @Override
  public String toString() {
    return "ExecutionLogs(stream " + stream + ")";
  }
}
