package dev.archway.auth.jwt;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs OpenID discovery documents and JWKS with AWS's bounds: one deadline for the whole
 * exchange (1,500 ms), at most 150,000 bytes, 200 only, redirects never followed. On the Vert.x
 * client: nothing blocks. Shared by every issuer of a server.
 */
public final class JwksFetcher {
  public static final long TIMEOUT_MILLIS = 1_500;
  public static final int MAX_BYTES = 150_000;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final long timeoutMillis;

  private JwksFetcher(Vertx vertx, HttpClientAgent client, long timeoutMillis) {
    this.vertx = vertx;
    this.client = client;
    this.timeoutMillis = timeoutMillis;
  }

  public static JwksFetcher create(Vertx vertx) {
    HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false);
    return new JwksFetcher(vertx, vertx.httpClientBuilder().with(options).build(), TIMEOUT_MILLIS);
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
    client.request(options).compose(request -> {
      inFlight.set(request);
      return request.send();
    }).onFailure(e -> result.tryFail(new KeysUnavailableException(uri + ": " + e.getMessage())))
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
