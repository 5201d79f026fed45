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
  public final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
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

  public WebSocketClient send(String text) throws Exception {
    socket.sendText(text, true).get(10, TimeUnit.SECONDS);
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
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }
}
