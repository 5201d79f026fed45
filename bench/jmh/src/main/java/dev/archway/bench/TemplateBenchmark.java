package dev.archway.bench;

import dev.archway.mapping.ContextVariables;
import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.TemplateInput;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * MappingTemplate.render, compiled once as at deploy time. {@code request}: the usual request
 * template (parameters, a body path, $context); {@code response}: reshaping a JSON answer with
 * #foreach over 20 items; {@code passthrough}: {@code $input.json('$')}, the cheapest useful one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateBenchmark {
  private MappingTemplate request;
  private MappingTemplate response;
  private MappingTemplate passthrough;
  private TemplateInput requestInput;
  private TemplateInput responseInput;

  @Setup
  public void build() {
    request = MappingTemplate.compile("""
        {
          "petId": "$input.params('id')",
          "tag": "$util.escapeJavaScript($input.params('tag'))",
          "name": $input.json('$.name'),
          "caller": "$context.identity.sourceIp",
          "requestId": "$context.requestId",
          "stage": "$stageVariables.env"
        }""");
    response = MappingTemplate.compile("""
        #set($root = $input.path('$'))
        {
          "count": $root.items.size(),
          "items": [
        #foreach($item in $root.items)
            {"id": "$item.id", "label": "$util.escapeJavaScript($item.name)"}#if($foreach.hasNext),#end
        #end
          ]
        }""");
    passthrough = MappingTemplate.compile("$input.json('$')");
    ContextVariables context = ContextVariables.builder().requestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        .sourceIp("203.0.113.7").stage("bench").build();
    requestInput = new TemplateInput("{\"name\":\"Rex\",\"kind\":\"dog\",\"age\":3}", Map.of("id", "42"),
        Map.of("tag", List.of("good \"boy\"")), Map.of("Content-Type", List.of("application/json")), context,
        Map.of("env", "bench"));
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 20; i++) {
      items.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"name\":\"item ").append(i).append("\"}");
    }
    responseInput = new TemplateInput(items.append("]}").toString(), null, null, null, context, null);
  }

  @Benchmark
  public String request() {
    return request.render(requestInput).output();
  }

  @Benchmark
  public String response() {
    return response.render(responseInput).output();
  }

  @Benchmark
  public String passthrough() {
    return passthrough.render(requestInput).output();
  }
}
