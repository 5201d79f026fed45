package dev.archway.integration;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.AsciiString;
import io.vertx.core.http.impl.headers.HeadersMultiMap;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Netty's response decoder, told by its connection when the final answer has no body. Netty's
 * HttpClientCodec pairs answers with requests through a queue that a 1xx answer consumes too, so a
 * HEAD answered "100 Continue" or "103 Early Hints" first would wait for a body its final answer
 * never has, until the call's deadline. The connection serves one call at a time and knows.
 * The answer's headers are read straight into the map the pipeline reads (Vert.x's, which is a
 * Netty {@code HttpHeaders} too), not into Netty's own to be adapted and copied on every answer;
 * they are checked by the rules Netty's own map checks them by. The version, the usual status codes
 * and the header names most answers carry are shared objects rather than made for each answer (as
 * Netty's request decoder does for request header names).
 */
final class AnswerDecoder extends HttpResponseDecoder {
  private static final HttpHeadersFactory HEADERS = new HttpHeadersFactory() {
    @Override
    public HttpHeaders newHeaders() {
      return HeadersMultiMap.httpHeaders(AnswerDecoder::check);
    }

    @Override
    public HttpHeaders newEmptyHeaders() {
      return HeadersMultiMap.httpHeaders(AnswerDecoder::check);
    }
  };

  /** Header names most answers carry, as backends spell them, by length; each caches its text (array offset 0). */
  private static final AsciiString[][] KNOWN_NAMES = byLength(Stream.of("Content-Type", "Content-Length",
          "Date", "Server", "Connection", "Keep-Alive", "Transfer-Encoding", "Cache-Control", "ETag",
          "Last-Modified", "Vary", "Expires", "Location", "Set-Cookie", "Content-Encoding", "Accept-Ranges")
      .flatMap(name -> Stream.of(name, name.toLowerCase(Locale.ROOT))).map(AsciiString::cached).toArray(AsciiString[]::new));
  private static final AsciiString HTTP_1_1 = AsciiString.cached("HTTP/1.1");
  private static final String[] STATUS_CODES = new String[600];

  static {
    for (int code = 100; code < STATUS_CODES.length; code++) {
      STATUS_CODES[code] = Integer.toString(code);
    }
  }

  private final BackendConnection connection;

  AnswerDecoder(BackendConnection connection) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(BackendClient.MAX_INITIAL_LINE)
        .setMaxHeaderSize(BackendClient.MAX_HEADER_BYTES)
        .setMaxChunkSize(8192)
        .setHeadersFactory(HEADERS));
    this.connection = connection;
  }

  @Override
  protected AsciiString splitHeaderName(byte[] line, int start, int length) {
    AsciiString[] candidates = length < KNOWN_NAMES.length ? KNOWN_NAMES[length] : null;
    if (candidates != null) {
      for (AsciiString known : candidates) {
        if (Arrays.equals(known.array(), 0, length, line, start, start + length)) {
          return known;
        }
      }
    }
    return super.splitHeaderName(line, start, length);
  }

  @Override
  protected String splitFirstWordInitialLine(byte[] line, int start, int length) {
    return length == HTTP_1_1.length() && Arrays.equals(HTTP_1_1.array(), 0, length, line, start, start + length)
        ? HTTP_1_1.toString() : super.splitFirstWordInitialLine(line, start, length);
  }

  @Override
  protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
    if (length == 3 && isDigit(line[start]) && isDigit(line[start + 1]) && isDigit(line[start + 2])) {
      int code = (line[start] - '0') * 100 + (line[start + 1] - '0') * 10 + (line[start + 2] - '0');
      if (code >= 100 && code < STATUS_CODES.length) {
        return STATUS_CODES[code];
      }
    }
    return super.splitSecondWordInitialLine(line, start, length);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static AsciiString[][] byLength(AsciiString[] names) {
    AsciiString[][] byLength = new AsciiString[Arrays.stream(names).mapToInt(AsciiString::length).max().orElse(0) + 1][];
    for (AsciiString name : names) {
      AsciiString[] same = byLength[name.length()];
      same = same == null ? new AsciiString[1] : Arrays.copyOf(same, same.length + 1);
      same[same.length - 1] = name;
      byLength[name.length()] = same;
    }
    return byLength;
  }

  /** Netty's rules for a header (DefaultHttpHeadersFactory's): a token for a name, no control character but HTAB in a value. */
  private static void check(CharSequence name, CharSequence value) {
    if (name.length() == 0 || HttpHeaderValidationUtil.validateToken(name) != -1) {
      throw new IllegalArgumentException("a header name can only contain \"token\" characters");
    }
    if (HttpHeaderValidationUtil.validateValidHeaderValue(value) != -1) {
      throw new IllegalArgumentException("a header value can only contain visible characters, spaces and tabs");
    }
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage message) {
    return super.isContentAlwaysEmpty(message) || connection.answersHead();
  }
}
