package dev.archway.runtime;

import dev.archway.mapping.MappingTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One integration response, compiled: its selection regex (null for the default response),
 * whether the method declares its status code, header mappings, the body templates by media type
 * (none = the endpoint's body passes through), parsed once, and its {@code contentHandling}.
 */
public record SelectableResponse(
    String statusCode, Pattern selectionPattern, boolean methodResponseDefined,
    Map<String, ParameterSource> headers, Map<String, MappingTemplate> templates, String contentHandling) {

  public SelectableResponse {
    headers = Map.copyOf(headers);
    TreeMap<String, MappingTemplate> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byType.putAll(templates);
    templates = java.util.Collections.unmodifiableMap(byType);
    ContentHandling.of(contentHandling);
  }

  /** An {@code application/json} body template (or none). @throws IllegalArgumentException for a bad template */
  public SelectableResponse(String statusCode, Pattern selectionPattern, boolean methodResponseDefined,
      Map<String, ParameterSource> headers, String body) {
    this(statusCode, selectionPattern, methodResponseDefined, headers, compile(statusCode,
        body == null ? Map.of() : Map.of(IntegrationRequestBody.DEFAULT_TYPE, body)), null);
  }

  /** Compiles response templates by media type. @throws IllegalArgumentException naming the bad one */
  public static Map<String, MappingTemplate> compile(String statusCode, Map<String, String> sources) {
    Map<String, MappingTemplate> out = new LinkedHashMap<>();
    sources.forEach((type, source) -> {
      if (source != null) {
        out.put(type, Templates.compile("response template " + type + " of " + statusCode, source));
      }
    });
    return out;
  }

  /** @throws BudgetedMatch.Exhausted when the pattern backtracks past its budget on this value */
  boolean selects(String value) {
    return selectionPattern != null && BudgetedMatch.matches(selectionPattern, value);
  }

  /**
   * The template for the client's first Accept type, else {@code application/json}, else the first
   * one declared; null when the response has none.
   */
  Map.Entry<String, MappingTemplate> template(String accept) {
    if (templates.isEmpty()) {
      return null;
    }
    String wanted = accept == null ? null : accept.split(",", 2)[0].split(";", 2)[0].trim();
    if (wanted != null && templates.containsKey(wanted)) {
      return Map.entry(wanted, templates.get(wanted));
    }
    if (templates.containsKey(IntegrationRequestBody.DEFAULT_TYPE)) {
      return Map.entry(IntegrationRequestBody.DEFAULT_TYPE, templates.get(IntegrationRequestBody.DEFAULT_TYPE));
    }
    Map.Entry<String, MappingTemplate> first = templates.entrySet().iterator().next();
    return Map.entry(first.getKey(), first.getValue());
  }

  @Override
  public String toString() {
    return (selectionPattern == null ? "default" : "/" + selectionPattern + "/") + "=>" + statusCode;
  }
}
