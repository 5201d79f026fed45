package dev.archway.runtime.front;

import dev.archway.integration.HeadWriter;
import dev.archway.runtime.front.RequestDecoder.Malformed;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import java.nio.charset.StandardCharsets;

/**
 * Reads a complete request head (request line, header fields, the empty line) into a
 * {@link RequestHead}, refusing what RFC 9112 lets a server refuse and a smuggler would use:
 * obs-fold, whitespace before a colon, control characters or NUL in names and values, a bare CR
 * or LF, a target with spaces, controls or non-ASCII bytes, a missing or repeated {@code Host}.
 * The framing fields go to {@link Framing}. One pass over a copy of the head; no regex.
 */
final class HeadParser {
  /** Each event loop copies heads into its own array; a head fits in twice the larger limit. */
  private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
    @Override
    protected byte[] initialValue() {
      return new byte[4096];
    }
  };

  /**
   * @param length the head's bytes from {@code start}, its empty line included
   * @param requestLine the request line's bytes, its line end included
   * @return a {@link RequestHead}, or the {@link Malformed} answer
   */
  Object parse(ByteBuf in, int start, int length, int requestLine, long startedNanos) {
    byte[] head = scratch(length);
    in.getBytes(start, head, 0, length);
    int lineEnd = lineEnd(head, 0, requestLine);
    if (lineEnd < 0) {
      return new Malformed(400, "request line with a control character or not ended by CRLF");
    }
    int space1 = indexOf(head, (byte) ' ', 0, lineEnd);
    int space2 = space1 < 0 ? -1 : indexOf(head, (byte) ' ', space1 + 1, lineEnd);
    if (space1 <= 0 || space2 < 0 || !isToken(head, 0, space1)) {
      return new Malformed(400, "request line is not METHOD SP target SP HTTP-version");
    }
    String protocol = protocol(head, space2 + 1, lineEnd);
    if (protocol == null) {
      boolean http = lineEnd - space2 - 1 == 8 && startsWith(head, space2 + 1, "HTTP/");
      return new Malformed(http ? 505 : 400, "HTTP version is not HTTP/1.1 or HTTP/1.0");
    }
    if (space2 == space1 + 1 || !isTarget(head, space1 + 1, space2)) {
      return new Malformed(400, "request target empty or with spaces, controls or non-ASCII bytes");
    }
    HeadersMultiMap headers = HeadersMultiMap.caseInsensitive();
    Framing framing = new Framing(protocol.equals("HTTP/1.0"));
    int pos = requestLine;
    while (true) {
      int end = lineEnd(head, pos, length - pos);
      if (end < 0) {
        return new Malformed(400, "header line with a control character or not ended by CRLF");
      }
      if (end == pos) {
        break;
      }
      String problem = field(head, pos, end, headers, framing);
      if (problem != null) {
        return new Malformed(400, problem);
      }
      pos = end + 2;
    }
    String target = ascii(head, space1 + 1, space2);
    return framing.head(method(head, space1), target, protocol, headers, startedNanos, length);
  }

  /** The same checks for one field line of a trailer section; null when it passes. */
  String checkField(ByteBuf in, int start, int length) {
    byte[] line = scratch(length);
    in.getBytes(start, line, 0, length);
    int end = lineEnd(line, 0, length);
    if (end < 0) {
      return "line not ended by CRLF";
    }
    return field(line, 0, end, null, null);
  }

  /**
   * One {@code name ":" OWS value OWS} line from {@code from} to {@code end} (its CR); added to
   * {@code headers} and shown to {@code framing} unless they are null. A problem, or null.
   */
  private static String field(byte[] head, int from, int end, HeadersMultiMap headers, Framing framing) {
    if (head[from] == ' ' || head[from] == '\t') {
      return "obsolete line folding";
    }
    int colon = from;
    while (colon < end && head[colon] != ':') {
      colon++;
    }
    if (colon == end || colon == from) {
      return "header line without a name and a colon";
    }
    if (!isToken(head, from, colon)) {
      return "header name with whitespace, controls or separators";
    }
    int valueStart = colon + 1;
    while (valueStart < end && (head[valueStart] == ' ' || head[valueStart] == '\t')) {
      valueStart++;
    }
    int valueEnd = end;
    while (valueEnd > valueStart && (head[valueEnd - 1] == ' ' || head[valueEnd - 1] == '\t')) {
      valueEnd--;
    }
    if (headers == null) {
      return null;
    }
    String name = name(head, from, colon);
    String value = new String(head, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
    headers.add(name, value);
    return framing.see(name, value);
  }

  /**
   * The index of the CR of the CRLF ending the line at {@code from}; -1 when the line holds a
   * control character other than HTAB (a bare CR or LF, NUL...) or has no end. One pass checks
   * every byte of a head for controls, values included.
   */
  private static int lineEnd(byte[] head, int from, int max) {
    for (int i = from; i < from + max; i++) {
      byte b = head[i];
      if (b >= 0x20 || b < 0 || b == '\t') {
        if (b == 0x7F) {
          return -1;
        }
        continue;
      }
      return b == '\r' && i + 1 < from + max && head[i + 1] == '\n' ? i : -1;
    }
    return -1;
  }

  private static String protocol(byte[] head, int from, int to) {
    if (to - from != 8 || !startsWith(head, from, "HTTP/1.")) {
      return null;
    }
    return head[from + 7] == '1' ? "HTTP/1.1" : head[from + 7] == '0' ? "HTTP/1.0" : null;
  }

  /**
   * The names most requests carry, spelled as clients send them: one of these is shared rather
   * than made anew for every request.
   */
  private static final String[][] NAMES_BY_LENGTH = byLength("Host", "host", "Accept", "accept", "User-Agent",
      "user-agent", "Content-Type", "content-type", "Content-Length", "content-length", "Connection", "connection",
      "Accept-Encoding", "accept-encoding", "Accept-Language", "accept-language", "Authorization", "authorization",
      "Cookie", "cookie", "Origin", "origin", "Referer", "referer", "Cache-Control", "cache-control", "X-Forwarded-For",
      "x-forwarded-for", "X-Amzn-Trace-Id", "x-amzn-trace-id", "x-api-key", "X-API-Key", "Expect", "Upgrade");

  private static String[][] byLength(String... names) {
    String[][] out = new String[32][];
    for (String name : names) {
      String[] same = out[name.length()];
      same = same == null ? new String[1] : java.util.Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = name;
      out[name.length()] = same;
    }
    return out;
  }

  /** A header name: a shared one when it is common, else new. */
  private static String name(byte[] head, int from, int to) {
    int length = to - from;
    String[] candidates = length < NAMES_BY_LENGTH.length ? NAMES_BY_LENGTH[length] : null;
    if (candidates != null) {
      for (String candidate : candidates) {
        if (startsWith(head, from, candidate)) {
          return candidate;
        }
      }
    }
    return ascii(head, from, to);
  }

  /** Common methods without allocating; others as they came. */
  private static String method(byte[] head, int length) {
    return switch (length) {
      case 3 -> startsWith(head, 0, "GET") ? "GET" : startsWith(head, 0, "PUT") ? "PUT" : ascii(head, 0, length);
      case 4 -> startsWith(head, 0, "POST") ? "POST" : startsWith(head, 0, "HEAD") ? "HEAD" : ascii(head, 0, length);
      default -> ascii(head, 0, length);
    };
  }

  private static boolean isToken(byte[] head, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = head[i];
      if (!HeadWriter.isTokenChar(b)) {
        return false;
      }
    }
    return to > from;
  }

  /** RFC 3986 characters only: visible ASCII, no space, no control, no raw UTF-8. */
  private static boolean isTarget(byte[] head, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = head[i];
      if (b <= 0x20 || b == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] head, int from, String prefix) {
    for (int i = 0; i < prefix.length(); i++) {
      if (head[from + i] != prefix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] head, byte value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (head[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Latin-1 decoding is a plain copy into a compact String. */
  private static String ascii(byte[] head, int from, int to) {
    return new String(head, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private static byte[] scratch(int length) {
    byte[] scratch = SCRATCH.get();
    if (scratch.length < length) {
      scratch = new byte[Math.max(length, scratch.length * 2)];
      SCRATCH.set(scratch);
    }
    return scratch;
  }
}
