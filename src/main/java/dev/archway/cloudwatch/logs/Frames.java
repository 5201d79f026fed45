package dev.archway.cloudwatch.logs;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiPredicate;
import java.util.zip.CRC32C;

/**
 * The framing of a record in a segment file: length (4 bytes), CRC32C of the payload (4 bytes),
 * then the payload: timestamp (8), ingestion time (8), stream id length (2), stream id, message
 * (UTF-8, the rest). A record cut short by a crash, or whose checksum fails, ends the readable part
 * of the file: it and anything after it are dropped when the segment is opened.
 */
final class Frames {
  static final int HEADER = 8;
  /** 1 MB messages (AWS's limit) plus the fixed fields and a 512-character stream id, with room. */
  static final int MAX_PAYLOAD = 2 * 1024 * 1024;

  private Frames() {}

  static byte[] encode(long timestamp, long ingestionTime, String streamId, String message) {
    byte[] stream = streamId.getBytes(StandardCharsets.UTF_8);
    byte[] text = message.getBytes(StandardCharsets.UTF_8);
    int payload = 8 + 8 + 2 + stream.length + text.length;
    ByteBuffer out = ByteBuffer.allocate(HEADER + payload);
    out.putInt(payload).putInt(0).putLong(timestamp).putLong(ingestionTime).putShort((short) stream.length).put(stream).put(text);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), HEADER, payload);
    out.putInt(4, (int) crc.getValue());
    return out.array();
  }

  /** What {@link #decode(ByteBuffer, long, BiPredicate)} returns for an intact record the caller does not want. */
  static final StoredEvent SKIPPED = new StoredEvent(new EventKey(0, -1, -1), "", 0, "");

  static StoredEvent decode(ByteBuffer in, long segment) {
    return decode(in, segment, (key, stream) -> true);
  }

  /**
   * Decodes the record at the buffer's position, advancing past it; its message is read only when
   * {@code wanted} accepts its key and stream (scans skip most records).
   *
   * @return null when what is there is not a whole, intact record; {@link #SKIPPED} when not wanted
   */
  static StoredEvent decode(ByteBuffer in, long segment, BiPredicate<EventKey, String> wanted) {
    long offset = in.position();
    if (in.remaining() < HEADER) {
      return null;
    }
    int payload = in.getInt();
    int checksum = in.getInt();
    if (payload < 18 || payload > MAX_PAYLOAD || in.remaining() < payload) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(in.array(), in.arrayOffset() + in.position(), payload);
    if ((int) crc.getValue() != checksum) {
      return null;
    }
    long timestamp = in.getLong();
    long ingestion = in.getLong();
    int streamLength = in.getShort() & 0xffff;
    if (streamLength > payload - 18) {
      return null;
    }
    String stream = new String(in.array(), in.arrayOffset() + in.position(), streamLength, StandardCharsets.UTF_8);
    in.position(in.position() + streamLength);
    int textLength = payload - 18 - streamLength;
    EventKey key = new EventKey(timestamp, segment, offset);
    if (!wanted.test(key, stream)) {
      in.position(in.position() + textLength);
      return SKIPPED;
    }
    String message = new String(in.array(), in.arrayOffset() + in.position(), textLength, StandardCharsets.UTF_8);
    in.position(in.position() + textLength);
    return new StoredEvent(key, stream, ingestion, message);
  }
}
