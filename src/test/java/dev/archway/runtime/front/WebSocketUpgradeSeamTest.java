package dev.archway.runtime.front;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.runtime.ExecuteLimits;
import dev.archway.runtime.ExecuteServer;
import dev.archway.runtime.FrontDoor;
import dev.archway.runtime.RequestLogSink;
import dev.archway.runtime.httpapi.HttpApiLookup;
import dev.archway.testing.RawHttp;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.vertx.core.Vertx;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seam the WebSocket APIs plug into: a {@link WebSocketUpgrade} that takes a request gets the
 * connection (its handlers see every byte after the head, those read with it included); one that
 * declines leaves the request to the REST and HTTP APIs, as any other.
 */
class WebSocketUpgradeSeamTest {
  static Vertx vertx;
  static ExecuteServer server;

  /** Takes {@code /ws}: answers 101 and echoes every byte that follows. */
  static final WebSocketUpgrade ECHO = (head, channel) -> {
    if (!head.path().equals("/ws")) {
      return false;
    }
    channel.writeAndFlush(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\n"
        + "Connection: Upgrade\r\n\r\n", StandardCharsets.US_ASCII));
    channel.pipeline().addLast("echo", new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object message) {
        ctx.writeAndFlush(message);
      }
    });
    return true;
  };

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    server = ExecuteServer.start(vertx, "127.0.0.1", 0,
        new FrontDoor((api, stage) -> null, HttpApiLookup.NONE, ExecuteLimits.AWS, RequestLogSink.NONE), 1, ECHO)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void anUpgradeTakenHandsTheConnectionAndItsLaterBytesOver() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      // The first frame travels with the head: it must reach the new handlers, not the HTTP parser.
      socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: h\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nhello")
          .getBytes(StandardCharsets.US_ASCII));
      String expected = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nhello";
      InputStream in = socket.getInputStream();
      assertThat(new String(in.readNBytes(expected.length()), StandardCharsets.US_ASCII)).isEqualTo(expected);
      socket.getOutputStream().write(" again".getBytes(StandardCharsets.US_ASCII));
      assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo(" again");
    }
  }

  @Test
  void anUpgradeDeclinedIsServedAsAnyRequest() throws Exception {
    try (RawHttp client = new RawHttp(server.port())) {
      RawHttp.Answer answer = client.send("GET /other HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
          .read();
      assertThat(answer.status()).isEqualTo(403);
      assertThat(answer.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }
  }
}
