package dev.archway.websocket;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Connection ids as AWS's look: 16 characters of base64 ending in {@code =} ({@code L0SM9cOFvHcCIhw=}),
 * here from the URL-safe alphabet so that an id is a path segment as it is.
 */
final class ConnectionIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConnectionIds() {}

  static String next() {
    byte[] bytes = new byte[11];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().encodeToString(bytes);
  }
}
