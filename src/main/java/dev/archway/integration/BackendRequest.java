package dev.archway.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A request ready to leave for an HTTP backend: absolute URI, method, headers already filtered. */
public record BackendRequest(String method, String absoluteUri, MultiMap headers, Buffer body) {}
