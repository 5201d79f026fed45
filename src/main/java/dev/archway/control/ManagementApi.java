package dev.archway.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.wire.ApiException;
import dev.archway.control.wire.AwsErrorResponse;
import dev.archway.control.wire.OperationInput;
import dev.archway.control.wire.ServiceModel;
import dev.archway.model.Json;
import dev.archway.store.StoreException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener's router: AWS operation URIs mapped to {@link Operation}s. Each
 * request is authenticated, parsed and run on a worker thread (operations use the blocking
 * store); the result is written as AWS JSON or as an AWS error.
 */
public final class ManagementApi {
  /** AWS caps ImportRestApi/PutRestApi bodies at 6 MB; nothing else is larger. */
  static final long MAX_BODY_BYTES = 6L * 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(ManagementApi.class);
  static final String STORE_DOWN = "The configuration store is unreachable; nothing was changed. Retry later.";
  static final int RETRY_AFTER_SECONDS = 5;

  private final Vertx vertx;
  private final Router router;
  private final CallerAuthenticator authenticator;
  /** Completes when every change written so far is served; answers wait for it (read-your-writes). */
  private final Supplier<Future<Void>> settled;

  ManagementApi(Vertx vertx, CallerAuthenticator authenticator, Supplier<Future<Void>> settled) {
    this.settled = settled;
    this.vertx = vertx;
    this.router = Router.router(vertx);
    this.authenticator = authenticator;
    router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    router.route().failureHandler(this::fail);
  }

  public Router router() {
    return router;
  }

  /**
   * Registers an AWS operation: {@code path} uses vertx-web labels ({@code /restapis/:restapi_id}). Its
   * input is checked against the enums and patterns the service model gives the operation at that URI.
   */
  public ManagementApi on(HttpMethod method, String path, int status, Operation operation) {
    Operation checked = modelChecked(method, path, operation);
    router.route(method, path).handler(ctx -> run(ctx, status, checked));
    return this;
  }

  private static Operation modelChecked(HttpMethod method, String path, Operation operation) {
    ServiceModel model = path.startsWith("/v2/") ? ServiceModel.apigatewayv2() : ServiceModel.apigateway();
    return checked(model.operation(method.name(), path.replaceAll(":([A-Za-z0-9_]+)", "{$1}")), operation);
  }

  /** {@code operation} behind the model checks of the apigateway (v1) operation {@code name}. */
  static Operation modelChecked(String name, Operation operation) {
    return checked(ServiceModel.apigateway().operation(name), operation);
  }

  private static Operation checked(OperationInput input, Operation operation) {
    if (input == null) {
      return operation;
    }
    return call -> {
      input.verify(call.labels(), call.query(), call.body());
      return operation.handle(call);
    };
  }

  /** Registers the last route: anything else is an unknown operation, as AWS answers it. */
  void finish() {
    router.route().handler(ctx -> AwsErrorResponse.send(ctx.response(),
        new ApiException(404, "UnknownOperationException", "Unknown operation " + ctx.request().method() + " " + ctx.request().path())));
  }

  void run(RoutingContext ctx, int status, Operation operation) {
    run(ctx, status, operation, ctx.pathParams());
  }

  public void run(RoutingContext ctx, int status, Operation operation, Map<String, String> labels) {
    run(ctx, status, operation, labels, true);
  }

  /** Runs an operation whose body is not JSON (ImportApiKeys): it gets the bytes in {@link Call#rawBody()}. */
  void runRaw(RoutingContext ctx, int status, Operation operation) {
    run(ctx, status, operation, ctx.pathParams(), false);
  }

  /** Runs an operation whose body is not JSON, with labels of its own (a header an operation reads). */
  void runRaw(RoutingContext ctx, int status, Operation operation, Map<String, String> labels) {
    run(ctx, status, operation, labels, false);
  }

  private void run(RoutingContext ctx, int status, Operation operation, Map<String, String> labels, boolean json) {
    Buffer raw = ctx.body().buffer();
    byte[] bytes = raw == null ? new byte[0] : raw.getBytes();
    Map<String, List<String>> query = new LinkedHashMap<>();
    ctx.queryParams().forEach(e -> query.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    vertx.<Object>executeBlocking(() -> {
          Caller caller = authenticator.authenticate(ctx.request(), bytes);
          return operation.handle(new Call(caller, Map.copyOf(labels), query, json ? parse(bytes) : null, bytes));
        }, false)
        // An operation that finishes elsewhere (TestInvokeMethod runs a pipeline) returns its future.
        .compose(result -> result instanceof Future<?> later ? later.map(value -> (Object) value) : Future.succeededFuture(result))
        .compose(result -> settled.get().map(v -> result))
        .onSuccess(result -> respond(ctx, status, result))
        .onFailure(error -> fail(ctx, error));
  }

  private static JsonNode parse(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw ApiException.badRequest("Invalid JSON in request body");
    }
  }

  private static void respond(RoutingContext ctx, int status, Object result) {
    var response = ctx.response().setStatusCode(status).putHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    if (result == null) {
      response.end();
      return;
    }
    if (result instanceof RawBody raw) {
      raw.headers().forEach(response::putHeader);
      response.putHeader("Content-Type", raw.contentType()).end(Buffer.buffer(raw.bytes()));
      return;
    }
    try {
      response.putHeader("Content-Type", "application/json").end(Json.MAPPER.writeValueAsString(result));
    } catch (Exception e) {
      fail(ctx, e);
    }
  }

  private void fail(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure == null && ctx.statusCode() == 413) {
      AwsErrorResponse.send(ctx.response(), new ApiException(413, "PayloadTooLargeException", "Request body too large"));
      return;
    }
    fail(ctx, failure == null ? new IllegalStateException("status " + ctx.statusCode()) : failure);
  }

  private static void fail(RoutingContext ctx, Throwable error) {
    if (ctx.response().ended()) {
      return;
    }
    if (error instanceof ApiException api) {
      AwsErrorResponse.send(ctx.response(), api);
      return;
    }
    if (StoreException.unavailable(error)) {
      // Nothing was written (a write is one transaction): the same call succeeds once the database is back.
      AwsErrorResponse.send(ctx.response(), ApiException.serviceUnavailable(STORE_DOWN, RETRY_AFTER_SECONDS));
      return;
    }
    log.error("management request {} {} failed", ctx.request().method(), ctx.request().path(), error);
    AwsErrorResponse.send(ctx.response(), new ApiException(500, "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure."));
  }
}
