package dev.archway.integration;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Requests and waits shared by the client's tests. */
final class BackendCalls {
  private BackendCalls() {}

  static BackendRequest get(String url) {
    return request("GET", url, Buffer.buffer());
  }

  static BackendRequest request(String method, String url, Buffer body) {
    return new BackendRequest(method, url, MultiMap.caseInsensitiveMultiMap(), body);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    } catch (Exception e) {
      throw new AssertionError("no outcome in 30 s", e);
    }
  }

  /** The failure of {@code future}, which must fail within 30 s. */
  static Throwable failure(Future<?> future) {
    try {
      Object result = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no outcome in 30 s", e);
    }
  }

  /** {@code error} and its causes, outermost first. */
  static List<Throwable> causes(Throwable error) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable t = error; t != null && !causes.contains(t); t = t.getCause()) {
      causes.add(t);
    }
    return causes;
  }

  static String body(BackendResponse response) {
    return response.body().toString();
  }
}
