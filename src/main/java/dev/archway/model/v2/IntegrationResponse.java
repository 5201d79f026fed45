package dev.archway.model.v2;

import java.util.Map;

/**
 * An integration response of a WebSocket API's non-proxy integration: chosen by its key ({@code $default}
 * or a {@code /regex/} over the status code or Lambda error message), it maps the integration's answer
 * with its templates.
 */
public record IntegrationResponse(
    String contentHandlingStrategy,
    String integrationResponseId,
    String integrationResponseKey,
    Map<String, String> responseParameters,
    Map<String, String> responseTemplates,
    String templateSelectionExpression) {}
