package dev.archway.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts of an HTTP request that SigV4 covers, exactly as received.
 *
 * @param method  the HTTP method, e.g. {@code GET}
 * @param rawPath the path as sent on the wire, still percent-encoded (Vert.x {@code path()})
 * @param rawQuery the query string as sent, without {@code ?}; null or empty when there is none
 * @param headers header names as received (any case), possibly repeated, in arrival order; for
 *     HTTP/2 the caller must pass {@code :authority} as {@code host}
 * @param body    the whole request body; empty array when there is none
 */
public record SignedRequest(
    String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers, byte[] body) {

  public SignedRequest {
    headers = List.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** Every value of the header {@code name} (case-insensitive), in arrival order. */
  public List<String> headerValues(String name) {
    List<String> values = new ArrayList<>(1);
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        values.add(header.getValue());
      }
    }
    return values;
  }

  /** The first value of the header {@code name} (case-insensitive), or null. */
  public String firstHeader(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
