package dev.archway.model.v2;

/** A data model of an apigatewayv2 API: a JSON Schema draft 4 document, kept as the string AWS returns. */
public record Model(String contentType, String description, String modelId, String name, String schema) {}
