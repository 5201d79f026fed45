package dev.archway.bench;

import dev.archway.traffic.TokenBucket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * TokenBucket.tryAcquire, the one call every throttled request makes per level (plan, stage,
 * account): one clock read and one CAS. {@code granted}: a limit far above the rate of calls (the
 * usual case); {@code refused}: an empty bucket (a throttled flood); {@code contended}: every
 * benchmark thread on the same bucket, as event loops share a usage plan's bucket.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ThrottleBenchmark {
  private TokenBucket roomy;
  private TokenBucket empty;

  @Setup
  public void build() {
    roomy = TokenBucket.of(1e12, Integer.MAX_VALUE / 2, System::nanoTime);
    empty = TokenBucket.of(0, 0, System::nanoTime);
  }

  @Benchmark
  public boolean granted() {
    return roomy.tryAcquire();
  }

  @Benchmark
  public boolean refused() {
    return empty.tryAcquire();
  }

  @Benchmark
  @Threads(2)
  public boolean contended() {
    return roomy.tryAcquire();
  }
}
