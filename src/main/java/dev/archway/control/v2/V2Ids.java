package dev.archway.control.v2;

import java.security.SecureRandom;

/** Random v2 identifiers in AWS's alphabet: API ids have 10 characters, the resources inside an API 7. */
final class V2Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private V2Ids() {}

  static String apiId() {
    return random(10);
  }

  static String childId() {
    return random(7);
  }

  private static String random(int length) {
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
