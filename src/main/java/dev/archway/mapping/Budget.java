package dev.archway.mapping;

/**
 * What one render has left to spend. Velocity calls our uberspector with no handle on the render, so
 * the budget of the render running on this thread is found through {@link #current()}; a render is
 * synchronous, so one thread never runs two at once.
 */
final class Budget {
  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

  private final MappingLimits limits;
  private final long deadline;
  private long work;
  private long growth;
  private int steps;

  private Budget(MappingLimits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeBudget().toNanos();
  }

  /** Opens the budget of a render on this thread; close it in {@code finally}. */
  static Budget open(MappingLimits limits) {
    Budget budget = new Budget(limits);
    CURRENT.set(budget);
    return budget;
  }

  void close() {
    CURRENT.remove();
  }

  /** The budget of the render on this thread; a call from outside a render is a bug, never a free pass. */
  static Budget current() {
    Budget budget = CURRENT.get();
    if (budget == null) {
      throw new TemplateRuntimeException("template code ran outside a render");
    }
    return budget;
  }

  /** The render's budget, or a fresh default one when a value is printed outside any render (a debugger, a log line). */
  static Budget currentOrDefault() {
    Budget budget = CURRENT.get();
    return budget != null ? budget : new Budget(MappingLimits.AWS);
  }

  MappingLimits limits() {
    return limits;
  }

  /** Fails once the render has used its time; cheap enough to call on every step. */
  void tick() {
    if (System.nanoTime() - deadline > 0) {
      throw new TemplateRuntimeException("mapping template ran longer than " + limits.timeBudget().toMillis() + " ms");
    }
  }

  /** Checks the clock on every 1,024th call: for hot inner loops (a regular expression reading text). */
  void step() {
    if ((++steps & 0x3ff) == 0) {
      tick();
    }
  }

  /** Counts characters the render produced outside the output (interpolated strings, stringified values). */
  void spendWork(long chars) {
    tick();
    work += chars;
    if (work > limits.maxWorkChars()) {
      throw new TemplateRuntimeException("mapping template built more than " + limits.maxWorkChars() + " characters");
    }
  }

  /** Counts elements added to lists and maps. */
  void spendGrowth(long elements) {
    tick();
    growth += elements;
    if (growth > limits.maxCollectionGrowth()) {
      throw new TemplateRuntimeException(
          "mapping template added more than " + limits.maxCollectionGrowth() + " elements to lists and maps");
    }
  }

  /** Fails when a string the template builds would exceed the longest allowed. */
  void checkString(long length) {
    if (length > limits.maxStringChars()) {
      throw new TemplateRuntimeException(
          "mapping template built a string of " + length + " characters (limit " + limits.maxStringChars() + ")");
    }
  }
}
