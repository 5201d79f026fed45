package dev.archway.mapping;

import java.util.List;
import java.util.Map;

/**
 * What a mapping template reads: the payload ({@code $input.body}), the method request parameters
 * ({@code $input.params}), {@code $context} and {@code $stageVariables}. For a response template the
 * payload is the integration response body, the parameters still those of the method request.
 * Null members mean empty.
 *
 * @param body the payload as text; empty when there is none (templates then see {@code {}})
 * @param pathParameters decoded path parameters by name
 * @param queryParameters decoded query string values by name; templates see the last of repeated values
 * @param headers request headers by name as the client sent them; templates see the last of repeated
 *     values and look names up in any case
 * @param context {@code $context}
 * @param stageVariables {@code $stageVariables}
 */
public record TemplateInput(
    String body,
    Map<String, String> pathParameters,
    Map<String, List<String>> queryParameters,
    Map<String, List<String>> headers,
    ContextVariables context,
    Map<String, String> stageVariables) {
  public TemplateInput {
    body = body == null ? "" : body;
    pathParameters = pathParameters == null ? Map.of() : pathParameters;
    queryParameters = queryParameters == null ? Map.of() : queryParameters;
    headers = headers == null ? Map.of() : headers;
    context = context == null ? ContextVariables.EMPTY : context;
    stageVariables = stageVariables == null ? Map.of() : stageVariables;
  }

  /** A payload and nothing else: no parameters, empty {@code $context}, no stage variables. */
  public static TemplateInput ofBody(String body) {
    return new TemplateInput(body, null, null, null, null, null);
  }
}
