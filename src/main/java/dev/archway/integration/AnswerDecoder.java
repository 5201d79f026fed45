package dev.archway.integration;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.vertx.core.http.impl.headers.HeadersMultiMap;

/**
 * Netty's response decoder, told by its connection when the final answer has no body. Netty's
 * HttpClientCodec pairs answers with requests through a queue that a 1xx answer consumes too, so a
 * HEAD answered "100 Continue" or "103 Early Hints" first would wait for a body its final answer
 * never has, until the call's deadline. The connection serves one call at a time and knows.
 * The answer's headers are read straight into the map the pipeline reads (Vert.x's, which is a
 * Netty {@code HttpHeaders} too), not into Netty's own to be adapted and copied on every answer;
 * they are checked by the rules Netty's own map checks them by.
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

  private final BackendConnection connection;

  AnswerDecoder(BackendConnection connection) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(BackendClient.MAX_INITIAL_LINE)
        .setMaxHeaderSize(BackendClient.MAX_HEADER_BYTES)
        .setMaxChunkSize(8192)
        .setHeadersFactory(HEADERS));
    this.connection = connection;
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
