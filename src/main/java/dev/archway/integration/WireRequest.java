package dev.archway.integration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;

/**
 * A backend request as it goes on the wire: request line, the caller's headers (checked as they
 * are written: mapped values may carry CR or LF, and no header may be injected), Host when the
 * caller set none, the body's length, the body. Written once into one buffer, which a retry sends
 * again; a large body is not copied but joined to the head. The framing is always ours: the
 * caller's Content-Length and Transfer-Encoding are not sent.
 *
 * @param bytes released by whoever owns the request (the call), when it ends
 */
record WireRequest(String method, ByteBuf bytes) {
  /** Bodies up to this size are copied behind the head: one buffer, one write. */
  static final int INLINE_BODY_BYTES = 16 * 1024;
  private static final byte[] HTTP_1_1 = " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * @param target the request target in origin form ({@code /path?query})
   * @throws HeadWriter.Invalid when the method, the target or a header cannot be sent
   */
  static WireRequest encode(ByteBufAllocator alloc, BackendRequest request, Origin origin, String target) {
    String method = request.method();
    if (!HeadWriter.isToken(method)) {
      throw new HeadWriter.Invalid("method " + HeadWriter.printable(method) + " (expected: a token)");
    }
    checkTarget(target);
    HeadWriter head = HeadWriter.start().ascii(method).ascii(" ").utf8(target).bytes(HTTP_1_1);
    request.headers().forEach((name, value) -> { // no entry objects, unlike a for loop
      if (!isFraming(name)) {
        head.header(name, value);
      }
    });
    if (!request.headers().contains("host")) {
      head.header("host", origin.hostHeader()); // from the integration URI: checked
    }
    ByteBuf content = request.body().length() == 0 ? Unpooled.EMPTY_BUFFER : ((BufferInternal) request.body()).getByteBuf();
    int length = content.readableBytes();
    if (length > 0 || carriesBody(method)) {
      head.trusted("content-length", Integer.toString(length));
    }
    head.crlf();
    if (length <= INLINE_BODY_BYTES) {
      return new WireRequest(method, head.toBuffer(alloc, length).writeBytes(content, content.readerIndex(), length));
    }
    return new WireRequest(method, Unpooled.wrappedBuffer(head.toBuffer(alloc, 0), content.retainedSlice()));
  }

  /** A target with a space or a control character would break the request line. */
  private static void checkTarget(String target) {
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= ' ' || c == 0x7F) {
        throw new HeadWriter.Invalid("request target " + HeadWriter.printable(target)
            + " (expected: no space or control character)");
      }
    }
  }

  private static boolean isFraming(String name) {
    return switch (name.length()) {
      case 14 -> name.equalsIgnoreCase("content-length");
      case 17 -> name.equalsIgnoreCase("transfer-encoding");
      default -> false;
    };
  }

  private static boolean carriesBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** Whether a second sending cannot change anything (RFC 9110 9.2.2): such a request may be retried. */
  boolean idempotent() {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE" -> true;
      default -> false;
    };
  }
}
