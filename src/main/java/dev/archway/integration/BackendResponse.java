package dev.archway.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** An integration's answer before response mapping (AWS calls it the endpoint response). */
public record BackendResponse(int statusCode, MultiMap headers, Buffer body) {}
