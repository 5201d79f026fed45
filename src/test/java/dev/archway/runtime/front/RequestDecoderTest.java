package dev.archway.runtime.front;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.runtime.front.RequestDecoder.Malformed;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request decoder on its own: the same requests however the bytes are split across reads
 * (every two-piece split, one byte at a time), pipelined requests held until the one before is
 * answered, and the size limits at their exact edge.
 */
class RequestDecoderTest {
  static final String PIPELINED = "POST /a?x=1 HTTP/1.1\r\nHost: h:8080\r\nContent-Length: 5\r\n\r\nhello"
      + "PUT /b HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n2\r\nde\r\n0\r\nT: v\r\n\r\n"
      + "\r\nGET http://other.example:8080/c/d?q HTTP/1.1\r\nHost: h\r\nX-Value:  spaced out \t\r\n\r\n";
  static final List<String> EXPECTED = List.of(
      "POST /a ?x=1 host=h:8080 length=5 keepAlive", "body hello", "END",
      "PUT /b ?null host=h length=-1 keepAlive", "body abcde", "END",
      "GET /c/d ?q host=other.example:8080 length=0 keepAlive x-value=[spaced out]", "END");

  @Test
  void requestsReadAtOnceArePipelinedInOrder() {
    assertThat(decode(PIPELINED, PIPELINED.length())).isEqualTo(EXPECTED);
  }

  @Test
  void everyTwoPieceSplitReadsTheSame() {
    for (int cut = 1; cut < PIPELINED.length(); cut++) {
      assertThat(decode(PIPELINED, cut)).as("split at " + cut).isEqualTo(EXPECTED);
    }
  }

  @Test
  void oneByteAtATimeReadsTheSame() {
    assertThat(decode(PIPELINED, 1)).isEqualTo(EXPECTED);
  }

  @Test
  void aPipelinedRequestWaitsUntilTheOneBeforeIsAnswered() {
    Recorder recorder = new Recorder(false);
    RequestDecoder decoder = new RequestDecoder(10_240, 10_240);
    EmbeddedChannel channel = new EmbeddedChannel(decoder, recorder);
    channel.writeInbound(bytes("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n"));
    assertThat(recorder.events).hasSize(2).first().asString().startsWith("GET /1");
    assertThat(decoder.headStartedNanos()).isZero(); // not reading a head: serving one
    decoder.resume();
    assertThat(recorder.events).hasSize(4).element(2).asString().startsWith("GET /2");
    channel.finishAndReleaseAll();
  }

  @Test
  void theHeadDeadlineStartsWithTheHeadsFirstByte() {
    RequestDecoder decoder = new RequestDecoder(10_240, 10_240);
    EmbeddedChannel channel = new EmbeddedChannel(decoder, new Recorder(true));
    assertThat(decoder.headStartedNanos()).isZero();
    channel.writeInbound(bytes("G"));
    assertThat(decoder.headStartedNanos()).isNotZero();
    channel.finishAndReleaseAll();
  }

  @Test
  void limitsHoldToTheByte() {
    String line = "GET /" + "a".repeat(10_240 - "GET / HTTP/1.1".length()) + " HTTP/1.1\r\n";
    assertThat(decode(line + "Host: h\r\n\r\n", Integer.MAX_VALUE)).last().isEqualTo("END");
    assertThat(decode(line.replace("GET /", "GET /a") + "Host: h\r\n\r\n", Integer.MAX_VALUE)).containsExactly("414");
    String fields = "Host: h\r\nX: " + "b".repeat(10_240 - "Host: h\r\nX: ".length() - 2) + "\r\n";
    assertThat(decode("GET / HTTP/1.1\r\n" + fields + "\r\n", Integer.MAX_VALUE)).last().isEqualTo("END");
    assertThat(decode("GET / HTTP/1.1\r\n" + fields.replace("X: ", "X: b") + "\r\n", Integer.MAX_VALUE))
        .containsExactly("431");
    assertThat(decode("GET / HTTP/1.1\r\n" + fields.replace("X: ", "X: bbb"), 100)).as("not even complete").containsExactly("431");
  }

  @Test
  void chunkSizesUpToSixteenDigitsThatFitALongAreRead() {
    ByteBuf line = bytes("7fffffffffffffff\r\n");
    assertThat(RequestDecoder.chunkSize(line, 0, line.readableBytes() - 1)).isEqualTo(Long.MAX_VALUE);
    line.release();
    for (String refused : List.of("8000000000000000\r\n", "00000000000000001\r\n", "\r\n", "g\r\n", "1 x\r\n", "1\n")) {
      ByteBuf bad = bytes(refused);
      assertThat(RequestDecoder.chunkSize(bad, 0, bad.readableBytes() - 1)).as(refused).isEqualTo(-1);
      bad.release();
    }
  }

  /** The events of decoding {@code input} fed in pieces of {@code piece} bytes (the first cut at {@code piece}, then the rest). */
  private static List<String> decode(String input, int piece) {
    Recorder recorder = new Recorder(true);
    EmbeddedChannel channel = new EmbeddedChannel(new RequestDecoder(10_240, 10_240), recorder);
    if (piece == 1) {
      for (int i = 0; i < input.length(); i++) {
        channel.writeInbound(bytes(input.substring(i, i + 1)));
      }
    } else {
      int cut = Math.min(piece, input.length());
      channel.writeInbound(bytes(input.substring(0, cut)));
      if (cut < input.length()) {
        channel.writeInbound(bytes(input.substring(cut)));
      }
    }
    channel.finishAndReleaseAll();
    return recorder.joined();
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes down what the decoder emits; answers each request at once when {@code resume}. */
  static final class Recorder extends ChannelInboundHandlerAdapter {
    final List<String> events = new ArrayList<>();
    private final boolean resume;

    Recorder(boolean resume) {
      this.resume = resume;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
      if (message instanceof RequestHead head) {
        String value = head.headers().get("X-Value");
        events.add(head.method() + " " + head.path() + " ?" + head.rawQuery() + " host=" + head.host() + " length="
            + head.contentLength() + (head.keepAlive() ? " keepAlive" : "") + (value == null ? "" : " x-value=[" + value + "]"));
      } else if (message instanceof ByteBuf body) {
        events.add("body " + body.toString(StandardCharsets.ISO_8859_1));
        body.release();
      } else if (message == RequestDecoder.END) {
        events.add("END");
        if (resume) {
          ctx.pipeline().get(RequestDecoder.class).resume();
        }
      } else if (message instanceof Malformed malformed) {
        events.add(String.valueOf(malformed.status()));
      }
    }

    /** Body pieces of one request joined: how the bytes were split does not matter. */
    List<String> joined() {
      List<String> out = new ArrayList<>();
      for (String event : events) {
        if (event.startsWith("body ") && !out.isEmpty() && out.get(out.size() - 1).startsWith("body ")) {
          out.set(out.size() - 1, out.get(out.size() - 1) + event.substring(5));
        } else {
          out.add(event);
        }
      }
      return out;
    }
  }
}
