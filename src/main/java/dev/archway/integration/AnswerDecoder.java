package dev.archway.integration;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * Netty's response decoder, told by its connection when the final answer has no body. Netty's
 * HttpClientCodec pairs answers with requests through a queue that a 1xx answer consumes too, so a
 * HEAD answered "100 Continue" or "103 Early Hints" first would wait for a body its final answer
 * never has, until the call's deadline. The connection serves one call at a time and knows.
 */
final class AnswerDecoder extends HttpResponseDecoder {
  private final BackendConnection connection;

  AnswerDecoder(BackendConnection connection) {
    super(new HttpDecoderConfig()
        .setMaxInitialLineLength(BackendClient.MAX_INITIAL_LINE)
        .setMaxHeaderSize(BackendClient.MAX_HEADER_BYTES)
        .setMaxChunkSize(8192));
    this.connection = connection;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage message) {
    return super.isContentAlwaysEmpty(message) || connection.answersHead();
  }
}
