package dev.archway.integration;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.function.Supplier;

/**
 * Calls HTTP backends for HTTP, HTTP_PROXY, Lambda and AWS integrations through one keep-alive
 * {@link BackendClient} shared by every route (connections pooled per event loop and origin).
 * Never blocks.
 */
public final class HttpProxyIntegration {
  /**
   * A memory bound on a buffered backend answer: twice AWS's 10 MB payload limit, so a proxy that
   * echoes a full-size request still fits; a larger answer is not buffered, it fails the call.
   */
  static final long MAX_RESPONSE_BYTES = 20L * 1024 * 1024;

  private final Vertx vertx;
  private final BackendClient client;

  private HttpProxyIntegration(Vertx vertx, BackendClient client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** With the default egress policy and no management listener to protect (tests of the client alone). */
  public static HttpProxyIntegration create(Vertx vertx) {
    return create(vertx, () -> EgressPolicy.DEFAULT);
  }

  /** @param egress the egress policy in force, read on every new connection */
  public static HttpProxyIntegration create(Vertx vertx, Supplier<EgressPolicy> egress) {
    return new HttpProxyIntegration(vertx, new BackendClient((VertxInternal) vertx, BackendClient::jdkTls, egress));
  }

  /** @param tls how HTTPS backends are verified (tests trust their own certificate) */
  public static HttpProxyIntegration create(Vertx vertx, SslContext tls) {
    return new HttpProxyIntegration(vertx, new BackendClient((VertxInternal) vertx, () -> tls, () -> EgressPolicy.DEFAULT));
  }

  /**
   * Sends the request and buffers the answer. Fails with {@link BackendTimeoutException} when
   * no complete answer arrives within {@code timeoutMillis}, with {@link IllegalArgumentException}
   * when the URI (one with user info included) or a header cannot be sent, with
   * {@link EgressRefusedException} when the egress policy refuses the address, or with the
   * connection's own error.
   */
  public Future<BackendResponse> send(BackendRequest request, long timeoutMillis) {
    if (UriTemplate.hasUserInfo(request.absoluteUri())) {
      // Never echoed: the URI holds a password.
      return Future.failedFuture(new IllegalArgumentException(
          "integration request cannot be sent: its URI has user information (user:password@), which Archway never sends"));
    }
    Origin origin;
    WireRequest outbound;
    try {
      RequestOptions target = AbsoluteUri.target(new RequestOptions(), request.absoluteUri());
      String host = target.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      origin = new Origin(Boolean.TRUE.equals(target.isSsl()), host, target.getPort());
      outbound = WireRequest.encode(ByteBufAllocator.DEFAULT, request, origin, target.getURI());
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("integration request to " + request.absoluteUri()
          + " cannot be sent (expected: an absolute http or https URI and valid header names and values)", e));
    }
    return client.send(origin, outbound, request.absoluteUri(), timeoutMillis);
  }

  /** The Vert.x instance the client runs on (timers, shared worker pools of the same server). */
  public Vertx vertx() {
    return vertx;
  }

  BackendClient client() {
    return client;
  }

  public Future<Void> close() {
    return client.close();
  }

  @Override
  public String toString() {
    return "HttpProxyIntegration(keep-alive connections per event loop and origin)";
  }
}
