package dev.archway.control;

import java.util.Map;

/**
 * An operation's answer that is a document of its own (an exported API definition), sent as is rather
 * than as JSON, with headers of its own (GetExport's Content-Disposition).
 */
public record RawBody(String contentType, byte[] bytes, Map<String, String> headers) {

  public RawBody(String contentType, byte[] bytes) {
    this(contentType, bytes, Map.of());
  }
}
