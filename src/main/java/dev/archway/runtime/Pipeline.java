package dev.archway.runtime;

import io.vertx.core.Future;
import java.util.List;
import java.util.stream.Collectors;

/** The steps of one route in AWS order; runs them one after the other until one fails. */
public final class Pipeline {
  private final List<Step> steps;

  public Pipeline(List<Step> steps) {
    this.steps = List.copyOf(steps);
  }

  public List<Step> steps() {
    return steps;
  }

  public Future<Void> run(Exchange exchange) {
    return next(exchange, 0);
  }

  private Future<Void> next(Exchange exchange, int from) {
    for (int index = from; ; index++) {
      // A step that produced the client's answer (a MOCK short-cut, later a cache hit) ends the pipeline.
      if (index == steps.size() || exchange.methodResponse() != null) {
        return Future.succeededFuture();
      }
      Future<Void> current;
      try {
        current = steps.get(index).apply(exchange);
      } catch (RuntimeException | Error e) {
        // A step bug, or an Error such as a stack overflow, must become a 500 for this request, never a dropped connection.
        return Future.failedFuture(e);
      }
      if (current.failed()) {
        return current;
      }
      if (!current.succeeded()) {
        int following = index + 1;
        // The last step's future is the pipeline's: no listener to add (the proxy path's common case).
        return following == steps.size() ? current : current.compose(ignored -> next(exchange, following));
      }
      // Done already (keys, throttles, policies): on to the next step without a listener.
    }
  }

  @Override
  public String toString() {
    return steps.stream().map(Object::toString).collect(Collectors.joining(" -> "));
  }
}
