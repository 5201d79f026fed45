package dev.archway.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The Lambda Invoke API client: {@code POST /2015-03-31/functions/{function}/invocations},
 * synchronous ({@code RequestResponse}) unless the caller asks otherwise, SigV4-signed for
 * {@code lambda} in the function's region,
 * through the shared backend client. Works against AWS, the Lambda runtime interface emulator
 * or any Lambda-compatible server. Never blocks.
 */
public final class LambdaInvoker {
  private final HttpProxyIntegration http;
  private final Function<String, URI> endpointForRegion;
  private final AwsSigner signer;
  /** Routes call the same few functions again and again; building and parsing their URI each time showed in profiles. */
  private final Cache<LambdaFunction, URI> invocationUris = Caffeine.newBuilder().maximumSize(10_000).build();

  /** @param endpointForRegion the Invoke API base URL serving a region, or null when there is none */
  public LambdaInvoker(HttpProxyIntegration http, Function<String, URI> endpointForRegion, AwsSigner signer) {
    this.http = http;
    this.endpointForRegion = endpointForRegion;
    this.signer = signer;
  }

  /**
   * Invokes the function with {@code payload}. Fails with {@link BackendTimeoutException} past
   * {@code timeoutMillis}, {@link LambdaInvokeException} when the Invoke API refuses the call,
   * {@link NoEndpointException} when no endpoint serves the region, or the connection's error.
   */
  public Future<LambdaResult> invoke(LambdaFunction function, Buffer payload, long timeoutMillis) {
    return invoke(function, payload, timeoutMillis, null);
  }

  /**
   * The same, with Invoke API request headers of the caller's ({@code X-Amz-Invocation-Type: Event}
   * for an asynchronous call, {@code X-Amz-Log-Type}, {@code X-Amz-Client-Context}), or null.
   */
  public Future<LambdaResult> invoke(LambdaFunction function, Buffer payload, long timeoutMillis, MultiMap invokeHeaders) {
    URI endpoint = endpointForRegion.apply(function.region());
    if (endpoint == null) {
      return Future.failedFuture(new NoEndpointException("no Lambda endpoint for region " + function.region()
          + " to invoke " + function + " (expected: --lambda-endpoint or lambda.endpoints." + function.region() + " in --config)"));
    }
    URI uri = invocationUris.get(function, f -> invocationUri(endpoint, f));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("X-Amz-Invocation-Type", "RequestResponse");
    if (invokeHeaders != null) {
      invokeHeaders.forEach(headers::set);
    }
    signer.sign("POST", uri, headers, payload, "lambda", function.region());
    return http.send(new BackendRequest("POST", uri.toString(), headers, payload), timeoutMillis).compose(response -> {
      if (response.statusCode() / 100 != 2) {
        String type = response.headers().get("X-Amzn-ErrorType");
        return Future.failedFuture(new LambdaInvokeException(function.toString(), response.statusCode(),
            type == null ? "Unknown" : type, truncated(response.body())));
      }
      return Future.succeededFuture(new LambdaResult(response.headers().get("X-Amz-Function-Error"), response.body()));
    });
  }

  private static URI invocationUri(URI endpoint, LambdaFunction function) {
    String base = endpoint.toString().endsWith("/") ? endpoint.toString().substring(0, endpoint.toString().length() - 1) : endpoint.toString();
    return URI.create(base + "/2015-03-31/functions/" + encode(function.function()) + "/invocations"
        + (function.qualifier() == null ? "" : "?Qualifier=" + encode(function.qualifier())));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String truncated(Buffer body) {
    return body.length() <= 512 ? body.toString(StandardCharsets.UTF_8) : body.getString(0, 512, "UTF-8") + "...";
  }

  @Override
  public String toString() {
    return "LambdaInvoker(" + signer + ")";
  }
}
