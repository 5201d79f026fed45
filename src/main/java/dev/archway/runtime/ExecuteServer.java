package dev.archway.runtime;

import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.runtime.httpapi.HttpApiRequests;
import dev.archway.runtime.route.InvalidPathException;
import dev.archway.runtime.route.RouteMatch;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.Map;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The execute listener: resolves API, stage and route, reads the body within the payload limit,
 * runs the route's pipeline and writes its answer. Everything on the event loop, nothing blocking.
 *
 * <p>One server instance per core, each on its own event loop, all on the same port: Vert.x hands
 * accepted connections to them in turn, so every core serves traffic. Everything a request
 * touches is an immutable snapshot or lock-free (CAS buckets, atomic quota counters, Caffeine
 * caches), so the instances share it without coordination.
 */
public final class ExecuteServer {
  private static final Logger LOG = LoggerFactory.getLogger(ExecuteServer.class);

  private final Vertx vertx;
  private final String deployment;
  private final int port;

  private ExecuteServer(Vertx vertx, String deployment, int port) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.port = port;
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
    return start(vertx, host, port, stages, limits, httpApis, Runtime.getRuntime().availableProcessors());
  }

  /** @param eventLoops how many event loops serve the listener (one per core by default) */
  public static Future<ExecuteServer> start(Vertx vertx, String host, int port, StageLookup stages, ExecuteLimits limits,
      HttpApiLookup httpApis, int eventLoops) {
    if (eventLoops < 1) {
      throw new IllegalArgumentException("execute event loops: " + eventLoops + " (expected: >= 1)");
    }
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setMaxInitialLineLength(limits.maxInitialLineBytes())
        .setMaxHeaderSize(limits.maxHeaderBytes())
        .setIdleTimeout(limits.idleTimeoutSeconds())
        // HTTP/1.1 only for now: an h2c upgrade would bypass the limits above until HTTP/2 caps are set.
        .setHttp2ClearTextEnabled(false)
        .setCompressionSupported(false)
        .setDecompressionSupported(false)
        // Requests are answered on their connection's event loop only: Vert.x may skip its cross-thread queueing.
        .setStrictThreadMode(true)
        // No WebSocket extension handler in every connection's pipeline while no WebSocket API is served here.
        .setPerMessageWebSocketCompressionSupported(false)
        .setPerFrameWebSocketCompressionSupported(false);
    RequestHandler handler = new RequestHandler(stages, limits, new HttpApiRequests(httpApis, limits));
    return listen(vertx, options, handler, eventLoops, port == 0 ? 5 : 1);
  }

  /**
   * Vert.x shares one listening socket between instances that listen on the same port, but it
   * does not share port 0 (each instance would get a port of its own): for port 0 (tests) a free
   * port is chosen first, and chosen again should another process take it meanwhile.
   */
  private static Future<ExecuteServer> listen(Vertx vertx, HttpServerOptions options, RequestHandler handler,
      int eventLoops, int attempts) {
    HttpServerOptions chosen = options.getPort() == 0 ? new HttpServerOptions(options).setPort(freePort(options.getHost()))
        : options;
    return vertx.deployVerticle(() -> new Listener(chosen, handler), new DeploymentOptions().setInstances(eventLoops))
        .map(id -> new ExecuteServer(vertx, id, chosen.getPort()))
        .recover(e -> attempts > 1 ? listen(vertx, options, handler, eventLoops, attempts - 1) : Future.failedFuture(e));
  }

  private static int freePort(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + host, e);
    }
  }

  public int port() {
    return port;
  }

  public Future<Void> close() {
    return vertx.undeploy(deployment);
  }

  /** One instance of the listener on the event loop Vert.x gave its deployment. */
  private static final class Listener extends VerticleBase {
    private final HttpServerOptions options;
    private final RequestHandler handler;


    Listener(HttpServerOptions options, RequestHandler handler) {
      this.options = options;
      this.handler = handler;
    }

    @Override
    public Future<?> start() {
      return vertx.createHttpServer(options).requestHandler(handler::handle).listen();
    }
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
      RouteMatch<CompiledRoute> match;
      try {
        match = stage.routes().match(request.method().name(), target.path());
      } catch (InvalidPathException e) {
        reject(request, unrouted(request, requestId, stage, target), new GatewayResponse.BadRequest(e.getMessage()));
        return;
      }
      if (match == null) {
        reject(request, unrouted(request, requestId, stage, target), new GatewayResponse.MissingAuthenticationToken());
        return;
      }
      String declared = request.getHeader("Content-Length");
      if (declared != null && declaredTooLarge(declared)) {
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        if (!waitsForContinue) {
          BodyReader.discard(request, limits.maxBodyBytes());
        }
        write(request, requestId, GatewayResponseRenderer.render(new GatewayResponse.RequestTooLarge(),
            unrouted(request, requestId, stage, target)), waitsForContinue);
        return;
      }
      BodyReader.read(request, limits.maxBodyBytes()).onComplete(ar -> {
        if (ar.failed() && ar.cause() instanceof BodyReader.TooLarge) {
          reject(request, unrouted(request, requestId, stage, target), new GatewayResponse.RequestTooLarge());
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

    /** The request as the stage's gateway responses see it when it fails before its route runs. */
    private static Exchange unrouted(HttpServerRequest request, String requestId, CompiledStage stage, InvokeTarget target) {
      return new Exchange(requestId, stage, new MethodRequest(request.method().name(), target.path(),
          Map.of(), request.query(), request.params(), request.headers(), Buffer.buffer()));
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
      if (ConnectionThread.elsewhere(request, () -> write(request, requestId, response, close))) {
        return;
      }
      if (request.response().ended() || request.response().closed()) {
        return;
      }
      MultiMap headers = request.response().headers();
      for (Map.Entry<String, String> header : response.headers()) { // addAll would first copy them into a list
        headers.add(header.getKey(), header.getValue());
      }
      headers.set("x-amzn-RequestId", requestId);
      if (!headers.contains("Date")) {
        headers.set("Date", HttpDate.now());
      }
      if (close) {
        headers.set("Connection", "close");
      }
      request.response().setStatusCode(response.statusCode());
      Future<Void> written = request.response().end(response.body());
      if (close) {
        written.onComplete(ar -> request.connection().close());
      }
    }
  }
}
