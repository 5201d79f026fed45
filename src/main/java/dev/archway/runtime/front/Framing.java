package dev.archway.runtime.front;

import dev.archway.runtime.front.RequestDecoder.Malformed;
import io.vertx.core.MultiMap;

/**
 * Decides where a request's body ends (RFC 9112 6, AWS-BEHAVIOUR D.4) from the header fields
 * {@link HeadParser} shows it, refusing every message two parsers could frame differently:
 * Transfer-Encoding with Content-Length, any Transfer-Encoding but exactly {@code chunked} (or
 * on HTTP/1.0), Content-Length repeated or not plain digits. Also reads Host, Connection, Expect
 * and Upgrade. One per request.
 */
final class Framing {
  /** 18 digits: every such number fits a long, and no body comes near it. */
  private static final int MAX_LENGTH_DIGITS = 18;

  private final boolean http10;
  private String host;
  private int hosts;
  private String contentLength;
  private String transferEncoding;
  private boolean close;
  private boolean keepAlive;
  private boolean expectContinue;
  private boolean upgrade;

  Framing(boolean http10) {
    this.http10 = http10;
  }

  /** One header field; a problem that makes the request unreadable, or null. */
  String see(String name, String value) {
    switch (name.length()) {
      case 4 -> {
        if (name.equalsIgnoreCase("Host")) {
          host = value;
          hosts++;
        }
      }
      case 6 -> {
        if (name.equalsIgnoreCase("Expect") && value.equalsIgnoreCase("100-continue")) {
          expectContinue = true;
        }
      }
      case 7 -> upgrade |= name.equalsIgnoreCase("Upgrade");
      case 10 -> {
        if (name.equalsIgnoreCase("Connection")) {
          connection(value);
        }
      }
      case 14 -> {
        if (name.equalsIgnoreCase("Content-Length")) {
          if (contentLength != null) {
            return "more than one Content-Length";
          }
          contentLength = value;
        }
      }
      case 17 -> {
        if (name.equalsIgnoreCase("Transfer-Encoding")) {
          if (transferEncoding != null) {
            return "more than one Transfer-Encoding";
          }
          transferEncoding = value;
        }
      }
      default -> { }
    }
    return null;
  }

  private void connection(String value) {
    for (String option : value.split(",")) {
      String token = option.trim();
      close |= token.equalsIgnoreCase("close");
      keepAlive |= token.equalsIgnoreCase("keep-alive");
    }
  }

  /** The head, or the answer to a request whose body cannot be framed or whose Host is wrong. */
  Object head(String method, String target, String protocol, MultiMap headers, long startedNanos, int bytes) {
    if (hosts > 1 || hosts == 0 && !http10) {
      return new Malformed(400, hosts > 1 ? "more than one Host" : "no Host");
    }
    long length;
    if (transferEncoding != null) {
      if (http10 || contentLength != null || !transferEncoding.equalsIgnoreCase("chunked")) {
        return new Malformed(400, http10 ? "Transfer-Encoding in an HTTP/1.0 request"
            : contentLength != null ? "Transfer-Encoding with Content-Length"
            : "Transfer-Encoding other than chunked: " + transferEncoding);
      }
      length = RequestHead.CHUNKED;
    } else if (contentLength != null) {
      length = digits(contentLength);
      if (length < 0) {
        return new Malformed(400, "Content-Length is not a number: " + contentLength);
      }
    } else {
      length = 0;
    }
    String authority = host;
    String rest = target;
    int scheme = schemeEnd(target);
    if (scheme > 0) { // absolute-form: its authority wins over Host (RFC 9112 3.2.2)
      int pathStart = scheme;
      while (pathStart < target.length() && target.charAt(pathStart) != '/' && target.charAt(pathStart) != '?') {
        pathStart++;
      }
      authority = target.substring(scheme, pathStart);
      rest = pathStart == target.length() ? "/" : target.charAt(pathStart) == '?' ? "/" + target.substring(pathStart)
          : target.substring(pathStart);
    }
    int question = rest.indexOf('?');
    String path = question < 0 ? rest : rest.substring(0, question);
    String query = question < 0 ? null : rest.substring(question + 1);
    boolean persistent = http10 ? keepAlive && !close : !close;
    return new RequestHead(method, path, query, authority == null || authority.isEmpty() ? null : authority, protocol, headers, length, persistent,
        expectContinue && !http10, upgrade, startedNanos, bytes);
  }

  private static long digits(String value) {
    int n = value.length();
    if (n == 0 || n > MAX_LENGTH_DIGITS) {
      return -1;
    }
    long result = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }

  /** Where the authority of an {@code http://} or {@code https://} target starts, or -1. */
  private static int schemeEnd(String target) {
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      return 7;
    }
    return target.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
  }
}
