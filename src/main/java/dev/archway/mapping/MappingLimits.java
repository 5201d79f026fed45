package dev.archway.mapping;

import java.time.Duration;

/**
 * The budgets one render of a mapping template may spend. {@link #AWS} holds API Gateway's documented
 * figures where AWS has one (1,000 {@code #foreach} iterations, 300 KB templates, 10 MB payloads)
 * and conservative choices of ours where it has none (time, work, collection growth).
 *
 * @param maxTemplateChars largest template source accepted at compile time (AWS: 300 KB)
 * @param maxLoopIterations iterations of one {@code #foreach} before the render fails (AWS: 1,000)
 * @param maxOutputChars characters one render may write (AWS payload limit: 10 MB)
 * @param maxWorkChars characters one render may produce in total, counting every reference rendered
 *     into the output or into an interpolated string; bounds string-building loops
 * @param maxStringChars longest single string a template may build with {@code +} or {@code #set}
 * @param maxCollectionGrowth elements a render may add to lists and maps ({@code add}, {@code put}, {@code addAll}...)
 * @param timeBudget wall-clock time one render may take; checked on every loop step, method call and write
 */
public record MappingLimits(
    int maxTemplateChars,
    int maxLoopIterations,
    long maxOutputChars,
    long maxWorkChars,
    int maxStringChars,
    long maxCollectionGrowth,
    Duration timeBudget) {
  public static final MappingLimits AWS = new MappingLimits(
      300 * 1024, 1_000, 10L * 1024 * 1024, 40L * 1024 * 1024, 10 * 1024 * 1024, 1_000_000, Duration.ofSeconds(2));

  public MappingLimits {
    if (maxTemplateChars < 1 || maxLoopIterations < 1 || maxOutputChars < 1 || maxWorkChars < 1
        || maxStringChars < 1 || maxCollectionGrowth < 1) {
      throw new IllegalArgumentException("mapping limits: " + maxTemplateChars + "/" + maxLoopIterations + "/"
          + maxOutputChars + "/" + maxWorkChars + "/" + maxStringChars + "/" + maxCollectionGrowth + " (expected: all >= 1)");
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("mapping timeBudget: " + timeBudget + " (expected: > 0)");
    }
  }
}
