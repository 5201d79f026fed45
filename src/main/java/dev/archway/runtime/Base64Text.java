package dev.archway.runtime;

import java.util.Arrays;
import java.util.Base64;

/**
 * Base64 text as functions and templates write it, decoded one way everywhere (AWS_PROXY bodies,
 * CONVERT_TO_BINARY): line breaks and spaces are skipped (Python's {@code base64.encodebytes} adds
 * them), padding may be left out, anything else that is not base64 is refused rather than skipped.
 */
public final class Base64Text {
  private Base64Text() {}

  /** @throws IllegalArgumentException naming what is wrong when {@code text} is not base64 */
  public static byte[] decode(CharSequence text) {
    byte[] units = new byte[text.length()];
    int length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        continue;
      }
      units[length++] = c > 0x7f ? (byte) '!' : (byte) c; // a non-ASCII character is never base64
    }
    try {
      return Base64.getDecoder().decode(length == units.length ? units : Arrays.copyOf(units, length));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not base64 (" + e.getMessage() + ")", e);
    }
  }
}
