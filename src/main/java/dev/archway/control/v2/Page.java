package dev.archway.control.v2;

import dev.archway.control.Call;
import dev.archway.control.wire.ApiException;
import java.util.List;

/**
 * A v2 list answer, {@code {"items": [...], "nextToken": ...}}, paged by the {@code nextToken} and
 * {@code maxResults} query members. The token is opaque to clients; ours is the index of the next
 * item. Without {@code maxResults} a page holds 25 items, and at most 500 (Archway's choice).
 */
record Page<T>(List<T> items, String nextToken) {
  private static final int DEFAULT_SIZE = 25;
  private static final int MAX_SIZE = 500;

  static <T> Page<T> of(List<T> all, Call call) {
    int size = maxResults(call.query("maxResults"));
    int from = position(call.query("nextToken"), all.size());
    int to = Math.min(all.size(), from + size);
    return new Page<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
  }

  private static int maxResults(String value) {
    if (value == null || value.isEmpty()) {
      return DEFAULT_SIZE;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= 1 && n <= MAX_SIZE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("Invalid maxResults: " + value + " (expected: 1.." + MAX_SIZE + ")");
  }

  private static int position(String token, int size) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(token);
      if (n >= 0 && n <= size) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("Invalid nextToken: " + token);
  }
}
