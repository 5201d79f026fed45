package dev.archway.websocket;

import io.vertx.core.MultiMap;

/**
 * A request of the execute listener that asks to switch to WebSocket, as the front door read it.
 *
 * @param path the raw (percent-encoded) path; {@code rawQuery} the query without {@code ?}, or null
 * @param host the Host header without its port, or null
 */
public record UpgradeRequest(String method, String path, String rawQuery, String host, MultiMap headers,
    String sourceIp) {}
