package dev.archway.runtime;

import io.vertx.core.buffer.Buffer;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An integration's or integration response's {@code contentHandling}, applied as in AWS's "Content
 * type conversions in API Gateway" tables. Whether a payload is binary is decided by the caller
 * (the request's Content-Type, or the endpoint response's, against {@code binaryMediaTypes}).
 */
public enum ContentHandling {
  /** Unset: the payload passes as it is. */
  PASSTHROUGH,
  /** Binary payloads become base64 text; text passes. */
  CONVERT_TO_TEXT,
  /** Text payloads are base64-decoded into bytes; binary passes. */
  CONVERT_TO_BINARY;

  private static final Logger LOG = LoggerFactory.getLogger(ContentHandling.class);

  public static ContentHandling of(String value) {
    if (value == null) {
      return PASSTHROUGH;
    }
    return switch (value) {
      case "CONVERT_TO_TEXT" -> CONVERT_TO_TEXT;
      case "CONVERT_TO_BINARY" -> CONVERT_TO_BINARY;
      default -> throw new IllegalArgumentException("contentHandling: " + value + " (expected: CONVERT_TO_BINARY or CONVERT_TO_TEXT)");
    };
  }

  /** @throws IllegalArgumentException when CONVERT_TO_BINARY meets text that is not base64 */
  Buffer convert(Buffer payload, boolean binary) {
    return switch (this) {
      case CONVERT_TO_TEXT -> binary ? encode(payload) : payload;
      case CONVERT_TO_BINARY -> binary ? payload : decode(payload);
      case PASSTHROUGH -> payload;
    };
  }

  /** Whether the converted payload is text (templates may read it). */
  boolean producesText(boolean binary) {
    return switch (this) {
      case CONVERT_TO_TEXT -> true;
      case CONVERT_TO_BINARY -> false;
      case PASSTHROUGH -> !binary;
    };
  }

  /**
   * The method response payload, per the response table: with {@code binaryMediaTypes} unset only the
   * explicit conversions apply; with it set and no contentHandling, a text body asked for as binary
   * (first Accept entry) is decoded and a binary body asked for as text is encoded.
   */
  Buffer convertResponse(Buffer payload, boolean binaryBody, boolean binaryAccept, boolean binaryTypesSet) {
    if (this != PASSTHROUGH || !binaryTypesSet) {
      return convert(payload, binaryBody);
    }
    if (binaryAccept == binaryBody) {
      return payload;
    }
    return binaryAccept ? decode(payload) : encode(payload);
  }

  /** Base64 text of the bytes. */
  public static Buffer encode(Buffer payload) {
    return Buffer.buffer(Base64.getEncoder().encode(payload.getBytes()));
  }

  /** The bytes of base64 text (line breaks and spaces skipped). @throws IllegalArgumentException when it is not base64 */
  public static Buffer decode(Buffer payload) {
    try {
      return Buffer.buffer(Base64Text.decode(payload.toString(java.nio.charset.StandardCharsets.ISO_8859_1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("payload is " + e.getMessage(), e);
    }
  }

  /** A conversion that cannot be done is a configuration error for this request: 500, reason in the log. */
  static GatewayResponse.Failure failure(Exchange exchange, IllegalArgumentException e) {
    LOG.warn("request {}: Execution failed due to configuration error: unable to convert the payload: {}",
        exchange.requestId(), e.getMessage());
    exchange.executionLog().add("Execution failed due to configuration error: Unable to convert the payload: " + e.getMessage());
    return new GatewayResponse.InternalServerError().failure();
  }
}
