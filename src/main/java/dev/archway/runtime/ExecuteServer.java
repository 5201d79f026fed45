package dev.archway.runtime;

import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.runtime.httpapi.HttpApiRequests;
import dev.archway.runtime.route.InvalidPathException;
import dev.archway.runtime.route.RouteMatch;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execute listener: resolves API, stage and route, reads the body within the payload limit,
 * runs the route's pipeline and writes its answer. Everything on the event loop, nothing blocking.
 */
public final class ExecuteServer {
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteServer.class);

  private final HttpServer server;

  private ExecuteServer(HttpServer server) {
    this.server = server;
  }

  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages) {
    return start(vertx, host, port, stages, ExecuteLimits.AWS);
  }

  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits) {
    return start(vertx, host, port, stages, limits, HttpApiLookup.NONE);
  }

  /** @param httpApis the HTTP APIs served; a request naming one of them is answered by {@link HttpApiRequests} */
  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits,
      HttpApiLookup httpApis) {
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxInitialLineLength(limits.maxInitialLineBytes())
        .setMaxHeaderSize(limits.maxHeaderBytes())
        .setIdleTimeout(limits.idleTimeoutSeconds())
        // HTTP/1.1 only for now: an h2c upgrade would bypass the limits above until HTTP/2 caps are set.
        .setHttp2ClearTextEnabled(false)
        .setCompressionSupported(false)
        .setDecompressionSupported(false);
    RequestHandler handler = new RequestHandler(stages, limits, new HttpApiRequests(httpApis, limits));
    return vertx.createHttpServer(options).requestHandler(handler::handle).listen().map(ExecuteServer::new);
  }

  public int port() {
    return server.actualPort();
  }

  public Future<Void> close() {
    return server.close();
  }

  /** Per-request flow; one instance per server, stateless. */
  private record RequestHandler(StageLookup stages, ExecuteLimits limits, HttpApiRequests httpApis) {

    void handle(HttpServerRequest request) {
      HostAndPort authority = request.authority();
      if (httpApis.serve(request, authority == null ? null : authority.host())) {
        return;
      }
      String requestId = RequestIds.next();
      InvokeTarget target = InvokeTarget.of(authority == null ? null : authority.host(), request.path());
      CompiledStage stage = target == null ? null : stages.find(target.apiId(), target.stageName());
      if (stage == null) {
        reject(request, requestId, new GatewayResponse.MissingAuthenticationToken());
        return;
      }
      // Errors from here on are answered with the stage's gateway responses.
      Exchange unrouted = new Exchange(requestId, stage, new MethodRequest(request.method().name(), target.path(),
          Map.of(), request.query(), request.params(), request.headers(), Buffer.buffer()));
      RouteMatch<CompiledRoute> match;
      try {
        match = stage.routes().match(request.method().name(), target.path());
      } catch (InvalidPathException e) {
        reject(request, unrouted, new GatewayResponse.BadRequest(e.getMessage()));
        return;
      }
      if (match == null) {
        reject(request, unrouted, new GatewayResponse.MissingAuthenticationToken());
        return;
      }
      String declared = request.getHeader("Content-Length");
      if (declared != null && declaredTooLarge(declared)) {
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        if (!waitsForContinue) {
          BodyReader.discard(request, limits.maxBodyBytes());
        }
        write(request, requestId, GatewayResponseRenderer.render(new GatewayResponse.RequestTooLarge(), unrouted), waitsForContinue);
        return;
      }
      BodyReader.read(request, limits.maxBodyBytes()).onComplete(ar -> {
        if (ar.failed() && ar.cause() instanceof BodyReader.TooLarge) {
          reject(request, unrouted, new GatewayResponse.RequestTooLarge());
          return;
        }
        if (ar.failed()) {
          return; // the client went away mid-body: nobody to answer
        }
        MethodRequest methodRequest = new MethodRequest(request.method().name(), target.path(),
            match.pathParameters(), request.query(), request.params(), request.headers(), ar.result(),
            request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        Exchange exchange = new Exchange(requestId, stage, methodRequest);
        exchange.route(match.target());
        match.target().pipeline().run(exchange).onComplete(done -> {
          if (done.failed() && !(done.cause() instanceof GatewayResponse.Failure)) {
            LOG.error("request {} on {} {} failed", requestId, stage, match.target(), done.cause());
          }
          MethodResponse response = done.succeeded() && exchange.methodResponse() != null
              ? exchange.methodResponse()
              : GatewayResponseRenderer.render(done.failed() ? done.cause() : new IllegalStateException("no response"), exchange);
          write(request, requestId, response, false);
        });
      });
    }

    private boolean declaredTooLarge(String declared) {
      try {
        return Long.parseLong(declared.trim()) > limits.maxBodyBytes();
      } catch (NumberFormatException e) {
        return false; // Netty rejects a malformed Content-Length before we see the request.
      }
    }

    /** A gateway answer before the body is read; Vert.x drains the body of the request. */
    private void reject(HttpServerRequest request, String requestId, GatewayResponse response) {
      write(request, requestId, GatewayResponseRenderer.render(response), false);
    }

    /** The same, answered with the customised gateway responses of the stage the request reached. */
    private void reject(HttpServerRequest request, Exchange unrouted, GatewayResponse response) {
      write(request, unrouted.requestId(), GatewayResponseRenderer.render(response, unrouted), false);
    }

    private static void write(HttpServerRequest request, String requestId, MethodResponse response, boolean close) {
      if (request.response().ended() || request.response().closed()) {
        return;
      }
      MultiMap headers = request.response().headers();
      headers.addAll(response.headers());
      headers.set("x-amzn-RequestId", requestId);
      if (!headers.contains("Date")) {
        headers.set("Date", HttpDate.now());
      }
      if (close) {
        headers.set("Connection", "close");
      }
      request.response().setStatusCode(response.statusCode());
      request.response().end(response.body()).onComplete(ar -> {
        if (close) {
          request.connection().close();
        }
      });
    }
  }
}
