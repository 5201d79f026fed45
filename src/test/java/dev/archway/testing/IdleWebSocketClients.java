package dev.archway.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process that opens many idle WebSocket connections (each process may hold 20,000 file
 * descriptors here, so clients and server cannot share one). Arguments: port, path, count. Prints
 * {@code open N} once they are all open, then holds them until its standard input closes.
 */
public final class IdleWebSocketClients {
  private IdleWebSocketClients() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String path = args[1];
    int count = Integer.parseInt(args[2]);
    Vertx vertx = Vertx.vertx();
    var client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(count + 10));
    int batch = 250;
    int open = 0;
    while (open < count) {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < batch && open + i < count; i++) {
        pending.add(client.connect(new WebSocketConnectOptions().setPort(port).setHost("127.0.0.1").setURI(path)));
      }
      Future.all(pending).await();
      open += pending.size();
    }
    System.out.println("open " + open);
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine(); // until stdin closes
    vertx.close().await();
    System.exit(0);
  }
}
