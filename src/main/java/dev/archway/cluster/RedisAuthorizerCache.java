package dev.archway.cluster;

import dev.archway.auth.lambda.AuthorizerCache;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Lambda authorizer results in the Redis every node shares, so an identity authorized through one
 * node is authorized on the others until its TTL ends. Kept as the stage's {@link StageEntries}
 * under {@code archway:authorizers:{apiId}/{stage}}, keyed by deployment, authorizer and the SHA-256
 * of the identity values (a token never appears in a key), so FlushStageAuthorizersCache through any
 * node empties the stage's results for all. While Redis is away or slow, a look-up is a miss (the
 * authorizer is called) and nothing is kept; {@link SharedRedis} logs the outage once.
 */
final class RedisAuthorizerCache<V> implements AuthorizerCache<V> {
  /** A result written larger than this is not shared: its authorizer is called again (Redis holds small values well). */
  static final int MAX_VALUE_BYTES = 64 * 1024;
  private static final byte FORMAT = 1;

  private final SharedRedis redis;
  private final Codec<V> codec;

  RedisAuthorizerCache(SharedRedis redis, Codec<V> codec) {
    this.redis = redis;
    this.codec = codec;
  }

  @Override
  public Future<V> get(Key key) {
    return entries(key.apiId(), key.stage()).get(entry(key)).map(found -> found == null ? null : decode(found));
  }

  @Override
  public void put(Key key, V value, Duration ttl) {
    Buffer encoded = encode(value);
    if (encoded.length() <= MAX_VALUE_BYTES) {
      entries(key.apiId(), key.stage()).put(entry(key), encoded, ttl);
    }
  }

  @Override
  public Future<Void> flush(String apiId, String stage) {
    return entries(apiId, stage).flush("FlushStageAuthorizersCache");
  }

  private StageEntries entries(String apiId, String stage) {
    return new StageEntries(redis, "archway:authorizers:" + apiId + "/" + stage);
  }

  /** {@code deploymentId:authorizerId:sha256(identity)}, each value length-prefixed so no two identities hash alike. */
  static String entry(Key key) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (String value : key.identity()) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      sha256.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
          (byte) bytes.length});
      sha256.update(bytes);
    }
    return key.deploymentId() + ":" + key.authorizerId() + ":" + HexFormat.of().formatHex(sha256.digest());
  }

  Buffer encode(V value) {
    return Buffer.buffer().appendByte(FORMAT).appendBuffer(codec.write().apply(value));
  }

  /** The value as it was written, or null (a miss) for what this version cannot read. */
  V decode(Buffer found) {
    if (found.length() < 1 || found.getByte(0) != FORMAT) {
      return null;
    }
    try {
      return codec.read().apply(found.slice(1, found.length()));
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "RedisAuthorizerCache(" + redis + ")";
  }
}
