package dev.archway.runtime;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * One integration response, compiled: its selection regex (null for the default response),
 * whether the method declares its status code, header mappings and the static body template.
 */
public record SelectableResponse(
    String statusCode, Pattern selectionPattern, boolean methodResponseDefined,
    Map<String, ParameterSource> headers, String body) {

  public SelectableResponse {
    headers = Map.copyOf(headers);
  }

  boolean selects(String value) {
    return selectionPattern != null && selectionPattern.matcher(value).matches();
  }

  @Override
  public String toString() {
    return (selectionPattern == null ? "default" : "/" + selectionPattern + "/") + "=>" + statusCode;
  }
}
