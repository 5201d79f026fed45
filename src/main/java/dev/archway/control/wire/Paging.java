package dev.archway.control.wire;

import java.util.List;

/**
 * AWS {@code position}/{@code limit} paging. The position is opaque to clients; ours is the
 * index of the next item. Limit defaults to 25 and is capped at 500, as on AWS.
 */
public record Paging<T>(List<T> item, String position) {

  public static <T> Paging<T> of(List<T> all, String position, String limit) {
    int size = parseLimit(limit);
    int from = parsePosition(position, all.size());
    int to = Math.min(all.size(), from + size);
    return new Paging<>(List.copyOf(all.subList(from, to)), to < all.size() ? Integer.toString(to) : null);
  }

  private static int parseLimit(String limit) {
    if (limit == null) {
      return 25;
    }
    try {
      int n = Integer.parseInt(limit);
      if (n < 1 || n > 500) {
        throw ApiException.badRequest("Invalid limit: " + limit + " (expected: 1..500)");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Invalid limit: " + limit + " (expected: 1..500)");
    }
  }

  private static int parsePosition(String position, int size) {
    if (position == null || position.isEmpty()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(position);
      if (n < 0 || n > size) {
        throw ApiException.badRequest("Invalid position: " + position);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Invalid position: " + position);
    }
  }
}
