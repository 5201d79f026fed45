package dev.archway.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * A request ready to leave for an HTTP backend: absolute URI, method, headers already filtered.
 * The client sends {@code headers} as they are, adding Host and Content-Length to them.
 */
public record BackendRequest(String method, String absoluteUri, MultiMap headers, Buffer body) {}
