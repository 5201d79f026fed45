package dev.archway.traffic;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A lock-free token bucket as a single {@code long}: the instant at which the bucket will be full
 * again (the "theoretical arrival time" of the generic cell rate algorithm). Taking a token moves
 * that instant one refill interval later; it may run at most {@code burst} intervals ahead of
 * now. One CAS per request, no allocation, no lock. A new bucket starts full.
 */
public final class TokenBucket implements RateLimiter {
  /** Far enough to never come and small enough that adding it to a nanoTime cannot overflow. */
  private static final long NEVER = 1L << 61;

  private final double rate;
  private final int burst;
  /** Nanoseconds to earn one token. */
  private final long interval;
  /** How far ahead of now the full-again instant may be: {@code burst} intervals. */
  private final long tolerance;
  private final LongSupplier nanoClock;
  private final AtomicLong fullAt;

  private TokenBucket(double rate, int burst, LongSupplier nanoClock) {
    this.rate = rate;
    this.burst = burst;
    long cap = NEVER / Math.max(1, burst);
    // rateLimit 0: the bucket never refills, it only holds its burst.
    this.interval = rate > 0 ? Math.min(cap, Math.max(1, Math.round(1e9 / rate))) : cap;
    this.tolerance = interval * burst;
    this.nanoClock = nanoClock;
    this.fullAt = new AtomicLong(nanoClock.getAsLong());
  }

  /** @param nanoClock {@code System::nanoTime}, or a fake one in tests */
  public static TokenBucket of(double ratePerSecond, int burst, LongSupplier nanoClock) {
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("throttle rateLimit: " + ratePerSecond + " (expected: a finite number >= 0)");
    }
    if (burst < 0) {
      throw new IllegalArgumentException("throttle burstLimit: " + burst + " (expected: >= 0)");
    }
    return new TokenBucket(ratePerSecond, burst, nanoClock);
  }

  @Override
  public boolean tryAcquire() {
    long now = nanoClock.getAsLong();
    while (true) {
      long full = fullAt.get();
      // Differences, not comparisons: nanoTime may be negative or wrap.
      long next = (full - now > 0 ? full : now) + interval;
      if (next - now > tolerance) {
        return false;
      }
      if (fullAt.compareAndSet(full, next)) {
        return true;
      }
    }
  }

  public double rate() {
    return rate;
  }

  public int burst() {
    return burst;
  }

  /** Whether this bucket enforces exactly this limit (a changed limit gets a new bucket). */
  boolean limits(double ratePerSecond, int burstLimit) {
    return Double.compare(rate, ratePerSecond) == 0 && burst == burstLimit;
  }

  @Override
  public String toString() {
    return "TokenBucket(rate=" + rate + "/s, burst=" + burst + ")";
  }
}
