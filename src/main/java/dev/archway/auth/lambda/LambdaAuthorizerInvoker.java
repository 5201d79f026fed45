package dev.archway.auth.lambda;

import dev.archway.integration.LambdaFunction;
import dev.archway.integration.LambdaInvokeException;
import dev.archway.integration.LambdaInvoker;
import dev.archway.model.Json;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.function.Function;

/**
 * Calls a Lambda authorizer through the Invoke API and turns every way it can go wrong into an
 * {@link AuthorizerException} (fail closed). The output format is the caller's: REST policies
 * ({@link LambdaAuthorizerResponse#parse}) today, HTTP API simple responses can bring their own parser.
 */
public final class LambdaAuthorizerInvoker {
  /** AWS's bound on an authorizer's answer (the HTTP API quota; REST uses the same figure here). */
  public static final long TIMEOUT_MILLIS = 10_000;

  private final LambdaInvoker lambda;
  private final long timeoutMillis;

  public LambdaAuthorizerInvoker(LambdaInvoker lambda) {
    this(lambda, TIMEOUT_MILLIS);
  }

  public LambdaAuthorizerInvoker(LambdaInvoker lambda, long timeoutMillis) {
    this.lambda = lambda;
    this.timeoutMillis = timeoutMillis;
  }

  public Future<LambdaAuthorizerResponse> invoke(LambdaFunction function, Buffer event) {
    return invoke(function, event, LambdaAuthorizerResponse::parse);
  }

  /** @param parser reads the function's output; an IllegalArgumentException from it is a configuration error */
  public <T> Future<T> invoke(LambdaFunction function, Buffer event, Function<Buffer, T> parser) {
    return lambda.invoke(function, event, timeoutMillis).transform(ar -> {
      if (ar.failed()) {
        Throwable cause = ar.cause();
        AuthorizerException.Kind kind = cause instanceof LambdaInvokeException
            ? AuthorizerException.Kind.CONFIGURATION_ERROR : AuthorizerException.Kind.FAILURE;
        return Future.failedFuture(new AuthorizerException(kind, "authorizer " + function + ": " + cause.getMessage()));
      }
      if (ar.result().failed()) {
        String message = errorMessage(ar.result().payload());
        return Future.failedFuture("Unauthorized".equals(message)
            ? new AuthorizerException(AuthorizerException.Kind.UNAUTHORIZED, "authorizer " + function + " answered Unauthorized")
            : new AuthorizerException(AuthorizerException.Kind.CONFIGURATION_ERROR,
                "authorizer " + function + " failed: " + message));
      }
      try {
        return Future.succeededFuture(parser.apply(ar.result().payload()));
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(new AuthorizerException(AuthorizerException.Kind.CONFIGURATION_ERROR,
            "authorizer " + function + ": " + e.getMessage()));
      }
    });
  }

  private static String errorMessage(Buffer payload) {
    try {
      return Json.MAPPER.readTree(payload.getBytes()).path("errorMessage").asText(null);
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "LambdaAuthorizerInvoker(" + lambda + ", timeout=" + timeoutMillis + "ms)";
  }
}
