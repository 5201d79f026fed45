package dev.archway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.impl.HttpUtils;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.buffer.BufferInternal;
import java.util.Map;
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
    FullHttpRequest outbound;
    try {
      RequestOptions target = AbsoluteUri.target(new RequestOptions(), request.absoluteUri());
      String host = target.getHost();
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      origin = new Origin(Boolean.TRUE.equals(target.isSsl()), host, target.getPort());
      outbound = outbound(request, origin, target.getURI());
    } catch (RuntimeException e) {
      return Future.failedFuture(new IllegalArgumentException("integration request to " + request.absoluteUri()
          + " cannot be sent (expected: an absolute http or https URI and valid header names and values)", e));
    }
    return client.send(origin, outbound, request.absoluteUri(), timeoutMillis);
  }

  /**
   * The request as it goes on the wire: the caller's headers, checked (mapped values may carry
   * CR/LF: no header injection), plus Host and the body's length. The caller's fresh map is sent
   * as it is rather than copied once more.
   */
  private static FullHttpRequest outbound(BackendRequest request, Origin origin, String uri) {
    HeadersMultiMap headers = request.headers() instanceof HeadersMultiMap own ? own
        : (HeadersMultiMap) HeadersMultiMap.caseInsensitive().addAll(request.headers());
    for (Map.Entry<String, String> header : headers) {
      HttpUtils.validateHeader(header.getKey(), header.getValue());
      // Vert.x lets CR LF SP through (obsolete line folding); RFC 9112 5.2 forbids a sender to fold,
      // and a backend that does not unfold would read the rest of the value as a header of its own.
      if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
        throw new IllegalArgumentException("header " + header.getKey() + ": a line break in its value (expected: none)");
      }
    }
    if (!headers.contains(HttpHeaderNames.HOST)) {
      headers.set(HttpHeaderNames.HOST, origin.hostHeader());
    }
    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
    ByteBuf content = request.body().length() == 0 ? Unpooled.EMPTY_BUFFER : ((BufferInternal) request.body()).getByteBuf();
    if (content.isReadable() || carriesBody(request.method())) {
      headers.set(HttpHeaderNames.CONTENT_LENGTH, String.valueOf(content.readableBytes()));
    } else {
      headers.remove(HttpHeaderNames.CONTENT_LENGTH);
    }
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()), uri, content, headers,
        EmptyHttpHeaders.INSTANCE);
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

  private static boolean carriesBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  @Override
  public String toString() {
    return "HttpProxyIntegration(keep-alive connections per event loop and origin)";
  }
}
