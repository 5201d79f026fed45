package dev.archway.auth.jwt;

import dev.archway.integration.EgressPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * GETs OpenID discovery documents and JWKS with AWS's bounds: one deadline for the whole
 * exchange (1,500 ms), at most 150,000 bytes, 200 only, redirects never followed, and only to an
 * address the {@link EgressPolicy} allows (resolved once, connected to as checked). On the Vert.x
 * client: nothing blocks. Shared by every issuer of a server.
 */
public final class JwksFetcher {
  public static final long TIMEOUT_MILLIS = 1_500;
  public static final int MAX_BYTES = 150_000;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final long timeoutMillis;
  private final Supplier<EgressPolicy> egress;

  private JwksFetcher(Vertx vertx, HttpClientAgent client, long timeoutMillis, Supplier<EgressPolicy> egress) {
    this.vertx = vertx;
    this.client = client;
    this.timeoutMillis = timeoutMillis;
    this.egress = egress;
  }

  /** With the default egress policy and no management listener to protect (tests of the fetcher alone). */
  public static JwksFetcher create(Vertx vertx) {
    return create(vertx, () -> EgressPolicy.DEFAULT);
  }

  /** @param egress the egress policy in force, read on every fetch */
  public static JwksFetcher create(Vertx vertx, Supplier<EgressPolicy> egress) {
    HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false);
    return new JwksFetcher(vertx, vertx.httpClientBuilder().with(options).build(), TIMEOUT_MILLIS, egress);
  }

  /** Fails with {@link KeysUnavailableException} saying why, never with a half-read document. */
  public Future<Buffer> get(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      return Future.failedFuture(new KeysUnavailableException(uri + ": not an absolute http(s) URL"));
    }
    Promise<Buffer> result = Promise.promise();
    AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
    long timer = vertx.setTimer(timeoutMillis, id -> {
      if (result.tryFail(new KeysUnavailableException(uri + ": no complete answer within " + timeoutMillis + " ms"))) {
        reset(inFlight.get());
      }
    });
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
        .setFollowRedirects(false).putHeader("Accept", "application/json");
    options.setConnectTimeout(timeoutMillis);
    checkedAddress(uri, options.getPort()).compose(address -> {
      options.setServer(SocketAddress.inetSocketAddress(address)); // connect to the address checked, not a second look-up
      return client.request(options);
    }).compose(request -> {
      inFlight.set(request);
      return request.send();
    }).onFailure(e -> result.tryFail(e instanceof KeysUnavailableException k ? k : new KeysUnavailableException(uri + ": " + e.getMessage())))
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            result.tryFail(new KeysUnavailableException(uri + ": answered " + response.statusCode() + " (expected: 200)"));
            reset(inFlight.get());
            return;
          }
          Buffer body = Buffer.buffer();
          response.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BYTES) {
              if (result.tryFail(new KeysUnavailableException(uri + ": larger than " + MAX_BYTES + " bytes"))) {
                reset(inFlight.get());
              }
              return;
            }
            body.appendBuffer(chunk);
          });
          response.exceptionHandler(e -> result.tryFail(new KeysUnavailableException(uri + ": " + e.getMessage())));
          response.endHandler(v -> result.tryComplete(body));
        });
    return result.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  /** The host resolved once, and allowed by the egress policy. */
  private Future<InetSocketAddress> checkedAddress(URI uri, int port) {
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    String refused = egress.get().refusal(host);
    if (refused != null) {
      return Future.failedFuture(new KeysUnavailableException(uri + ": egress refused: " + refused));
    }
    return ((VertxInternal) vertx).nameResolver().resolve(host).compose(ip -> {
      InetSocketAddress address = new InetSocketAddress(ip, port);
      String reason = egress.get().refusal(address);
      return reason == null ? Future.succeededFuture(address)
          : Future.failedFuture(new KeysUnavailableException(uri + ": egress refused: " + reason));
    });
  }

  private static void reset(HttpClientRequest request) {
    if (request != null) {
      request.reset();
    }
  }

  public Future<Void> close() {
    return client.close();
  }

  @Override
  public String toString() {
    return "JwksFetcher(timeout=" + timeoutMillis + "ms, max=" + MAX_BYTES + " bytes, no redirects)";
  }
}
