import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * WebSocket load for bench/run.sh (JDK only, run as a source file): CONNECTIONS clients each send
 * MESSAGE, wait for the reply, and send again, for SECONDS. Prints "messages N seconds S rate R errors E".
 * Usage: java WsEcho.java ws://host:port/path CONNECTIONS SECONDS MESSAGE
 */
public final class WsEcho {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    String message = args[3];
    HttpClient http = HttpClient.newHttpClient();
    AtomicLong replies = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      sockets.add(http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onOpen(WebSocket socket) {
          socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
          text.append(data);
          if (last) {
            if (text.indexOf("\"message\"") >= 0 && text.indexOf("connectionId") >= 0) {
              errors.incrementAndGet(); // an error frame, not a reply
            }
            text.setLength(0);
            replies.incrementAndGet();
            if (running.get()) {
              socket.sendText(message, true);
            }
          }
          socket.request(1);
          return null;
        }
      }).get(10, TimeUnit.SECONDS));
    }
    long start = System.nanoTime();
    for (WebSocket socket : sockets) {
      socket.sendText(message, true);
    }
    Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
    running.set(false);
    long count = replies.get();
    double elapsed = (System.nanoTime() - start) / 1e9;
    for (WebSocket socket : sockets) {
      socket.abort();
    }
    System.out.printf("messages %d seconds %.1f rate %.0f errors %d%n", count, elapsed, count / elapsed, errors.get());
    CompletableFuture.runAsync(() -> {}).get();
    System.exit(0);
  }
}
