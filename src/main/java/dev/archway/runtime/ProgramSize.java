package dev.archway.runtime;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An upper bound on the size of the automaton RE2J builds for a pattern. RE2J expands a counted
 * repetition into copies ({@code x{3,5}} holds five copies of x, {@code x{2,}} three), so nested
 * counts multiply: {@code (a{100}){100}} is 10,000 states though it reads as 11 characters. The
 * time to match is the input length times this size, so it is the pattern's cost per character.
 */
final class ProgramSize {
  private ProgramSize() {}

  /** The size of {@code pattern}, or some value above {@code cap} as soon as it is known to exceed it. */
  static long of(String pattern, long cap) {
    Deque<long[]> outer = new ArrayDeque<>();
    long[] group = {0, 0}; // {size so far, size of the last element: what a quantifier repeats}
    int i = 0;
    while (i < pattern.length() && group[0] <= cap) {
      char c = pattern.charAt(i);
      if (c == '\\' && pattern.startsWith("Q", i + 1)) {
        int end = pattern.indexOf("\\E", i + 2);
        end = end < 0 ? pattern.length() : end;
        add(group, end - (i + 2));
        i = end + 2;
      } else if (c == '\\') {
        add(group, 1);
        i = escapeEnd(pattern, i);
      } else if (c == '[') {
        add(group, 1);
        i = classEnd(pattern, i);
      } else if (c == '(') {
        outer.push(group);
        group = new long[] {0, 0};
        i++;
      } else if (c == ')' && !outer.isEmpty()) {
        long size = group[0] + 1;
        group = outer.pop();
        add(group, size);
        i++;
      } else if (c == '{' && repeatEnd(pattern, i) > 0) {
        int end = repeatEnd(pattern, i);
        long copies = copies(pattern.substring(i + 1, end - 1), cap);
        group[0] += group[1] * (copies - 1);
        group[1] *= copies;
        i = end;
      } else {
        // A literal, '.', an anchor, '|' or a loop ('*', '+', '?'): one instruction each.
        add(group, 1);
        i++;
      }
    }
    long total = group[0];
    for (long[] open : outer) {
      total += open[0];
    }
    return total;
  }

  private static void add(long[] group, long size) {
    group[0] += size;
    group[1] = size;
  }

  /** After {@code \x}, or after the braces of {@code \x{41}}, {@code \p{L}}, {@code \P{L}}. */
  private static int escapeEnd(String pattern, int at) {
    int next = at + 2;
    if (next < pattern.length() && pattern.charAt(next) == '{' && "xpP".indexOf(pattern.charAt(at + 1)) >= 0) {
      int close = pattern.indexOf('}', next);
      return close < 0 ? pattern.length() : close + 1;
    }
    return next;
  }

  /** After the {@code ]} closing the class that opens at {@code at}; {@code []a]} and {@code [[:alpha:]]} included. */
  private static int classEnd(String pattern, int at) {
    int i = at + 1;
    if (i < pattern.length() && pattern.charAt(i) == '^') {
      i++;
    }
    if (i < pattern.length() && pattern.charAt(i) == ']') {
      i++;
    }
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == ']') {
        return i + 1;
      }
      if (c == '\\') {
        i = escapeEnd(pattern, i);
      } else if (c == '[' && pattern.startsWith(":", i + 1)) {
        int close = pattern.indexOf(":]", i + 2);
        i = close < 0 ? i + 1 : close + 2;
      } else {
        i++;
      }
    }
    return i;
  }

  /** After the {@code }} of a repetition {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}, or -1 when it is a literal brace. */
  private static int repeatEnd(String pattern, int at) {
    int close = pattern.indexOf('}', at);
    return close > at + 1 && pattern.substring(at + 1, close).matches("\\d+(,\\d*)?") ? close + 1 : -1;
  }

  /** How many copies of its operand {@code n}, {@code n,} or {@code n,m} makes; counts past the cap are the cap. */
  private static long copies(String counts, long cap) {
    int comma = counts.indexOf(',');
    String last = comma < 0 ? counts : comma == counts.length() - 1 ? counts.substring(0, comma) : counts.substring(comma + 1);
    long n = last.length() > 9 ? cap + 1 : Math.min(Long.parseLong(last), cap + 1);
    return comma == counts.length() - 1 ? n + 1 : n;
  }
}
