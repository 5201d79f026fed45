package dev.archway.runtime;

import dev.archway.runtime.route.InvalidPathException;
import dev.archway.runtime.route.RouteMatch;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TestInvokeMethod's data-plane half: one simulated request through a method's real pipeline,
 * compiled from the draft, with the execution log AWS returns. The pipeline runs on an event-loop
 * context like served traffic; the answer is what a client would have received.
 */
public final class TestInvocation {
  /** What AWS reports as {@code $context.identity.sourceIp} for a test invocation. */
  static final String SOURCE_IP = "test-invoke-source-ip";

  /** TestInvokeMethod's answer, member names as on the wire. */
  public record Result(int status, String body, Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
      String log, long latency) {}

  private TestInvocation() {}

  /**
   * @param context the event-loop context to run on
   * @param pathWithQueryString the simulated path after the stage, with its query string
   * @param fallbackRoute served when the path does not match the method's resource (AWS still invokes it)
   */
  public static Future<Result> run(Context context, CompiledStage stage, String httpMethod, String pathWithQueryString,
      MultiMap headers, String body, CompiledRoute fallbackRoute) {
    String requestId = UUID.randomUUID().toString();
    String target = pathWithQueryString == null || pathWithQueryString.isEmpty() ? "/" : pathWithQueryString;
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? null : target.substring(question + 1);
    RouteMatch<CompiledRoute> match;
    try {
      match = stage.routes().match(httpMethod, path);
    } catch (InvalidPathException e) {
      match = null;
    }
    CompiledRoute route = match == null ? fallbackRoute : match.target();
    Map<String, String> pathParameters = match == null ? Map.of() : match.pathParameters();
    MultiMap queryParameters = MultiMap.caseInsensitiveMultiMap();
    new QueryStringDecoder(target, StandardCharsets.UTF_8).parameters().forEach(queryParameters::add);
    MethodRequest request = new MethodRequest(httpMethod, path, pathParameters, query, queryParameters, headers,
        body == null ? Buffer.buffer() : Buffer.buffer(body), SOURCE_IP);
    Exchange exchange = new Exchange(requestId, stage, route, request);
    ExecutionLog log = ExecutionLog.recording();
    exchange.executionLog(log);
    EndpointLog.started(log, requestId, request);
    long started = System.nanoTime();
    Promise<Result> result = Promise.promise();
    context.runOnContext(ignored -> route.pipeline().run(exchange).onComplete(done -> {
      MethodResponse response = done.succeeded() && exchange.methodResponse() != null
          ? exchange.methodResponse()
          : GatewayResponseRenderer.render(done.failed() ? done.cause() : new IllegalStateException("no response"), exchange);
      log.add(done.succeeded() ? "Successfully completed execution" : "Execution failed: " + done.cause().getMessage());
      log.add("Method completed with status: " + response.statusCode());
      result.complete(result(requestId, response, log, (System.nanoTime() - started) / 1_000_000));
    }));
    return result.future();
  }

  private static Result result(String requestId, MethodResponse response, ExecutionLog log, long latency) {
    Map<String, String> single = new LinkedHashMap<>();
    Map<String, List<String>> multi = new LinkedHashMap<>();
    for (String name : response.headers().names()) {
      List<String> values = new ArrayList<>(response.headers().getAll(name));
      multi.put(name, values);
      single.put(name, values.get(values.size() - 1));
    }
    return new Result(response.statusCode(), response.body().toString(StandardCharsets.UTF_8), single, multi,
        "Execution log for request " + requestId + "\n" + log.text(), latency);
  }
}
