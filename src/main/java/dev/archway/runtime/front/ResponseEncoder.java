package dev.archway.runtime.front;

import dev.archway.integration.HeadWriter;
import dev.archway.integration.HeadWriter.Invalid;
import dev.archway.runtime.HttpDate;
import dev.archway.runtime.MethodResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Writes an answer as HTTP/1.1 bytes, head and body in one buffer (one write, one copy of the
 * body). Framing is always ours: the response's own Content-Length, Transfer-Encoding and
 * Connection are replaced by the body's length and {@code Connection: keep-alive} or
 * {@code close}. Every header name and value is checked, since mappings and Lambda functions
 * make them: a CR or LF would split the response ({@link Invalid}).
 */
final class ResponseEncoder {
  private static final byte[] KEEP_ALIVE = "Connection: keep-alive\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[][] STATUS_LINES = new byte[600][];
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  static {
    for (int code = 100; code < 600; code++) {
      STATUS_LINES[code] = ("HTTP/1.1 " + code + " " + HttpResponseStatus.valueOf(code).reasonPhrase() + "\r\n")
          .getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private ResponseEncoder() {}

  static ByteBuf continueResponse(ByteBufAllocator alloc) {
    return alloc.buffer(CONTINUE.length).writeBytes(CONTINUE);
  }

  /**
   * @param stamps name/value pairs written in place of the response's headers of those names
   * @param headRequest the request was a HEAD: the length is sent, not the body
   * @throws Invalid naming the header that cannot be written; nothing is allocated
   */
  static ByteBuf encode(ByteBufAllocator alloc, MethodResponse response, String[] stamps, boolean close,
      boolean headRequest) {
    int status = response.statusCode();
    if (status < 100 || status > 599) {
      throw new Invalid("status " + status + " (expected: 100-599)");
    }
    Buffer body = response.body();
    int length = body == null ? 0 : body.length();
    boolean bodyless = status < 200 || status == 204 || status == 304;
    boolean writesBody = !bodyless && !headRequest && length > 0;
    HeadWriter head = HeadWriter.start().bytes(STATUS_LINES[status]);
    Fields fields = new Fields(head, stamps);
    response.headers().forEach(fields);
    for (int i = 0; i < stamps.length; i += 2) {
      head.trusted(stamps[i], stamps[i + 1]); // ours: ids
    }
    if (!fields.hasDate) {
      head.trusted("Date", HttpDate.now());
    }
    if (!bodyless) {
      head.trusted("Content-Length", Integer.toString(length));
    }
    head.bytes(close ? CLOSE : KEEP_ALIVE);
    ByteBuf out = head.toBuffer(alloc, writesBody ? length : 0);
    if (writesBody) {
      out.writeBytes(((BufferInternal) body).getByteBuf());
    }
    return out;
  }

  /** The response's own headers, written as they are visited (no entry objects, unlike a for loop). */
  private static final class Fields implements BiConsumer<String, String> {
    private final HeadWriter head;
    private final String[] stamps;
    private boolean hasDate;

    Fields(HeadWriter head, String[] stamps) {
      this.head = head;
      this.stamps = stamps;
    }

    @Override
    public void accept(String name, String value) {
      if (!isFraming(name) && !stamped(name, stamps)) {
        hasDate |= name.length() == 4 && name.equalsIgnoreCase("Date");
        head.header(name, value);
      }
    }
  }

  /** An answer of our own when no API could make one (malformed request, deadline passed). */
  static ByteBuf plain(ByteBufAllocator alloc, int status, String message) {
    String body = "{\"message\":\"" + message + "\"}";
    ByteBuf out = alloc.buffer(160 + body.length());
    out.writeBytes(STATUS_LINES[status]);
    out.writeCharSequence("Content-Type: application/json\r\nDate: " + HttpDate.now() + "\r\nContent-Length: "
        + body.length() + "\r\nConnection: close\r\n\r\n" + body, StandardCharsets.US_ASCII);
    return out;
  }

  private static boolean isFraming(String name) {
    return switch (name.length()) {
      case 10 -> name.equalsIgnoreCase("Connection") || name.equalsIgnoreCase("Keep-Alive");
      case 14 -> name.equalsIgnoreCase("Content-Length");
      case 17 -> name.equalsIgnoreCase("Transfer-Encoding");
      default -> false;
    };
  }

  private static boolean stamped(String name, String[] stamps) {
    for (int i = 0; i < stamps.length; i += 2) {
      if (stamps[i].length() == name.length() && stamps[i].equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
