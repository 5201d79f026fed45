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

  /** A span id: 16 hex digits, never all zeros. */
  public static String spanId() {
    long id = ThreadLocalRandom.current().nextLong();
    return hex(id == 0 ? 1 : id, 16);
  }

  /**
   * The client's trace as an {@code X-Amzn-Trace-Id}: its own when it sent one, else its W3C
   * {@code traceparent} ({@code 00-{32 hex}-{16 hex}-{flags}}) in X-Ray's words, else null.
   */
  public static String clientTrace(String amznTraceId, String traceparent) {
    if (amznTraceId != null || traceparent == null || traceparent.length() != 55 || !traceparent.startsWith("00-")
        || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
      return amznTraceId;
    }
    String traceId = traceparent.substring(3, 35);
    String parent = traceparent.substring(36, 52);
    if (!isHex(traceId) || !isHex(parent) || !isHex(traceparent.substring(53))) {
      return null;
    }
    return "Root=1-" + traceId.substring(0, 8) + "-" + traceId.substring(8) + ";Parent=" + parent + ";Sampled="
        + (Integer.parseInt(traceparent.substring(53), 16) & 1);
  }

  /** The W3C trace id (32 hex digits) of an {@code X-Amzn-Trace-Id}'s Root, or null when it has none of that shape. */
  public static String w3cTraceId(String amznTraceId) {
    String root = field(amznTraceId, "Root=");
    if (root == null || root.length() != 35 || !root.startsWith("1-") || root.charAt(10) != '-') {
      return null;
    }
    String id = root.substring(2, 10) + root.substring(11);
    return isHex(id) ? id.toLowerCase(java.util.Locale.ROOT) : null;
  }

  /** A field ({@code Root=}, {@code Parent=}, {@code Sampled=}) of an {@code X-Amzn-Trace-Id}, or null. */
  public static String field(String amznTraceId, String name) {
    if (amznTraceId == null) {
      return null;
    }
    int at = amznTraceId.indexOf(name);
    if (at < 0 || (at > 0 && amznTraceId.charAt(at - 1) != ';' && amznTraceId.charAt(at - 1) != ' ')) {
      return null;
    }
    int end = amznTraceId.indexOf(';', at);
    return amznTraceId.substring(at + name.length(), end < 0 ? amznTraceId.length() : end).trim();
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !text.isEmpty();
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
