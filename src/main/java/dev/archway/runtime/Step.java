package dev.archway.runtime;

import io.vertx.core.Future;

/**
 * One job of the request pipeline, with its settings fixed at compile time. A step that must
 * stop the request fails its future with {@link GatewayResponse#failure()}; the renderer turns
 * that value into the client's answer, once, in one place.
 */
public interface Step {

  Future<Void> apply(Exchange exchange);
}
