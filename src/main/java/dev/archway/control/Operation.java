package dev.archway.control;

/**
 * One management operation. Runs on a worker thread (it may use the store); returns the response
 * body (a model record or JSON node) or null for an empty body; fails with an ApiException.
 */
@FunctionalInterface
public interface Operation {
  Object handle(Call call);
}
