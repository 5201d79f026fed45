package dev.archway.runtime.front;

import io.netty.channel.Channel;

/**
 * Where WebSocket APIs take over a connection of the execute listener. The listener offers every
 * request that asks to switch protocols ({@code Upgrade}) here before it routes it; an
 * implementation that serves the API the request names answers the handshake itself, installs its
 * handlers at the end of the channel's pipeline and returns true, and the listener's own handlers
 * leave the pipeline (bytes read past the head go on to the new handlers). A request it does not
 * take is served like any other (a REST or HTTP API, else 403 or 404).
 */
@FunctionalInterface
public interface WebSocketUpgrade {
  /** No WebSocket API is served: every request is served as HTTP. */
  WebSocketUpgrade NONE = (head, channel) -> false;

  /** Called on the connection's event loop; must not block. */
  boolean upgrade(RequestHead head, Channel channel);
}
