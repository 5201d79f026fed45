package dev.archway.websocket;

import dev.archway.integration.AwsServiceUri;
import dev.archway.integration.AwsSigner;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.integration.UriTemplate;
import dev.archway.mapping.MappingTemplate;
import dev.archway.runtime.BudgetedMatch;
import java.util.List;
import java.util.Map;

/**
 * The integration of a WebSocket route, compiled. By {@code type}: {@code AWS_PROXY} calls
 * {@code function} through {@code lambda}; {@code AWS} does too, or calls an AWS service
 * ({@code service}); {@code HTTP_PROXY} and {@code HTTP} send {@code httpMethod} to {@code uri};
 * every outbound call goes through {@code http}, the shared backend client (it applies the egress
 * policy); {@code MOCK} calls nothing. Non-proxy types map the message with the request template
 * that {@code templateSelection} picks (passthrough by {@code passthroughBehavior} when none), and
 * the answer with the integration response whose key matches {@code responseSelection}'s value.
 *
 * @param contentHandling the integration's {@code contentHandlingStrategy}: CONVERT_TO_BINARY sends the
 *     base64 text of the message as bytes; null or CONVERT_TO_TEXT send the message as it is
 */
public record WebSocketIntegration(
    String integrationId, String type, LambdaFunctionUri function, LambdaInvoker lambda, AwsService service,
    UriTemplate uri, String httpMethod, HttpProxyIntegration http, long timeoutMillis,
    Map<String, MappingTemplate> requestTemplates, SelectionExpression templateSelection, String passthroughBehavior,
    String contentHandling, IntegrationParameters parameters, SelectionExpression responseSelection,
    List<WebSocketIntegrationResponse> responses) {

  /**
   * An AWS service action or path ({@code arn:aws:apigateway:{region}:{service}:action/...}): the
   * endpoint the operator named for the service plus the URI's path, signed by {@code signer}.
   *
   * @param target null when no endpoint is configured for the service: the route deploys and each call
   *     fails with 500, {@code unavailable} in the log (as for REST APIs)
   */
  public record AwsService(AwsServiceUri uri, UriTemplate target, AwsSigner signer, String unavailable) {
    @Override
    public String toString() {
      return uri.service() + " " + (uri.path() ? uri.api() : uri.action()) + " in " + uri.region();
    }
  }

  public WebSocketIntegration {
    requestTemplates = Map.copyOf(requestTemplates);
    responses = List.copyOf(responses);
  }

  public boolean isProxy() {
    return type.endsWith("_PROXY");
  }

  /**
   * The integration response for a selection value: the first {@code /regex/} key matching it whole,
   * else {@code $default}; null when neither (the answer is then not sent back).
   *
   * @throws BudgetedMatch.Exhausted when a key's pattern backtracks past its budget on the value
   */
  public WebSocketIntegrationResponse response(String selected) {
    WebSocketIntegrationResponse fallback = null;
    for (WebSocketIntegrationResponse response : responses) {
      if (response.pattern() == null) {
        fallback = response;
      } else if (BudgetedMatch.matches(response.pattern(), selected)) {
        return response;
      }
    }
    return fallback;
  }

  @Override
  public String toString() {
    String target = switch (type) {
      case "AWS_PROXY" -> String.valueOf(function);
      case "AWS" -> function != null ? String.valueOf(function) : String.valueOf(service);
      case "HTTP", "HTTP_PROXY" -> httpMethod + " " + uri;
      default -> "";
    };
    return type + (target.isEmpty() ? "" : " " + target) + (requestTemplates.isEmpty() ? "" : " templates "
        + requestTemplates.keySet() + " by " + templateSelection) + (responses.isEmpty() ? "" : " responses "
        + responses.stream().map(WebSocketIntegrationResponse::key).toList())
        + (parameters.toString().isEmpty() ? "" : " " + parameters.toString().trim());
  }
}
