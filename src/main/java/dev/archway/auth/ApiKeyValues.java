package dev.archway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * API key values: generated like AWS's (40 random letters and digits), looked up by their
 * SHA-256 so no secret is compared byte by byte, and masked in logs the way AWS masks them
 * ({@code ****…abcd}, the last four characters only).
 */
public final class ApiKeyValues {
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();
  /** Every keyed request hashes its key: one digest per thread, not a provider look-up per request. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  });

  private ApiKeyValues() {}

  public static String generate() {
    char[] value = new char[40];
    for (int i = 0; i < value.length; i++) {
      value[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(value);
  }

  /** Lower-case hex SHA-256 of the value's UTF-8 bytes. */
  public static String sha256(String value) {
    return HEX.formatHex(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code ****…wxyz}; values of four characters or fewer show nothing. */
  public static String mask(String value) {
    if (value == null || value.length() <= 4) {
      return "****";
    }
    return "****\u2026" + value.substring(value.length() - 4);
  }
}
