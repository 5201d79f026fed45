package dev.archway.runtime.route;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw, still percent-encoded request path into decoded segments, once, so that routing,
 * authorization, throttling and caching all see the same canonical path (AWS-BEHAVIOUR D.6).
 * Anything a backend could read differently from us is rejected instead of being normalized.
 */
final class RequestPath {
  private static final String[] ROOT = new String[0];

  private RequestPath() {}

  /**
   * Decoded, non-empty segments: "" and "/" give none; "//" collapses and a trailing "/" is
   * ignored, as on AWS.
   *
   * @throws InvalidPathException when the path is hostile or ambiguous
   */
  static String[] segments(String raw) {
    if (raw.isEmpty()) {
      return ROOT;
    }
    if (raw.charAt(0) != '/') {
      throw new InvalidPathException("path must start with '/'");
    }
    List<String> out = new ArrayList<>(8);
    int start = 1;
    for (int i = 1; i <= raw.length(); i++) {
      if (i == raw.length() || raw.charAt(i) == '/') {
        if (i > start) {
          out.add(segment(raw, start, i, out.size() + 1));
        }
        start = i + 1;
      }
    }
    return out.isEmpty() ? ROOT : out.toArray(ROOT);
  }

  /**
   * The decoded path from its non-empty segment number {@code first} (0-based) on, the slashes
   * between segments as they came ({@code a//b} stays), a trailing slash dropped. Call only with
   * a path {@link #segments} accepted.
   */
  static String remainder(String raw, int first) {
    StringBuilder out = new StringBuilder(raw.length());
    int count = 0;
    int start = 1;
    int slashes = 0;
    for (int i = 1; i <= raw.length(); i++) {
      if (i < raw.length() && raw.charAt(i) != '/') {
        continue;
      }
      if (i > start) {
        if (count >= first) {
          if (count > first) {
            out.append("/".repeat(slashes));
          }
          out.append(segment(raw, start, i, count + 1));
        }
        count++;
        slashes = 0;
      }
      slashes++;
      start = i + 1;
    }
    return out.toString();
  }

  private static String segment(String raw, int from, int to, int position) {
    boolean encoded = false;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      checkChar(c, position);
      encoded |= c == '%';
    }
    String decoded = encoded ? decode(raw, from, to, position) : raw.substring(from, to);
    if (encoded) {
      for (int i = 0; i < decoded.length(); i++) {
        checkChar(decoded.charAt(i), position);
      }
    }
    if (decoded.equals(".") || decoded.equals("..")) {
      // Resolving them would let "/public/../admin" pass a check on "/public"; refuse instead.
      throw new InvalidPathException("'.' or '..' segment at path segment " + position);
    }
    return decoded;
  }

  /** Characters refused whether they arrive raw or percent-encoded. */
  private static void checkChar(char c, int position) {
    if (Character.isISOControl(c)) {
      throw new InvalidPathException("control character in path segment " + position);
    }
    switch (c) {
      // Some backends treat '\' as '/', so a path could reach a resource we never matched.
      case '\\' -> throw new InvalidPathException("backslash in path segment " + position);
      // Servlet containers strip ";params" from segments: "/admin;x=y" would reach "/admin".
      case ';' -> throw new InvalidPathException("';' in path segment " + position);
      // The caller strips the query; one left here means the path was not split where we think.
      case '?', '#' -> throw new InvalidPathException("'?' or '#' in path segment " + position);
      default -> { }
    }
  }

  /** Decodes %XX runs once as strict UTF-8; other characters are kept as they are. */
  private static String decode(String raw, int from, int to, int position) {
    StringBuilder sb = new StringBuilder(to - from);
    byte[] run = new byte[(to - from) / 3];
    int i = from;
    while (i < to) {
      if (raw.charAt(i) != '%') {
        sb.append(raw.charAt(i++));
        continue;
      }
      int n = 0;
      while (i < to && raw.charAt(i) == '%') {
        int hi = i + 2 < to ? hex(raw.charAt(i + 1)) : -1;
        int lo = i + 2 < to ? hex(raw.charAt(i + 2)) : -1;
        if (hi < 0 || lo < 0) {
          throw new InvalidPathException("invalid percent-encoding in path segment " + position);
        }
        int b = hi << 4 | lo;
        if (b == '/' || b == '\\') {
          throw new InvalidPathException(
              "encoded slash or backslash (%2F, %5C) in path segment " + position);
        }
        if (b == 0) {
          throw new InvalidPathException("%00 in path segment " + position);
        }
        // "%252F" decodes to "%2F": a backend that decodes again would see a slash we never saw.
        if (b == '%' && i + 4 < to && hex(raw.charAt(i + 3)) >= 0 && hex(raw.charAt(i + 4)) >= 0) {
          throw new InvalidPathException("double percent-encoding in path segment " + position);
        }
        run[n++] = (byte) b;
        i += 3;
      }
      sb.append(utf8(run, n, position));
    }
    return sb.toString();
  }

  private static String utf8(byte[] bytes, int length, int position) {
    try {
      // A fresh decoder REPORTs malformed input, so overlong forms like %C0%AF are refused.
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidPathException("invalid UTF-8 in percent-encoding in path segment " + position);
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
