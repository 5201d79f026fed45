package dev.archway.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that records what it receives and how the connection closed. */
public final class WebSocketClient implements WebSocket.Listener {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  public final List<String> messages = new CopyOnWriteArrayList<>();
  /** Binary messages, whole. */
  public final List<byte[]> binaries = new CopyOnWriteArrayList<>();
  public final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final java.io.ByteArrayOutputStream partialBinary = new java.io.ByteArrayOutputStream();
  private WebSocket socket;

  /** Opens a connection; fails (a {@code WebSocketHandshakeException} cause) when the handshake is refused. */
  public static WebSocketClient open(URI uri, String... headers) throws Exception {
    WebSocketClient client = new WebSocketClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    client.socket = builder.buildAsync(uri, client).get(10, TimeUnit.SECONDS);
    return client;
  }

  /** The path-style URL of a WebSocket API's stage on a server's execute listener. */
  public static URI uri(ArchwayServer server, String apiId, String stage) {
    return URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + apiId + "/" + stage + "/_user_request_/");
  }

  /** Sends a message and waits (10 s at most) for the next one the server sends. */
  public String reply(String text) throws Exception {
    int before = messages.size();
    send(text);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> messages.size() > before);
    return messages.get(before);
  }

  public WebSocketClient send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    return this;
  }

  public WebSocketClient sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    return this;
  }

  public WebSocketClient sendPart(String text, boolean last) throws Exception {
    socket.sendText(text, last).get(10, TimeUnit.SECONDS);
    return this;
  }

  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  public void abort() {
    socket.abort();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    partialBinary.writeBytes(bytes);
    if (last) {
      binaries.add(partialBinary.toByteArray());
      partialBinary.reset();
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }
}
