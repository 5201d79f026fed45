package dev.archway.mapping;

import java.io.Writer;

/** Collects a render's output, failing as soon as it passes the output budget or the time budget. */
final class BoundedWriter extends Writer {
  private final StringBuilder out = new StringBuilder(256);
  private final Budget budget;
  private final long max;

  BoundedWriter(Budget budget) {
    this.budget = budget;
    this.max = budget.limits().maxOutputChars();
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    reserve(length);
    out.append(chars, offset, length);
  }

  @Override
  public void write(String text, int offset, int length) {
    reserve(length);
    out.append(text, offset, offset + length);
  }

  @Override
  public void write(int c) {
    reserve(1);
    out.append((char) c);
  }

  private void reserve(int length) {
    budget.tick();
    if ((long) out.length() + length > max) {
      throw new TemplateRuntimeException("mapping template output exceeds " + max + " characters");
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
