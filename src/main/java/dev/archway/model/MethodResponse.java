package dev.archway.model;

import java.util.Map;

public record MethodResponse(
    String statusCode, Map<String, Boolean> responseParameters, Map<String, String> responseModels) {}
