package dev.archway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 message head being written: start line and {@code name: value CRLF} fields, each
 * field checked as it is copied (mappings, Lambda functions and clients make names and values, and
 * a CR or LF in one would split the message). The one writer of the answers the execute listener
 * sends and the requests the backend client sends. It fills a plain array of its thread's, then the
 * head goes into a buffer in one copy: cheaper than many small checked writes into a buffer.
 * Not reentrant: one head at a time per thread.
 */
public final class HeadWriter {
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

  private static final int INITIAL_BYTES = 4096;
  /** A thread keeps a larger array only until its next head: one huge head does not pin memory. */
  private static final int RETAINED_BYTES = 64 * 1024;
  private static final FastThreadLocal<HeadWriter> WRITERS = new FastThreadLocal<>() {
    @Override
    protected HeadWriter initialValue() {
      return new HeadWriter();
    }
  };
  /** tchar (RFC 9110 5.6.2): the characters of methods and header names. */
  private static final boolean[] TOKEN = new boolean[128];

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

  private byte[] bytes = new byte[INITIAL_BYTES];
  private int length;

  private HeadWriter() {}

  /** This thread's writer, empty. */
  public static HeadWriter start() {
    HeadWriter writer = WRITERS.get();
    if (writer.bytes.length > RETAINED_BYTES) {
      writer.bytes = new byte[INITIAL_BYTES];
    }
    writer.length = 0;
    return writer;
  }

  public HeadWriter bytes(byte[] text) {
    ensure(text.length);
    System.arraycopy(text, 0, bytes, length, text.length);
    length += text.length;
    return this;
  }

  /**
   * Text of our own that is ASCII by construction (ids, numbers, dates, a checked method or target):
   * copied as it is, in bulk, with nothing to check.
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): each character's low byte, exact for ASCII
  public HeadWriter ascii(String text) {
    int n = text.length();
    ensure(n);
    text.getBytes(0, n, bytes, length);
    length += n;
    return this;
  }

  /** UTF-8 text of our own (a request target). */
  public HeadWriter utf8(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
      }
    }
    return ascii(text);
  }

  /**
   * {@code name: value CRLF}; a character of the value above U+00FF goes out as {@code ?}.
   *
   * @throws Invalid when the name is not a token or the value holds a control character but HTAB
   */
  @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): each character's low byte
  public HeadWriter header(String name, String value) {
    int n = name.length();
    int v = value.length();
    if (!isToken(name)) {
      throw new Invalid("header name " + printable(name) + " (expected: a token)");
    }
    // Checked first, copied in bulk after: the loop only reads, and most values are Latin-1.
    boolean clean = true;
    char widest = 0;
    for (int i = 0; i < v; i++) {
      char c = value.charAt(i);
      clean &= (c >= 0x20 || c == '\t') && c != 0x7F;
      widest |= c;
    }
    if (!clean) {
      throw new Invalid("header " + name + ": a control character in its value");
    }
    ensure(n + v + 4);
    byte[] out = bytes;
    int at = length;
    name.getBytes(0, n, out, at);
    at += n;
    out[at++] = ':';
    out[at++] = ' ';
    value.getBytes(0, v, out, at);
    if (widest > 0xFF) {
      for (int i = 0; i < v; i++) {
        if (value.charAt(i) > 0xFF) {
          out[at + i] = '?';
        }
      }
    }
    at += v;
    out[at++] = '\r';
    out[at++] = '\n';
    length = at;
    return this;
  }

  /** A header of our own, name and value ASCII by construction (ids, dates, lengths): nothing to check. */
  public HeadWriter trusted(String name, String value) {
    ensure(name.length() + value.length() + 4);
    ascii(name);
    bytes[length++] = ':';
    bytes[length++] = ' ';
    ascii(value);
    bytes[length++] = '\r';
    bytes[length++] = '\n';
    return this;
  }

  public HeadWriter crlf() {
    ensure(2);
    bytes[length++] = '\r';
    bytes[length++] = '\n';
    return this;
  }

  /** The head in a new buffer with room for {@code bodyBytes} more. */
  public ByteBuf toBuffer(ByteBufAllocator alloc, int bodyBytes) {
    return alloc.buffer(length + bodyBytes).writeBytes(bytes, 0, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

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

  /** {@code text} with every character outside visible ASCII as {@code ?}: safe to put in a message or a log. */
  public static String printable(String text) {
    return text.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
