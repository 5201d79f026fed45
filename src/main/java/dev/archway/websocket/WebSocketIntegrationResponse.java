package dev.archway.websocket;

import dev.archway.mapping.MappingTemplate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An integration response of a non-proxy WebSocket integration, compiled: its key ({@code $default},
 * with a null {@code pattern}, or {@code /regex/}), the response templates by selection key and
 * the expression that picks one ({@code $default} when absent).
 */
public record WebSocketIntegrationResponse(
    String key, Pattern pattern, Map<String, MappingTemplate> templates, SelectionExpression templateSelection,
    String contentHandling) {

  public WebSocketIntegrationResponse {
    templates = Map.copyOf(templates);
  }

  /** The template for a selection value, else the {@code $default} one, else null (the answer passes as it is). */
  public MappingTemplate template(String selected) {
    MappingTemplate template = templates.get(selected);
    return template != null ? template : templates.get(SelectionExpression.DEFAULT_KEY);
  }

  @Override
  public String toString() {
    return "integration response " + key + (templates.isEmpty() ? "" : " templates " + templates.keySet());
  }
}
