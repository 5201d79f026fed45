package dev.archway.cache;

import java.util.List;
import java.util.Map;

/**
 * An answer as the stage cache keeps it: immutable, and plain data (status, header pairs, body
 * bytes), so any cache can store it.
 *
 * @param headers name/value pairs in the answer's order; a name may repeat
 */
public record CachedResponse(int statusCode, List<Map.Entry<String, String>> headers, byte[] body) {
  /** AWS: "The maximum size of a response that can be cached is 1048576 bytes." */
  public static final int MAX_BODY_BYTES = 1_048_576;

  public CachedResponse {
    headers = headers.stream().<Map.Entry<String, String>>map(h -> Map.entry(h.getKey(), h.getValue())).toList();
  }

  /** Whether AWS would keep an answer with a body of {@code bytes}. */
  public static boolean fits(int bytes) {
    return bytes <= MAX_BODY_BYTES;
  }

  /** What it costs a cache to hold: its bytes, headers counted as characters. */
  public int weight() {
    int weight = body.length + 16;
    for (Map.Entry<String, String> header : headers) {
      weight += header.getKey().length() + header.getValue().length() + 4;
    }
    return weight;
  }

  @Override
  public String toString() {
    return "CachedResponse(" + statusCode + ", " + headers.size() + " headers, " + body.length + " bytes)";
  }
}
