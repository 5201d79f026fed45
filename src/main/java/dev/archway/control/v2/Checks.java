package dev.archway.control.v2;

import dev.archway.control.wire.ApiException;
import java.util.Collection;
import java.util.Map;

/** Input checks shared by the v2 handlers; each failure names the member, the value and the expectation. */
final class Checks {
  private Checks() {}

  static String required(String member, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest(member + " is required");
    }
    return value;
  }

  /** A string member of {@code min..max} characters, when present. */
  static void length(String member, String value, int min, int max) {
    if (value != null && (value.length() < min || value.length() > max)) {
      throw ApiException.badRequest("Invalid " + member + ": " + abbreviate(value) + " (expected: " + min + ".." + max + " characters)");
    }
  }

  static void range(String member, Number value, long min, long max) {
    if (value != null && (value.doubleValue() < min || value.doubleValue() > max)) {
      throw ApiException.badRequest("Invalid " + member + ": " + value + " (expected: " + min + ".." + max + ")");
    }
  }

  static void oneOf(String member, String value, Collection<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      throw ApiException.badRequest("Invalid " + member + ": " + abbreviate(value) + " (expected: one of " + allowed + ")");
    }
  }

  /** AWS tag rules: at most 50; keys of 1-128 characters not starting with {@code aws:}; values of up to 1600. */
  static void tags(Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > 50) {
      throw ApiException.badRequest("Too many tags: " + tags.size() + " (expected: at most 50)");
    }
    tags.forEach((k, v) -> {
      if (k.isEmpty() || k.length() > 128 || k.startsWith("aws:") || v == null || v.length() > 1600) {
        throw ApiException.badRequest("Invalid tag: " + abbreviate(k)
            + " (expected: a key of 1-128 characters not starting with aws:, a value of up to 1600)");
      }
    });
  }

  static String abbreviate(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "...";
  }
}
