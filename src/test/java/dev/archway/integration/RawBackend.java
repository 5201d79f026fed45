package dev.archway.integration;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend that speaks raw bytes, for answers a well-behaved server never sends (1xx first, a
 * close-delimited body, a stall mid-body, a lie about the length). Each accepted connection runs
 * on its own thread, reads requests one after another and hands each to the test's {@link Script};
 * every request head is recorded exactly as it arrived.
 */
final class RawBackend implements AutoCloseable {

  /** What the backend does with one request; it may answer, stall, close, or do several. */
  @FunctionalInterface
  interface Script {
    void answer(Connection connection, Request request) throws IOException;
  }

  /** A request as received: its head (request line and headers, CRLF-separated) and its body. */
  record Request(String head, String body) {
    String path() {
      return head.split(" ", 3)[1];
    }

    /** The value of the first header named {@code name} (any case), or null. */
    String header(String name) {
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }
  }

  /** One accepted connection, numbered from 1 in accept order. */
  final class Connection {
    final int number;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private boolean closedHere;

    private Connection(int number, Socket socket) throws IOException {
      this.number = number;
      this.socket = socket;
      this.in = new BufferedInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    void write(String ascii) throws IOException {
      write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }

    /** A complete keep-alive answer with a Content-Length. */
    void ok(String body) throws IOException {
      write("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    }

    void close() throws IOException {
      closedHere = true;
      socket.close();
    }

    /** Sends FIN and keeps reading: the client's own close then shows in {@link #closedByClient()}. */
    void shutdownOutput() throws IOException {
      closedHere = true;
      socket.shutdownOutput();
      awaitClientClose();
    }

    /** Stalls, reading and dropping whatever comes, until the client closes (or resets) the connection. */
    void awaitClientClose() throws IOException {
      try {
        while (in.read() >= 0) {
          // discard
        }
      } catch (IOException reset) {
        // the client's close, abrupt
      }
      closedHere = true;
      closedByClient.incrementAndGet();
      socket.close();
    }
  }

  private final ServerSocket server;
  private final Script script;
  private final ExecutorService threads = Executors.newCachedThreadPool(run -> {
    Thread thread = new Thread(run, "raw-backend");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger closedByClient = new AtomicInteger();

  private RawBackend(ServerSocket server, Script script) {
    this.server = server;
    this.script = script;
  }

  static RawBackend start(Script script) throws IOException {
    RawBackend backend = new RawBackend(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    backend.threads.execute(backend::accept);
    return backend;
  }

  int port() {
    return server.getLocalPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  /** Connections accepted so far. */
  int connections() {
    return accepted.get();
  }

  /** Connections the client closed (end of stream or reset seen by the backend). */
  int closedByClient() {
    return closedByClient.get();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        Connection connection = new Connection(accepted.incrementAndGet(), socket);
        threads.execute(() -> serve(connection));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Connection connection) {
    try {
      while (!connection.socket.isClosed()) {
        String head = readHead(connection.in);
        if (head == null) {
          closedByClient.incrementAndGet();
          return;
        }
        Request request = new Request(head, readBody(connection.in, head));
        requests.add(request);
        script.answer(connection, request);
      }
    } catch (IOException e) {
      if (!connection.closedHere && !server.isClosed()) {
        closedByClient.incrementAndGet(); // reset by the client, or a write to a connection it closed
      }
    }
  }

  /** The head up to (not including) the blank line, or null at end of stream before any byte. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
    }
    if (head.size() == 0) {
      return null;
    }
    throw new IOException("end of stream inside a request head");
  }

  private static String readBody(InputStream in, String head) throws IOException {
    String length = new Request(head, "").header("Content-Length");
    if (length == null) {
      return "";
    }
    byte[] body = in.readNBytes(Integer.parseInt(length));
    return new String(body, StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
