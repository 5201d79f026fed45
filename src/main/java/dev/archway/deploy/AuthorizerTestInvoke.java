package dev.archway.deploy;

import dev.archway.model.Authorizer;
import dev.archway.model.DeployedApi;
import dev.archway.model.Method;
import dev.archway.runtime.CognitoAuthorizerStep;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.LambdaAuthorizerStep;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.Step;
import dev.archway.runtime.route.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TestInvokeAuthorizer: runs an authorizer of the draft against a made-up request, as the AWS
 * console's "Test" button does, on stage {@code test-invoke-stage} with method GET. Nothing is
 * cached. The answer carries what the client would get ({@code clientStatus}) and what the
 * authorizer said (principal, policy, claims), plus a short log.
 */
public final class AuthorizerTestInvoke {
  static final String STAGE = "test-invoke-stage";

  /** The request to test with, as TestInvokeAuthorizer's members give it. */
  public record Request(Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
      String pathWithQueryString, String body, Map<String, String> stageVariables) {}

  /** TestInvokeAuthorizer's response members; {@code clientStatus} is 0 when the authorizer let the request through, as the API reference says. */
  public record Result(int clientStatus, String log, long latency, String principalId, String policy,
      Map<String, String> claims) {}

  private AuthorizerTestInvoke() {}

  /**
   * @param scope the API's {@code account:region}
   * @throws IllegalArgumentException when the authorizer cannot be compiled (bad URI, identity source...)
   */
  public static Future<Result> run(AccessControl access, String apiId, String scope, Authorizer authorizer, Request request) {
    DeployedApi draft = new DeployedApi("test-invoke", null, List.of(), List.of(authorizer), List.of(), List.of(), List.of());
    String type = "COGNITO_USER_POOLS".equals(authorizer.type()) ? "COGNITO_USER_POOLS" : "CUSTOM";
    Method method = new Method("GET", type, authorizer.id(), false, null, null, null, null, null, null, null);
    Step step = access.of(apiId, scope, draft).authorizerStep("test-invoke", "/", method);
    Exchange exchange = exchange(apiId, request);
    long start = System.nanoTime();
    StringBuilder log = new StringBuilder("Execution log for request test-request\n");
    Future<Result> result;
    if (step instanceof LambdaAuthorizerStep lambda) {
      List<String> identity = lambda.identity(exchange);
      if (identity == null) {
        log.append("Unauthorized request: identity source missing or invalid\n");
        return Future.succeededFuture(new Result(401, log.toString(), 0, null, null, null));
      }
      log.append("Starting authorizer: ").append(authorizer.id()).append('\n');
      result = lambda.call(exchange, identity).map(r -> new Result(0, log.append("Authorizer result: ")
          .append(r.principalId()).append('\n').toString(), millis(start), r.principalId(), r.policyJson(), null));
    } else if (step instanceof CognitoAuthorizerStep cognito) {
      result = cognito.apply(exchange).map(v -> new Result(0, log.append("Token validated\n").toString(), millis(start),
          exchange.authorizer().principalId(), null, strings(exchange.authorizer().claims())));
    } else {
      result = step.apply(exchange).map(v -> new Result(500, log.toString(), millis(start), null, null, null));
    }
    return result.recover(e -> {
      int status = e instanceof GatewayResponse.Failure f ? f.response().statusCode() : 500;
      log.append("Authorizer answered ").append(status).append(": ").append(e.getMessage()).append('\n');
      return Future.succeededFuture(new Result(status, log.toString(), millis(start), null, null, null));
    });
  }

  private static Exchange exchange(String apiId, Request request) {
    String pathWithQuery = request.pathWithQueryString() == null || request.pathWithQueryString().isEmpty()
        ? "/" : request.pathWithQueryString();
    URI uri = URI.create(pathWithQuery.startsWith("/") ? pathWithQuery : "/" + pathWithQuery);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (request.multiValueHeaders() != null) {
      request.multiValueHeaders().forEach(headers::add);
    }
    if (request.headers() != null) {
      request.headers().forEach(headers::set);
    }
    MultiMap query = MultiMap.caseInsensitiveMultiMap();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        query.add(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    Map<String, String> variables = request.stageVariables() == null ? Map.of() : request.stageVariables();
    CompiledStage stage = new CompiledStage(apiId, STAGE, "test-invoke", variables, RouteTable.<CompiledRoute>builder().build(), 0);
    Buffer body = request.body() == null ? Buffer.buffer() : Buffer.buffer(request.body());
    return new Exchange(UUID.randomUUID().toString(), stage, new MethodRequest("GET", uri.getRawPath().equals("/") ? "" : uri.getRawPath(),
        Map.of(), uri.getRawQuery(), query, headers, body, "127.0.0.1"));
  }

  private static String decode(String value) {
    return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, String> strings(Map<String, Object> claims) {
    Map<String, String> out = new LinkedHashMap<>();
    claims.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    return out;
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
