package dev.archway.runtime.httpapi;

import dev.archway.runtime.BodyReader;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.ConnectionThread;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.GatewayResponseRenderer;
import dev.archway.runtime.HttpDate;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.MethodResponse;
import dev.archway.runtime.RequestIds;
import dev.archway.runtime.route.InvalidPathException;
import dev.archway.runtime.route.RouteMatch;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request flow of HTTP APIs on the execute listener: stage, then route (explicit method, then
 * {@code ANY}, path variables, greedy, then the {@code $default} route), CORS preflight when no
 * route takes the request, the payload limit, the route's pipeline, CORS headers on the answer.
 * Errors are {@code {"message":"..."}} with {@code apigw-requestid}. Nothing blocks.
 */
public final class HttpApiRequests {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApiRequests.class);

  private final HttpApiLookup apis;
  private final ExecuteLimits limits;

  public HttpApiRequests(HttpApiLookup apis, ExecuteLimits limits) {
    this.apis = apis;
    this.limits = limits;
  }

  /** Answers the request when it names an HTTP API; false leaves it to the REST flow. */
  public boolean serve(HttpServerRequest request, String host) {
    HttpApiTarget target = HttpApiTarget.resolve(host, request.path(), apis);
    if (target == null) {
      return false;
    }
    String requestId = RequestIds.next();
    HttpApiStage stage = target.stage();
    if (stage == null) {
      write(request, requestId, GatewayResponseRenderer.renderHttpApi(new GatewayResponse.NotFound().failure()), null);
      return true;
    }
    String method = request.method().name();
    RouteMatch<CompiledRoute> match;
    try {
      match = stage.stage().routes().match(method, target.path());
    } catch (InvalidPathException e) {
      fail(request, requestId, new GatewayResponse.BadRequest(e.getMessage()), stage);
      return true;
    }
    CompiledRoute route = match != null ? match.target() : stage.defaultRoute();
    if (route == null) {
      if (stage.cors() != null && CorsPolicy.isPreflight(method, request.headers())) {
        write(request, requestId, stage.cors().preflight(request.headers()), null);
      } else {
        fail(request, requestId, new GatewayResponse.NotFound(), stage);
      }
      return true;
    }
    String declared = request.getHeader("Content-Length");
    if (declared != null && tooLarge(declared)) {
      BodyReader.discard(request, limits.maxBodyBytes());
      fail(request, requestId, new GatewayResponse.RequestTooLarge(), stage);
      return true;
    }
    Map<String, String> pathParameters = match == null ? Map.of() : match.pathParameters();
    BodyReader.read(request, limits.maxBodyBytes()).onComplete(ar -> {
      if (ar.failed()) {
        if (ar.cause() instanceof BodyReader.TooLarge) {
          fail(request, requestId, new GatewayResponse.RequestTooLarge(), stage);
        }
        return; // otherwise the client went away mid-body
      }
      MethodRequest methodRequest = new MethodRequest(method, target.path(), pathParameters, request.query(),
          request.params(), request.headers(), ar.result(),
          request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
      Exchange exchange = new Exchange(requestId, stage.stage(), methodRequest);
      route.pipeline().run(exchange).onComplete(done -> {
        if (done.failed() && !(done.cause() instanceof GatewayResponse.Failure)) {
          LOG.error("request {} on {} {} failed", requestId, stage, route, done.cause());
        }
        MethodResponse response = done.succeeded() && exchange.methodResponse() != null
            ? exchange.methodResponse()
            : GatewayResponseRenderer.renderHttpApi(done.failed() ? done.cause() : new IllegalStateException("no response"));
        write(request, requestId, response, stage.cors());
      });
    });
    return true;
  }

  private void fail(HttpServerRequest request, String requestId, GatewayResponse error, HttpApiStage stage) {
    write(request, requestId, GatewayResponseRenderer.renderHttpApi(error.failure()), stage.cors());
  }

  private boolean tooLarge(String declared) {
    try {
      return Long.parseLong(declared.trim()) > limits.maxBodyBytes();
    } catch (NumberFormatException e) {
      return false; // Netty refuses a malformed Content-Length before we see the request
    }
  }

  private static void write(HttpServerRequest request, String requestId, MethodResponse response, CorsPolicy cors) {
    if (ConnectionThread.elsewhere(request, () -> write(request, requestId, response, cors))) {
      return;
    }
    if (request.response().ended() || request.response().closed()) {
      return;
    }
    MultiMap headers = request.response().headers();
    headers.addAll(response.headers());
    if (cors != null) {
      cors.decorate(request.getHeader("Origin"), headers);
    }
    headers.set("apigw-requestid", requestId);
    if (!headers.contains("Date")) {
      headers.set("Date", HttpDate.now());
    }
    request.response().setStatusCode(response.statusCode());
    request.response().end(response.body() == null ? Buffer.buffer() : response.body());
  }
}
