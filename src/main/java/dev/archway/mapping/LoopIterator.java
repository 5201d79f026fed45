package dev.archway.mapping;

import java.util.Iterator;
import org.apache.velocity.util.introspection.Info;

/**
 * The iterator {@code #foreach} walks: AWS allows 1,000 iterations per loop, and one more fails the
 * render rather than silently truncating the output. Each step also checks the clock, which is what
 * stops nested loops (1,000 × 1,000 × 1,000) long before they finish.
 */
final class LoopIterator implements Iterator<Object> {
  private final Iterator<?> inner;
  private final Budget budget;
  private final Info info;
  private final int max;
  private int count;

  LoopIterator(Iterator<?> inner, Budget budget, Info info) {
    this.inner = inner;
    this.budget = budget;
    this.info = info;
    this.max = budget.limits().maxLoopIterations();
  }

  @Override
  public boolean hasNext() {
    return inner.hasNext();
  }

  @Override
  public Object next() {
    budget.tick();
    if (++count > max) {
      throw new TemplateRuntimeException("#foreach ran more than " + max + " iterations (line " + info.getLine()
          + ", column " + info.getColumn() + ")");
    }
    return inner.next();
  }
}
