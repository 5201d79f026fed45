package dev.archway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the leak check can fail: a buffer dropped without release must show up in
 * {@link LeakReports#detect()}. The test takes the report itself, so {@link NoLeaks} sees nothing.
 */
class LeakReportsTest {
  private static final String HINT = "deliberately leaked by LeakReportsTest";

  @Test
  void aBufferDroppedWithoutReleaseIsReported() {
    leakOneBuffer();
    List<String> reports = new ArrayList<>();
    // a GC usually suffices at once; awaited because the JVM may enqueue the reference a bit later
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      reports.addAll(LeakReports.detect());
      return !reports.isEmpty();
    });
    // the hint is one of Netty's access records, so the report is ours; anything else is a real leak
    assertThat(reports).singleElement().asString()
        .contains("LEAK: ByteBuf.release() was not called")
        .contains(HINT);
  }

  private static void leakOneBuffer() {
    ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(16);
    buffer.writeInt(42);
    buffer.touch(HINT);
  }
}
