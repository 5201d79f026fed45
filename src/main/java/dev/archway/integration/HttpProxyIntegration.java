package dev.archway.integration;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls HTTP backends for HTTP and HTTP_PROXY integrations through one pooled, keep-alive
 * Vert.x client shared by every route (one pool per origin inside it). Never blocks.
 */
public final class HttpProxyIntegration {
  /**
   * A memory bound on a buffered backend answer: twice AWS's 10 MB payload limit, so a proxy that
   * echoes a full-size request still fits; a larger answer is not buffered, it fails the call.
   */
  static final long MAX_RESPONSE_BYTES = 20L * 1024 * 1024;

  private final Vertx vertx;
  private final HttpClientAgent client;

  private HttpProxyIntegration(Vertx vertx, HttpClientAgent client) {
    this.vertx = vertx;
    this.client = client;
  }

  public static HttpProxyIntegration create(Vertx vertx) {
    HttpClientOptions options = new HttpClientOptions()
        .setKeepAlive(true)
        // The client must accept what AWS forwards: 10 KB of headers, long initial lines.
        .setMaxInitialLineLength(16 * 1024)
        .setMaxHeaderSize(64 * 1024)
        .setDecompressionSupported(false);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(100).setMaxWaitQueueSize(10_000);
    return new HttpProxyIntegration(vertx, vertx.httpClientBuilder().with(options).with(pool).build());
  }

  /**
   * Sends the request and buffers the answer. Fails with {@link BackendTimeoutException} when
   * no complete answer arrives within {@code timeoutMillis}, or with the connection's own error.
   */
  public Future<BackendResponse> send(BackendRequest request, long timeoutMillis) {
    RequestOptions options;
    try {
      options = AbsoluteUri.target(new RequestOptions(), request.absoluteUri())
          .setMethod(HttpMethod.valueOf(request.method()))
          .setHeaders(request.headers())
          .setFollowRedirects(false);
      options.setConnectTimeout(timeoutMillis);
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("integration uri: " + request.absoluteUri()
          + " (expected: an absolute http or https URI)", e));
    }
    Promise<BackendResponse> result = Promise.promise();
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    // One deadline for connect + send + whole response, as AWS's timeoutInMillis is.
    long timer = vertx.setTimer(timeoutMillis, id -> {
      if (result.tryFail(new BackendTimeoutException(request.absoluteUri(), timeoutMillis))) {
        HttpClientRequest r = inFlight.get();
        if (r != null) {
          r.reset();
        }
      }
    });
    client.request(options)
        .compose(r -> {
          inFlight.set(r);
          Future<io.vertx.core.http.HttpClientResponse> sent =
              request.body().length() == 0 && !carriesBody(request.method()) ? r.send() : r.send(request.body());
          return sent.compose(resp -> boundedBody(resp, r).map(b -> new BackendResponse(resp.statusCode(), resp.headers(), b)));
        })
        .onComplete(ar -> {
          vertx.cancelTimer(timer);
          if (ar.succeeded()) {
            result.tryComplete(ar.result());
          } else {
            result.tryFail(ar.cause());
          }
        });
    return result.future();
  }

  /** The Vert.x instance the client runs on (timers, shared worker pools of the same server). */
  public Vertx vertx() {
    return vertx;
  }

  /** Reads the answer's body up to {@link #MAX_RESPONSE_BYTES}; past it, resets the exchange and fails. */
  private static Future<Buffer> boundedBody(HttpClientResponse response, HttpClientRequest request) {
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    response.handler(chunk -> {
      if (body.future().isComplete()) {
        return;
      }
      if ((long) received.length() + chunk.length() > MAX_RESPONSE_BYTES) {
        body.tryFail(new IllegalStateException("integration response over " + MAX_RESPONSE_BYTES + " bytes"));
        request.reset();
        return;
      }
      received.appendBuffer(chunk);
    });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(received));
    return body.future();
  }

  public Future<Void> close() {
    return client.close();
  }

  private static boolean carriesBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  @Override
  public String toString() {
    return "HttpProxyIntegration(pooled keep-alive client)";
  }
}
