package dev.archway.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A copy of every document of a store in one local file, which a node serves from when it starts
 * while its database cannot be reached. The file is a header line with the SHA-256 of what
 * follows, then the documents (kind, scope, id, body) gzipped; it is written to a temporary file,
 * synced and renamed over the last one, so a crash leaves the old snapshot or the new one. A file
 * whose checksum does not match is refused whole: a corrupt snapshot is never half-served.
 */
public final class StoreSnapshot {
  private static final String MAGIC = "archway-snapshot 1 sha256 ";

  private StoreSnapshot() {}

  /** Writes every document of {@code store} to {@code file}; returns how many. Blocks: worker threads only. */
  public static int write(JdbcStore store, Path file) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    int count;
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(payload))) {
      count = store.read(docs -> {
        int[] n = {0};
        docs.forEachRow((kind, scope, id, body) -> {
          try {
            out.writeBoolean(true);
            writeString(out, kind);
            writeString(out, scope);
            writeString(out, id);
            writeString(out, body);
            n[0]++;
          } catch (IOException e) {
            throw new StoreException("write snapshot " + file, e);
          }
        });
        return n[0];
      });
      out.writeBoolean(false);
    } catch (IOException e) {
      throw new StoreException("write snapshot " + file, e);
    }
    byte[] bytes = payload.toByteArray();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING); OutputStream out = Channels.newOutputStream(channel)) {
        out.write((MAGIC + HexFormat.of().formatHex(sha256(bytes)) + "\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new StoreException("write snapshot " + file, e);
    }
    return count;
  }

  /**
   * The snapshot in {@code file} as a store in memory (read it; nothing written to it goes anywhere).
   *
   * @throws StoreException when the file cannot be read, or is not a whole snapshot (its checksum does not match)
   */
  public static JdbcStore read(Path file) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StoreException("read snapshot " + file, e);
    }
    int newline = indexOf(all, (byte) '\n');
    String header = newline < 0 ? "" : new String(all, 0, newline, StandardCharsets.US_ASCII);
    byte[] payload = newline < 0 ? new byte[0] : Arrays.copyOfRange(all, newline + 1, all.length);
    if (!header.startsWith(MAGIC) || !header.substring(MAGIC.length()).equals(HexFormat.of().formatHex(sha256(payload)))) {
      throw new StoreException("snapshot " + file, new IOException("corrupt (its SHA-256 does not match its contents): refused"));
    }
    JdbcStore memory = JdbcStore.inMemory();
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(payload)))) {
      memory.write(docs -> {
        try {
          while (in.readBoolean()) {
            docs.putRow(readString(in), readString(in), readString(in), readString(in));
          }
        } catch (IOException e) {
          throw new StoreException("read snapshot " + file, e);
        }
        return null;
      });
    } catch (IOException | StoreException e) {
      memory.close();
      throw e instanceof StoreException s ? s : new StoreException("read snapshot " + file, e);
    }
    return memory;
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new EOFException("negative length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length && i < 256; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
