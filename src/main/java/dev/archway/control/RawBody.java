package dev.archway.control;

/** An operation's answer that is a document of its own (an exported API definition), sent as is rather than as JSON. */
public record RawBody(String contentType, byte[] bytes, java.util.Map<String, String> headers) {

  public RawBody(String contentType, byte[] bytes) {
    this(contentType, bytes, java.util.Map.of());
  }
}
