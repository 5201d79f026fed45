package dev.archway.bench;

import dev.archway.integration.HeadWriter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * HeadWriter writing the head of a proxied REST answer as the execute listener sends it: the
 * backend's headers (checked, renamed ones included), our ids, Date and Content-Length. Every
 * proxied request writes two heads like this one (the backend request and the answer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HeadWriterBenchmark {
  private static final byte[] STATUS = "HTTP/1.1 200 OK\r\n".getBytes();
  private final String[] headers = {
      "Content-Type", "application/json",
      "x-amzn-Remapped-Server", "nginx/1.24.0 (Ubuntu)",
      "x-amzn-Remapped-Date", "Thu, 03 Dec 2026 19:40:00 GMT",
      "x-amzn-Remapped-Connection", "keep-alive",
      "x-amzn-Remapped-Content-Length", "27",
      "X-Amzn-Trace-Id", "Root=1-6750e1c0-3f1a2b4c5d6e7f8091a2b3c4",
  };
  private final String[] ours = {
      "x-amzn-RequestId", "0b6a1c3e-4d5f-4a7b-9c8d-1e2f3a4b5c6d",
      "x-amz-apigw-id", "Bq3xYFAbIAMEbFw=",
      "Date", "Thu, 03 Dec 2026 19:40:00 GMT",
      "Content-Length", "27",
  };

  @Benchmark
  public void answerHead(Blackhole sink) {
    HeadWriter head = HeadWriter.start().bytes(STATUS);
    for (int i = 0; i < headers.length; i += 2) {
      head.header(headers[i], headers[i + 1]);
    }
    for (int i = 0; i < ours.length; i += 2) {
      head.trusted(ours[i], ours[i + 1]);
    }
    sink.consume(head.crlf());
  }
}
