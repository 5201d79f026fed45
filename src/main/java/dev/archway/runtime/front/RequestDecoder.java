package dev.archway.runtime.front;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * The execute listener's HTTP/1.1 request parser: bytes in, then for each request one
 * {@link RequestHead}, its body as {@link ByteBuf} slices (to be released by the reader) and
 * {@link #END}; or one {@link Malformed} after which nothing more is read.
 *
 * <p>Strict where Netty's own decoder is lenient (AWS-BEHAVIOUR D.4, RFC 9112): Netty drops a
 * Content-Length sent with Transfer-Encoding, honours {@code chunked, x}, joins obs-fold lines and
 * lets a 17-digit chunk size overflow, and offers no hook to refuse any of it; every one of these
 * lets a request that reached us split differently on the way to a backend. Here the head is
 * parsed by {@link HeadParser} and the framing decided by {@link Framing}; this class keeps the
 * body's boundaries. A request is decoded only when the one before it was answered
 * ({@link #resume}): answers leave in order, and a client that pipelines cannot make us buffer
 * without bound (reading stops while more than {@link #PAUSED_READ_LIMIT} bytes wait).
 */
public final class RequestDecoder extends ByteToMessageDecoder {
  /** Follows the last body byte of a request (at once for a request without a body). */
  public static final Object END = new Object() {
    @Override
    public String toString() {
      return "END";
    }
  };

  /** What the client sent cannot be read as HTTP/1.1: answer {@code status} and close. */
  public record Malformed(int status, String reason) {}

  /** Bytes of pipelined requests kept while one is served; past this the socket is not read. */
  static final int PAUSED_READ_LIMIT = 64 * 1024;
  /** A chunk-size line with its extensions; real ones are a few bytes. */
  private static final int MAX_CHUNK_LINE = 1024;
  private static final int MAX_CHUNK_SIZE_DIGITS = 16;

  private enum State { HEAD, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, PAUSED, FAILED }

  private final HeadParser parser;
  private final int maxRequestLine;
  private final int maxHeaderBytes;
  private ChannelHandlerContext context;
  private State state = State.HEAD;
  /** Bytes of the head (from the reader index) already searched for its end. */
  private int scanned;
  private int requestLineBytes;
  private long headStartedNanos;
  /** Body bytes still to come: of a fixed-length body, or of the current chunk. */
  private long remaining;
  private int trailerBytes;
  private boolean decoding;
  private boolean stoppedReading;

  public RequestDecoder(int maxRequestLine, int maxHeaderBytes) {
    this.parser = new HeadParser();
    this.maxRequestLine = maxRequestLine;
    this.maxHeaderBytes = maxHeaderBytes;
  }

  /** When the first byte of the head being read arrived ({@link System#nanoTime()}), or 0 when none has. */
  public long headStartedNanos() {
    return state == State.HEAD ? headStartedNanos : 0;
  }

  /** The answer to the last request left: decode the next one (pipelined bytes first). */
  public void resume() {
    if (state != State.PAUSED) {
      return;
    }
    state = State.HEAD;
    headStartedNanos = 0;
    scanned = 0;
    requestLineBytes = 0;
    if (stoppedReading) {
      stoppedReading = false;
      context.channel().config().setAutoRead(true);
    }
    if (!decoding && internalBuffer().isReadable()) {
      // Runs the decoder over what is already buffered, as if it had just arrived.
      context.pipeline().fireChannelRead(Unpooled.EMPTY_BUFFER);
    }
  }

  /** Reads on and drops everything from now on: the connection is closing. */
  public void discard() {
    state = State.FAILED;
    if (stoppedReading) {
      stoppedReading = false;
      context.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
    decoding = true;
    try {
      super.channelRead(ctx, message);
    } finally {
      decoding = false;
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    switch (state) {
      case HEAD -> head(in, out);
      case FIXED -> body(in, out);
      case CHUNK_SIZE -> chunkSize(in, out);
      case CHUNK_DATA -> body(in, out);
      case CHUNK_END -> chunkEnd(in, out);
      case TRAILERS -> trailers(in, out);
      case PAUSED -> {
        if (in.readableBytes() > PAUSED_READ_LIMIT && !stoppedReading) {
          stoppedReading = true;
          ctx.channel().config().setAutoRead(false);
        }
      }
      case FAILED -> in.skipBytes(in.readableBytes());
    }
  }

  private void head(ByteBuf in, List<Object> out) {
    if (headStartedNanos == 0) {
      headStartedNanos = System.nanoTime();
    }
    int start = in.readerIndex();
    int end = in.writerIndex();
    while (scanned == 0 && end - start >= 2 && in.getByte(start) == '\r' && in.getByte(start + 1) == '\n') {
      in.skipBytes(2); // empty lines before a request line are ignored (RFC 9112 2.2)
      start += 2;
    }
    int lineStart = start + scanned;
    while (true) {
      int lf = in.indexOf(lineStart, end, (byte) '\n');
      if (lf < 0) {
        scanned = lineStart - start;
        Malformed tooLong = tooLong(end - start, scanned == 0);
        if (tooLong != null) {
          fail(in, out, tooLong);
        }
        return;
      }
      if (lineStart == start) {
        requestLineBytes = lf + 1 - start;
      }
      Malformed tooLong = tooLong(lf + 1 - start, lineStart == start);
      if (tooLong != null) {
        fail(in, out, tooLong);
        return;
      }
      if (lineStart > start && (lf == lineStart || lf == lineStart + 1 && in.getByte(lineStart) == '\r')) {
        Object head = parser.parse(in, start, lf + 1 - start, requestLineBytes, headStartedNanos);
        in.skipBytes(lf + 1 - start);
        if (head instanceof Malformed malformed) {
          fail(in, out, malformed);
          return;
        }
        out.add(head);
        begin((RequestHead) head, out);
        return;
      }
      lineStart = lf + 1;
    }
  }

  /** 414 for a request line over its limit, 431 for header fields over theirs (each with its CRLF). */
  private Malformed tooLong(int headBytes, boolean inRequestLine) {
    if (inRequestLine) {
      return headBytes > maxRequestLine + 2 ? new Malformed(414, "request line over " + maxRequestLine + " bytes") : null;
    }
    return headBytes - requestLineBytes > maxHeaderBytes + 2
        ? new Malformed(431, "header fields over " + maxHeaderBytes + " bytes") : null;
  }

  private void begin(RequestHead head, List<Object> out) {
    if (head.contentLength() == RequestHead.CHUNKED) {
      state = State.CHUNK_SIZE;
    } else if (head.contentLength() > 0) {
      remaining = head.contentLength();
      state = State.FIXED;
    } else {
      end(out);
    }
  }

  private void body(ByteBuf in, List<Object> out) {
    int n = (int) Math.min(remaining, in.readableBytes());
    out.add(in.readRetainedSlice(n));
    remaining -= n;
    if (remaining > 0) {
      return;
    }
    if (state == State.FIXED) {
      end(out);
    } else {
      state = State.CHUNK_END;
    }
  }

  private void chunkSize(ByteBuf in, List<Object> out) {
    int start = in.readerIndex();
    int lf = in.indexOf(start, Math.min(in.writerIndex(), start + MAX_CHUNK_LINE), (byte) '\n');
    if (lf < 0) {
      if (in.readableBytes() >= MAX_CHUNK_LINE) {
        fail(in, out, new Malformed(400, "chunk size line over " + MAX_CHUNK_LINE + " bytes"));
      }
      return;
    }
    long size = chunkSize(in, start, lf);
    if (size < 0) {
      fail(in, out, new Malformed(400, "malformed chunk size line"));
      return;
    }
    in.skipBytes(lf + 1 - start);
    if (size == 0) {
      trailerBytes = 0;
      state = State.TRAILERS;
    } else {
      remaining = size;
      state = State.CHUNK_DATA;
    }
  }

  /**
   * {@code 1*16HEXDIG [ BWS ";" chunk-ext ] CRLF}; -1 when the line is not that, the size has more
   * than 16 digits or does not fit a signed long (Netty read {@code 10000000000000002} as 2).
   */
  static long chunkSize(ByteBuf in, int start, int lf) {
    if (lf == start || in.getByte(lf - 1) != '\r') {
      return -1;
    }
    int end = lf - 1;
    long size = 0;
    int i = start;
    for (; i < end; i++) {
      int digit = hex(in.getByte(i));
      if (digit < 0) {
        break;
      }
      if (i - start == MAX_CHUNK_SIZE_DIGITS || (size >>> 59) != 0) {
        return -1;
      }
      size = size << 4 | digit;
    }
    if (i == start) {
      return -1;
    }
    while (i < end && (in.getByte(i) == ' ' || in.getByte(i) == '\t')) {
      i++;
    }
    if (i < end && in.getByte(i) != ';') {
      return -1;
    }
    for (; i < end; i++) {
      byte b = in.getByte(i);
      if (b != '\t' && (b >= 0 && b < 0x20 || b == 0x7F)) {
        return -1;
      }
    }
    return size;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    return b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
  }

  private void chunkEnd(ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 2) {
      if (in.getByte(in.readerIndex()) != '\r') {
        fail(in, out, new Malformed(400, "chunk data not followed by CRLF"));
      }
      return;
    }
    if (in.readByte() != '\r' || in.readByte() != '\n') {
      fail(in, out, new Malformed(400, "chunk data not followed by CRLF"));
      return;
    }
    state = State.CHUNK_SIZE;
  }

  /** Trailer fields are checked as header fields are, and dropped: requests are re-framed for backends. */
  private void trailers(ByteBuf in, List<Object> out) {
    while (true) {
      int start = in.readerIndex();
      int lf = in.indexOf(start, in.writerIndex(), (byte) '\n');
      if (lf < 0) {
        if (trailerBytes + in.readableBytes() > maxHeaderBytes) {
          fail(in, out, new Malformed(431, "trailer fields over " + maxHeaderBytes + " bytes"));
        }
        return;
      }
      int length = lf + 1 - start;
      trailerBytes += length;
      if (trailerBytes > maxHeaderBytes) {
        fail(in, out, new Malformed(431, "trailer fields over " + maxHeaderBytes + " bytes"));
        return;
      }
      if (length == 2 && in.getByte(start) == '\r') {
        in.skipBytes(2);
        end(out);
        return;
      }
      String problem = parser.checkField(in, start, length);
      if (problem != null) {
        fail(in, out, new Malformed(400, "trailer field: " + problem));
        return;
      }
      in.skipBytes(length);
    }
  }

  private void end(List<Object> out) {
    out.add(END);
    state = State.PAUSED;
  }

  private void fail(ByteBuf in, List<Object> out, Malformed malformed) {
    in.skipBytes(in.readableBytes());
    out.add(malformed);
    state = State.FAILED;
  }
}
