package dev.archway.model;

import java.util.Map;

public record IntegrationResponse(
    String statusCode,
    String selectionPattern,
    Map<String, String> responseParameters,
    Map<String, String> responseTemplates,
    String contentHandling) {}
