package dev.archway.auth.policy;

/**
 * An IAM wildcard: {@code *} matches any run of characters (also none), {@code ?} exactly one;
 * everything else literally and case-sensitively. Matching is a two-pointer walk that backtracks
 * only to the last {@code *}: linear in practice, never exponential, and no regex is built from
 * user text.
 */
public record Wildcard(String pattern) {

  public Wildcard {
    if (pattern == null) {
      throw new IllegalArgumentException("wildcard pattern: null (expected: a string, * and ? as wildcards)");
    }
  }

  public boolean matches(String value) {
    return matches(pattern, value, false);
  }

  /** IAM actions compare case-insensitively ({@code execute-api:invoke} is {@code execute-api:Invoke}). */
  public boolean matchesIgnoringCase(String value) {
    return matches(pattern, value, true);
  }

  static boolean matches(String pattern, String value, boolean ignoreCase) {
    int p = 0;
    int v = 0;
    int star = -1;
    int resume = 0;
    while (v < value.length()) {
      if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), value.charAt(v), ignoreCase))) {
        p++;
        v++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        resume = v;
      } else if (star >= 0) {
        p = star + 1;
        v = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  private static boolean same(char a, char b, boolean ignoreCase) {
    return a == b || ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
