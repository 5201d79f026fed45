package dev.archway.runtime;

import dev.archway.mapping.MappingTemplate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One integration response, compiled: its selection regex (null for the default response),
 * whether the method declares its status code, header mappings and the body template
 * ({@code application/json}; null = the endpoint's body passes through), parsed once.
 */
public record SelectableResponse(
    String statusCode, Pattern selectionPattern, boolean methodResponseDefined,
    Map<String, ParameterSource> headers, String body, MappingTemplate template) {

  public SelectableResponse {
    headers = Map.copyOf(headers);
  }

  /** Compiles {@code body} as a mapping template. @throws IllegalArgumentException for a bad template */
  public SelectableResponse(String statusCode, Pattern selectionPattern, boolean methodResponseDefined,
      Map<String, ParameterSource> headers, String body) {
    this(statusCode, selectionPattern, methodResponseDefined, headers, body,
        body == null ? null : Templates.compile("response template of " + statusCode, body));
  }

  boolean selects(String value) {
    return selectionPattern != null && selectionPattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return (selectionPattern == null ? "default" : "/" + selectionPattern + "/") + "=>" + statusCode;
  }
}
