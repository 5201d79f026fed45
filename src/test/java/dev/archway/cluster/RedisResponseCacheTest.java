package dev.archway.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.cache.CachedResponse;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the stage cache writes to Redis reads back as it was: any body bytes, repeated and non-ASCII headers. */
class RedisResponseCacheTest {

  @Test
  void anAnswerReadsBackByteForByte() {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    CachedResponse response = new CachedResponse(203,
        List.of(Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"), Map.entry("X-Name", "Zoë ✓"), Map.entry("Empty", "")),
        body);

    CachedResponse read = RedisResponseCache.decode(RedisResponseCache.encode(response));

    assertThat(read.statusCode()).isEqualTo(203);
    assertThat(read.headers()).isEqualTo(response.headers());
    assertThat(read.body()).isEqualTo(body);
  }

  @Test
  void whatIsNotAnEntryOfThisFormatIsAMiss() {
    assertThat(RedisResponseCache.decode(Buffer.buffer("not an entry"))).isNull();
    assertThat(RedisResponseCache.decode(Buffer.buffer())).isNull();
  }
}
