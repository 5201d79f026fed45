package dev.archway.control;

import java.security.SecureRandom;

/** Random identifiers in AWS's alphabet: lowercase letters and digits (API ids have 10, resources and deployments 6). */
final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String apiId() {
    return random(10);
  }

  static String shortId() {
    return random(6);
  }

  private static String random(int length) {
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
