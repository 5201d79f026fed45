package dev.archway.runtime.front;

import io.vertx.core.MultiMap;

/**
 * A request's method, target and headers as {@link RequestDecoder} read and checked them.
 *
 * @param path the request target's path, still percent-encoded ({@code /a%20b}); the path of an
 *     absolute-form target ({@code http://host/a}) too
 * @param rawQuery the query string without its {@code ?}, or null when the target has none
 * @param host the {@code Host} header (port included), or the authority of an absolute-form target; null when absent
 * @param protocol {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param contentLength the body's length, {@link #CHUNKED} for a chunked body, 0 when there is none
 * @param keepAlive the client keeps the connection open after the answer (HTTP/1.1 unless {@code Connection: close})
 * @param expectContinue the client waits for {@code 100 Continue} before it sends the body
 * @param upgrade the client asks to switch protocols ({@code Upgrade}, e.g. a WebSocket handshake)
 * @param startedNanos {@link System#nanoTime()} when the head's first byte arrived
 * @param bytes the head's size on the wire
 */
public record RequestHead(String method, String path, String rawQuery, String host, String protocol, MultiMap headers,
    long contentLength, boolean keepAlive, boolean expectContinue, boolean upgrade, long startedNanos, int bytes) {
  public static final long CHUNKED = -1;

  public boolean hasBody() {
    return contentLength != 0;
  }
}
