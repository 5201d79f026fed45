package dev.archway.runtime;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** What the client receives: status, headers and body. */
public record MethodResponse(int statusCode, MultiMap headers, Buffer body) {}
