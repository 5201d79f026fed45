package dev.archway.runtime;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in AWS's shape: a random (version 4) UUID. Drawn from {@link ThreadLocalRandom}
 * rather than {@link UUID#randomUUID()}, whose shared SecureRandom is synchronised and costs a
 * read from the kernel's pool: an id must be unique, not secret.
 */
public final class RequestIds {
  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
