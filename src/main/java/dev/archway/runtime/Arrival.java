package dev.archway.runtime;

import dev.archway.runtime.front.RequestHead;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request as the {@link FrontDoor} resolved it when its head arrived: its one
 * {@link RequestContext}, its {@link RequestLog}, and what answers it: the matched route's
 * pipeline, or an answer known already (unknown API or route, a CORS preflight). The body comes
 * later, to {@link #serve}. Used on the connection's event loop only.
 */
public final class Arrival {
  /** Query parameters a request may have before the rest are ignored, as Vert.x and Netty bound them. */
  private static final int MAX_QUERY_PARAMETERS = 1024;
  /** Most requests have no query: one shared, read-only empty map rather than a new one each. */
  private static final MultiMap NO_QUERY = MultiMap.caseInsensitiveMultiMap().copy(false);

  private final RequestHead head;
  private final RequestContext context;
  private final RequestLog log;
  private final Answers answers;
  private final CompiledStage stage;
  private final String path;
  private final CompiledRoute route;
  private final Map<String, String> pathParameters;
  private final GatewayResponse refusal;
  private final MethodResponse prepared;
  /** The request as the pipeline serves it, made once its body is read. */
  private Exchange exchange;

  Arrival(RequestHead head, RequestContext context, RequestLog log, Answers answers, CompiledStage stage, String path,
      CompiledRoute route, Map<String, String> pathParameters, GatewayResponse refusal, MethodResponse prepared) {
    this.head = head;
    this.context = context;
    this.log = log;
    this.answers = answers;
    this.stage = stage;
    this.path = path;
    this.route = route;
    this.pathParameters = pathParameters;
    this.refusal = refusal;
    this.prepared = prepared;
    log.context(context);
    log.telemetry(route != null && route.telemetry() != null ? route.telemetry()
        : stage == null ? null : stage.telemetry().unrouted());
  }

  public RequestContext context() {
    return context;
  }

  public RequestLog log() {
    return log;
  }

  /** Whether the answer is known without the body (no route runs): a client waiting to send it need not. */
  public boolean answeredWithoutBody() {
    return route == null;
  }

  /**
   * Runs the route's pipeline over the request with its {@code body}; when the future completes,
   * {@link #answer} gives the client's answer. An answer known already completes it at once.
   */
  public Future<Void> serve(Buffer body) {
    exchange = stage == null ? null : new Exchange(context, stage, methodRequest(body), log);
    return route == null ? Future.succeededFuture() : route.pipeline().run(exchange);
  }

  /** The client's answer once {@link #serve}'s future completed: a failure rendered as this API kind renders them. */
  public MethodResponse answer(AsyncResult<Void> outcome) {
    if (prepared != null) {
      return prepared;
    }
    if (route == null) {
      return failed(refusal.failure(), exchange);
    }
    return outcome.succeeded() && exchange.methodResponse() != null ? finish(exchange.methodResponse())
        : failed(outcome.failed() ? outcome.cause() : new IllegalStateException("no response"), exchange);
  }

  /** The answer known without the body (see {@link #answeredWithoutBody}), given before the body is read. */
  public MethodResponse answerWithoutBody() {
    serve(Buffer.buffer());
    return answer(Future.succeededFuture());
  }

  /** The answer to a body over the payload limit (read or announced). */
  public MethodResponse tooLarge() {
    Exchange exchange = stage == null ? null : new Exchange(context, stage, methodRequest(Buffer.buffer()), log);
    return failed(new GatewayResponse.RequestTooLarge().failure(), exchange);
  }

  /** The answer when the pipeline's answer cannot be sent (a header a mapping or function made is invalid). */
  public MethodResponse internalError() {
    Exchange exchange = stage == null ? null : new Exchange(context, stage, methodRequest(Buffer.buffer()), log);
    return failed(new GatewayResponse.InternalServerError().failure(), exchange);
  }

  /** The id headers this API kind puts on every answer ({@code x-amzn-RequestId}...), as name/value pairs. */
  public String[] stamps() {
    return answers.stamps(context);
  }

  private MethodResponse failed(Throwable cause, Exchange exchange) {
    GatewayResponse response = cause instanceof GatewayResponse.Failure f ? f.response() : new GatewayResponse.InternalServerError();
    log.gatewayResponse(response, answers.errorMessage(response));
    return finish(answers.failure(cause, exchange));
  }

  private MethodResponse finish(MethodResponse response) {
    return answers.finish(response, head.headers().get("Origin"));
  }

  private MethodRequest methodRequest(Buffer body) {
    String rawQuery = head.rawQuery();
    MultiMap query = NO_QUERY;
    if (rawQuery != null && !rawQuery.isEmpty()) {
      query = MultiMap.caseInsensitiveMultiMap();
      new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false, MAX_QUERY_PARAMETERS).parameters()
          .forEach(query::add);
    }
    return new MethodRequest(head.method(), path, pathParameters, rawQuery, query, head.headers(), body, context.sourceIp());
  }

  @Override
  public String toString() {
    return context.httpMethod() + " " + context.path() + " -> " + (route != null ? route.resourcePath()
        : prepared != null ? "prepared answer" : refusal.type());
  }
}
