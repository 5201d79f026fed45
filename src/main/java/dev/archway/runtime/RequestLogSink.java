package dev.archway.runtime;

/**
 * Where completed {@link RequestLog}s go: metrics and access logs (the observability issue)
 * implement it. Called once per request on the connection's event loop, right after its answer
 * was written: an implementation must not block, and hands anything slow to its own queue.
 */
@FunctionalInterface
public interface RequestLogSink {
  /** Nobody listens: the logs are dropped as they complete. */
  RequestLogSink NONE = log -> { };

  void completed(RequestLog log);
}
