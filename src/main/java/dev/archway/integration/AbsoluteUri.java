package dev.archway.integration;

import io.vertx.core.http.RequestOptions;

/**
 * Points a backend request at an absolute URI without {@link java.net.URL}: every proxied request
 * names one, and {@code RequestOptions.setAbsoluteURI(String)} builds a URL (a URLStreamHandler look-up
 * and a full parse) each time. The common shape {@code http[s]://host[:port][/path][?query][#fragment]}
 * with a plain host name or IPv4 address is split here, exactly as Vert.x splits the URL (path and
 * query, "/" for an empty path, no fragment, the scheme's default port); anything else (IPv6
 * literals, user info, odd characters) still goes through {@code setAbsoluteURI}.
 */
final class AbsoluteUri {
  private AbsoluteUri() {}

  /** @throws RuntimeException as {@code setAbsoluteURI} does when the URI is not an absolute http(s) URL */
  static RequestOptions target(RequestOptions options, String uri) {
    boolean ssl;
    int start;
    if (uri.startsWith("http://")) {
      ssl = false;
      start = 7;
    } else if (uri.startsWith("https://")) {
      ssl = true;
      start = 8;
    } else {
      return options.setAbsoluteURI(uri);
    }
    int end = start;
    int colon = -1;
    while (end < uri.length()) {
      char c = uri.charAt(end);
      if (c == '/' || c == '?' || c == '#') {
        break;
      }
      if (c == ':') {
        if (colon >= 0) {
          return options.setAbsoluteURI(uri);
        }
        colon = end;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-')) {
        return options.setAbsoluteURI(uri);
      }
      end++;
    }
    int hostEnd = colon < 0 ? end : colon;
    int port = colon < 0 ? (ssl ? 443 : 80) : port(uri, colon + 1, end);
    if (hostEnd == start || port < 0) {
      return options.setAbsoluteURI(uri);
    }
    int fragment = uri.indexOf('#', end);
    String rest = fragment < 0 ? uri.substring(end) : uri.substring(end, fragment);
    if (rest.isEmpty() || rest.charAt(0) == '?') {
      rest = "/" + rest;
    }
    return options.setHost(uri.substring(start, hostEnd)).setPort(port).setSsl(ssl).setURI(rest);
  }

  /** The decimal port in {@code text[from, to)}, or -1 when it is not one 1..65535. */
  private static int port(String text, int from, int to) {
    if (to - from < 1 || to - from > 5) {
      return -1;
    }
    int port = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port >= 1 && port <= 65535 ? port : -1;
  }
}
