package dev.archway.observe;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * The SDK's random ids, except for a request's span, whose trace id and span id were fixed before
 * the span is made: the trace id by its {@code X-Amzn-Trace-Id}, the span id by the
 * {@code traceparent} its backends were sent. {@link #start} hands them over on the calling thread.
 */
final class PresetIds implements IdGenerator {
  static final PresetIds INSTANCE = new PresetIds();
  private static final IdGenerator RANDOM = IdGenerator.random();
  private static final ThreadLocal<String[]> NEXT = new ThreadLocal<>();

  private PresetIds() {}

  /** Starts the span of {@code builder} with these ids (the trace id is used only when it has no parent). */
  static Span start(SpanBuilder builder, String traceId, String spanId) {
    NEXT.set(new String[] {traceId, spanId});
    try {
      return builder.startSpan();
    } finally {
      NEXT.remove();
    }
  }

  @Override
  public String generateSpanId() {
    String[] next = NEXT.get();
    return next == null ? RANDOM.generateSpanId() : next[1];
  }

  @Override
  public String generateTraceId() {
    String[] next = NEXT.get();
    return next == null ? RANDOM.generateTraceId() : next[0];
  }
}
