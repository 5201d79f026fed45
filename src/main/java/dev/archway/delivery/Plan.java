package dev.archway.delivery;

import java.io.PrintWriter;

/**
 * What {@code apply} changes, line by line: a heading per API, then one line per change, printed as
 * the change is made ({@code +} creates, {@code ~} updates), or only printed with {@code --dry-run}.
 * A change's write runs after its line is printed, so when a write fails the last line says what
 * was being done.
 */
public final class Plan {
  private final PrintWriter out;
  private final boolean dryRun;
  private int changes;
  private int sectionChanges;

  public Plan(PrintWriter out, boolean dryRun) {
    this.out = out;
    this.dryRun = dryRun;
  }

  void section(String heading) {
    out.println(heading);
    out.flush();
    sectionChanges = 0;
  }

  /** Ends a section: says so when it changed nothing. */
  void endSection() {
    if (sectionChanges == 0) {
      line("no changes");
    }
  }

  void create(String what, Runnable write) {
    change("+ " + what, write);
  }

  void update(String what, Runnable write) {
    change("~ " + what, write);
  }

  /** What the server does by itself as a consequence of a change (an auto-deploy): a line, no write. */
  void note(String what) {
    line("  " + what);
  }

  private void change(String line, Runnable write) {
    changes++;
    sectionChanges++;
    line(line);
    if (!dryRun) {
      write.run();
    }
  }

  private void line(String line) {
    out.println("  " + line);
    out.flush();
  }

  boolean dryRun() {
    return dryRun;
  }

  /** The last line: how many changes, and with {@code --dry-run} that none was written. */
  public void summary() {
    String count = changes == 1 ? "1 change" : changes + " changes";
    out.println(dryRun ? "dry run: " + count + ", nothing written" : changes == 0 ? "no changes" : count + " applied");
    out.flush();
  }
}
