package dev.archway.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Netty's leak detector only logs ("LEAK: ByteBuf.release() was not called...") and never fails
 * anything; this logback appender, wired on logger {@code io.netty.util.ResourceLeakDetector} in
 * logback-test.xml, keeps those reports so {@link NoLeaks} can turn them into a failed test class.
 */
public final class LeakReports extends AppenderBase<ILoggingEvent> {
  // static: logback creates the appender, the tests read what it saw; one JVM, classes run in turn
  private static final ConcurrentLinkedQueue<String> REPORTS = new ConcurrentLinkedQueue<>();

  @Override
  protected void append(ILoggingEvent event) {
    if (event.getLevel() == Level.ERROR && event.getFormattedMessage().contains("LEAK")) {
      REPORTS.add(event.getFormattedMessage());
    }
  }

  /**
   * Makes Netty report every buffer that has become garbage without release, then takes (and
   * forgets) all reports seen so far. Netty learns of a leak only when the buffer is collected
   * and a later buffer allocation polls its reference queue, hence the GC and the allocations.
   */
  public static List<String> detect() throws InterruptedException {
    collectGarbage();
    // all ByteBufs share one detector; touch the allocators the server and tests use anyway
    ByteBufAllocator.DEFAULT.buffer(1).release();
    PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
    Unpooled.buffer(1).release();
    List<String> taken = new ArrayList<>();
    for (String report; (report = REPORTS.poll()) != null; ) {
      taken.add(report);
    }
    return taken;
  }

  /**
   * One full GC, then waits until the JVM has enqueued a sentinel weak reference. The Reference
   * Handler thread enqueues everything one GC cleared in one batch, so by then the leaked
   * buffers' trackers are in Netty's queue too; a rare straggler is caught by the next check.
   */
  private static void collectGarbage() throws InterruptedException {
    ReferenceQueue<Object> queue = new ReferenceQueue<>();
    WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
    System.gc();
    boolean enqueued = queue.remove(1_000) != null;
    Reference.reachabilityFence(sentinel); // an unreachable WeakReference is never enqueued
    if (!enqueued) {
      throw new IllegalStateException("GC did not clear a weak reference within 1 s; cannot check for leaks");
    }
  }
}
