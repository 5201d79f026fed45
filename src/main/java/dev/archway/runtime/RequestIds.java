package dev.archway.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids AWS gives a request, in AWS's shapes: the request id (a version 4 UUID), the extended
 * request id ({@code x-amz-apigw-id}: 16 base64 characters) and X-Ray trace ids
 * ({@code Root=1-{8 hex epoch seconds}-{24 hex}}, {@code Parent=}16 hex). Drawn from
 * {@link ThreadLocalRandom} rather than a SecureRandom, which is synchronised and reads the
 * kernel's pool: an id must be unique, not secret.
 */
public final class RequestIds {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ROOT = "Root=1-".getBytes(StandardCharsets.US_ASCII);

  private RequestIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /** AWS's look, e.g. {@code DqVG-H0XIAMFqYA=}: 11 random bytes in base64. */
  public static String extended() {
    byte[] bytes = new byte[11];
    ThreadLocalRandom.current().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The {@code X-Amzn-Trace-Id} to pass on: the client's when it names a Root (with a Parent
   * added when it has none, as AWS adds one), else a new {@code Root=1-{epoch seconds}-{24 hex}}.
   */
  public static String trace(String fromClient, long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    if (fromClient != null && fromClient.contains("Root=")) {
      return fromClient.contains("Parent=") ? fromClient : fromClient + ";Parent=" + hex(random.nextLong(), 16);
    }
    byte[] root = new byte[40];
    System.arraycopy(ROOT, 0, root, 0, ROOT.length);
    write(root, 7, epochMillis / 1000, 8);
    root[15] = '-';
    write(root, 16, random.nextLong(), 16);
    write(root, 32, random.nextInt(), 8);
    return new String(root, StandardCharsets.ISO_8859_1);
  }

  private static String hex(long value, int digits) {
    byte[] out = new byte[digits];
    write(out, 0, value, digits);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** The low {@code digits} hex digits of {@code value}, most significant first. */
  private static void write(byte[] out, int at, long value, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[at + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
