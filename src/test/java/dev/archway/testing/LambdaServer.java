package dev.archway.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Lambda Invoke API on a free port: {@code POST /2015-03-31/functions/{name}/invocations}
 * runs the Java function registered under that name (a bare name or the name in an ARN). Every
 * call must carry a valid SigV4 signature for {@code lambda} ({@link SigV4Check}, the AWS SDK's
 * own signer): a bad one gets 403 and is counted. Unknown functions get Lambda's 404
 * ResourceNotFoundException. {@code X-Amz-Invocation-Type: Event} gets 202 and no payload at once, as
 * on Lambda. Register it with {@code @RegisterExtension}.
 */
public final class LambdaServer implements BeforeAllCallback, AfterAllCallback {
  private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

  /** A function: answers an invocation, possibly later (use {@link #later}, never sleep). */
  public interface Function {
    Future<Reply> invoke(Invocation invocation);
  }

  /** One call as the function saw it. */
  public record Invocation(String function, String qualifier, MultiMap headers, Buffer payload) {
    public JsonObject json() {
      return new JsonObject(payload);
    }
  }

  /** What the Invoke API answers: status, headers (X-Amz-Function-Error...) and payload. */
  public record Reply(int status, Map<String, String> headers, String payload) {
    public static Reply ok(String payload) {
      return new Reply(200, Map.of(), payload);
    }

    public static Reply ok(JsonObject payload) {
      return ok(payload.encode());
    }

    /** A function that threw: Lambda answers 200 with X-Amz-Function-Error and the error document. */
    public static Reply functionError(String errorType, String errorMessage) {
      return new Reply(200, Map.of("X-Amz-Function-Error", "Unhandled"), new JsonObject()
          .put("errorMessage", errorMessage).put("errorType", errorType)
          .put("stackTrace", List.of("at Handler.handle(Handler.java:1)")).encode());
    }

    /** The Invoke API refusing the call (throttling, permissions...). */
    public static Reply apiError(int status, String type) {
      return new Reply(status, Map.of("X-Amzn-ErrorType", type), new JsonObject().put("Type", "User").put("message", type).encode());
    }
  }

  private final Map<String, Function> functions = new ConcurrentHashMap<>();
  private final Map<String, List<Invocation>> invocations = new ConcurrentHashMap<>();
  private final List<String> rejectedSignatures = new CopyOnWriteArrayList<>();
  private final SigV4Check signatures = new SigV4Check(Map.of("test", "test"), "lambda");
  private Vertx vertx;
  private HttpServer server;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer()
        .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public LambdaServer register(String name, Function function) {
    functions.put(name, function);
    return this;
  }

  /** An answer after {@code millis}, on a timer: the server's event loop stays free. */
  public Future<Reply> later(long millis, Reply reply) {
    Promise<Reply> promise = Promise.promise();
    vertx.setTimer(millis, id -> promise.complete(reply));
    return promise.future();
  }

  public List<Invocation> invocations(String name) {
    return invocations.getOrDefault(name, List.of());
  }

  /** Why each rejected call's signature was refused; empty when every call was signed right. */
  public List<String> rejectedSignatures() {
    return rejectedSignatures;
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void handle(HttpServerRequest request, Buffer body) {
    String problem = signatures.problem(request, body);
    if (problem != null) {
      rejectedSignatures.add(problem);
      reply(request, new Reply(403, Map.of("X-Amzn-ErrorType", "InvalidSignatureException"),
          new JsonObject().put("message", problem).encode()));
      return;
    }
    Matcher m = INVOKE.matcher(request.path());
    if (!request.method().name().equals("POST") || !m.matches()) {
      reply(request, Reply.apiError(404, "UnknownOperationException"));
      return;
    }
    String function = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    String name = function.startsWith("arn:") ? function.split(":")[6] : function;
    Function target = functions.get(name);
    if (target == null) {
      reply(request, Reply.apiError(404, "ResourceNotFoundException"));
      return;
    }
    Invocation invocation = new Invocation(function, request.getParam("Qualifier"), request.headers(), body);
    invocations.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(invocation);
    if ("Event".equals(request.getHeader("X-Amz-Invocation-Type"))) {
      // Asynchronous, as Lambda does it: 202 with no payload at once, the function runs on its own.
      target.invoke(invocation);
      reply(request, new Reply(202, Map.of(), ""));
      return;
    }
    target.invoke(invocation).onComplete(ar -> reply(request, ar.succeeded() ? ar.result()
        : Reply.functionError("RuntimeException", String.valueOf(ar.cause().getMessage()))));
  }

  private static void reply(HttpServerRequest request, Reply reply) {
    reply.headers().forEach(request.response()::putHeader);
    request.response().setStatusCode(reply.status()).putHeader("Content-Type", "application/json").end(reply.payload());
  }
}
