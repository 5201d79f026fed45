package dev.archway.bench;

import dev.archway.runtime.route.RouteMatch;
import dev.archway.runtime.route.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RouteTable.match with 10, 1,000 and 100,000 routes: the cost must not grow with the route count
 * (a trie on path segments: one hash look-up per segment). The table looks like many services
 * behind one API: {@code /svc<i>/items/{id}} (GET), {@code /svc<i>/status} (ANY), plus a greedy
 * {@code /files/{proxy+}}. Each request path names a service near the middle of the table.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteMatchBenchmark {
  @Param({"10", "1000", "100000"})
  int routes;

  private RouteTable<String> table;
  private String literalPath;
  private String parameterPath;

  @Setup
  public void build() {
    RouteTable.Builder<String> builder = RouteTable.builder();
    builder.add("/files/{proxy+}", "GET", "files");
    int services = Math.max(1, (routes - 1) / 2);
    for (int i = 0; i < services; i++) {
      builder.add("/svc" + i + "/items/{id}", "GET", "items-" + i);
      builder.add("/svc" + i + "/status", "ANY", "status-" + i);
    }
    table = builder.build();
    literalPath = "/svc" + services / 2 + "/status";
    parameterPath = "/svc" + services / 2 + "/items/item%2042";
  }

  @Benchmark
  public RouteMatch<String> literal() {
    return table.match("POST", literalPath);
  }

  @Benchmark
  public RouteMatch<String> pathParameter() {
    return table.match("GET", parameterPath);
  }

  @Benchmark
  public RouteMatch<String> greedy() {
    return table.match("GET", "/files/a/b/c.txt");
  }

  @Benchmark
  public RouteMatch<String> miss() {
    return table.match("GET", "/unknown/path");
  }
}
