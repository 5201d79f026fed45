package dev.archway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.util.ByteProcessor;

/**
 * Header fields as HTTP/1.1 puts them on the wire, {@code name: value CRLF}, checked as they are
 * written: mappings, Lambda functions and clients make names and values, and a CR or LF in one
 * would split the message. The one writer for the answers the execute listener sends and the
 * requests the backend client sends.
 */
public final class HeaderLines {
  /** A header (or status, or method) that cannot be written: an answer to give, not a bug, so no stack trace. */
  public static final class Invalid extends IllegalArgumentException {
    public Invalid(String message) {
      super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }
  }

  private static final byte[] SEPARATOR = {':', ' '};
  private static final byte[] CRLF = {'\r', '\n'};
  /** tchar (RFC 9110 5.6.2): the characters of methods and header names. */
  private static final boolean[] TOKEN = new boolean[128];
  /** Stops at a byte a field value must not hold: a control character other than HTAB. */
  private static final ByteProcessor FIELD_VALUE = b -> b >= 0x20 && b != 0x7F || b < 0 || b == '\t';

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  private HeaderLines() {}

  /** Whether the byte or character {@code c} may be part of a token. */
  public static boolean isTokenChar(int c) {
    return c >= 0 && c < 128 && TOKEN[c];
  }

  /** Whether {@code name} is a token (a method or a header name). */
  public static boolean isToken(String name) {
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c >= 128 || !TOKEN[c]) {
        return false;
      }
    }
    return n > 0;
  }

  /**
   * Writes {@code name: value CRLF}. A character over U+00FF goes out as {@code ?}; the value is
   * checked on the bytes written, the cheapest pass.
   *
   * @throws Invalid when the name is not a token or the value holds a control character but HTAB
   */
  public static void write(ByteBuf out, String name, String value) {
    if (!isToken(name)) {
      throw new Invalid("header name " + printable(name) + " (expected: a token)");
    }
    ByteBufUtil.writeAscii(out, name);
    out.writeBytes(SEPARATOR);
    int start = out.writerIndex();
    ByteBufUtil.writeAscii(out, value);
    if (out.forEachByte(start, out.writerIndex() - start, FIELD_VALUE) >= 0) {
      throw new Invalid("header " + name + ": a control character in its value");
    }
    out.writeBytes(CRLF);
  }

  /** Writes a header of our own (ids, framing): nothing to check. */
  public static void writeTrusted(ByteBuf out, String name, String value) {
    ByteBufUtil.writeAscii(out, name);
    out.writeBytes(SEPARATOR);
    ByteBufUtil.writeAscii(out, value);
    out.writeBytes(CRLF);
  }

  /** {@code text} with every character outside visible ASCII as {@code ?}: safe to put in a message or a log. */
  public static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
