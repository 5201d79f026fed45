package dev.archway.control;

/**
 * One management operation. Runs on a worker thread (it may use the store); returns the response
 * body (a model record or JSON node), null for an empty body, or a {@code Future} of the body for an
 * operation that completes elsewhere; fails with an ApiException.
 */
@FunctionalInterface
public interface Operation {
  Object handle(Call call);
}
