package dev.archway.deploy;

import dev.archway.integration.AwsServiceUri;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.UriTemplate;
import dev.archway.mapping.MappingTemplate;
import dev.archway.model.v2.DeployedHttpApi;
import dev.archway.model.v2.Integration;
import dev.archway.model.v2.IntegrationResponse;
import dev.archway.runtime.ContentHandling;
import dev.archway.websocket.IntegrationParameters;
import dev.archway.websocket.SelectionExpression;
import dev.archway.websocket.WebSocketIntegration;
import dev.archway.websocket.WebSocketIntegrationResponse;
import dev.archway.websocket.WebSocketStage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the integrations of WebSocket routes: Lambda (AWS_PROXY, and AWS to the Invoke API),
 * AWS services (AWS), HTTP endpoints (HTTP, HTTP_PROXY) and MOCK; their request templates and
 * template selection, request parameter mappings, and integration responses with their key
 * patterns and templates. Every outbound call goes through the shared backend client.
 */
final class WebSocketIntegrations {
  private static final long DEFAULT_TIMEOUT_MILLIS = 29_000;

  private final HttpProxyIntegration http;
  private final AwsIntegrations aws;

  WebSocketIntegrations(HttpProxyIntegration http, AwsIntegrations aws) {
    this.http = http;
    this.aws = aws;
  }

  WebSocketIntegration compile(Integration integration, DeployedHttpApi deployment) {
    String type = String.valueOf(integration.integrationType());
    if ("VPC_LINK".equals(integration.connectionType())) {
      throw new IllegalArgumentException("integration " + integration.integrationId() + ": VPC links are not served");
    }
    long timeout = integration.timeoutInMillis() == null ? DEFAULT_TIMEOUT_MILLIS : integration.timeoutInMillis();
    String uri = integration.integrationUri();
    boolean lambda = type.equals("AWS_PROXY") || type.equals("AWS") && isLambdaUri(uri);
    WebSocketIntegration.AwsService service = type.equals("AWS") && !lambda ? service(uri) : null;
    boolean httpType = type.startsWith("HTTP");
    if (httpType && (uri == null || integration.integrationMethod() == null)) {
      throw new IllegalArgumentException("integration " + integration.integrationId() + ": " + type
          + " needs integrationUri and integrationMethod");
    }
    ContentHandling.of(integration.contentHandlingStrategy()); // refuses an unknown strategy
    SelectionExpression templateSelection = integration.templateSelectionExpression() == null ? null
        : SelectionExpression.parseRequest(integration.templateSelectionExpression());
    SelectionExpression responseSelection = type.endsWith("_PROXY") ? null : SelectionExpression.parse(
        integration.integrationResponseSelectionExpression() == null ? "${integration.response.statuscode}"
            : integration.integrationResponseSelectionExpression(), true);
    List<WebSocketIntegrationResponse> responses = new ArrayList<>();
    for (IntegrationResponse response : deployment.integrationResponsesOf(integration.integrationId())) {
      responses.add(response(response));
    }
    return new WebSocketIntegration(integration.integrationId(), type,
        lambda ? HttpApiCompiler.lambdaUri(uri) : null, lambda ? aws.lambda() : null, service,
        httpType ? UriTemplate.parse(uri) : null, type.equals("MOCK") ? null : integration.integrationMethod(),
        http, timeout, templates(integration.requestTemplates()), templateSelection,
        integration.passthroughBehavior() == null ? "WHEN_NO_MATCH" : integration.passthroughBehavior(),
        integration.contentHandlingStrategy(),
        IntegrationParameters.parse(integration.requestParameters() == null ? Map.of() : integration.requestParameters()),
        responseSelection, responses);
  }

  /** The service's configured endpoint plus the URI's path, or {@code /?Action=...} for the action form. */
  private WebSocketIntegration.AwsService service(String uri) {
    AwsServiceUri service = AwsServiceUri.parse(uri);
    URI endpoint = aws.serviceEndpoint(service.service());
    if (endpoint == null) {
      // AWS would call the real service; here the operator must say where it is. Deploys, answers 500.
      return new WebSocketIntegration.AwsService(service, null, aws.signer(), "no endpoint for AWS service "
          + service.service() + " (expected: --aws-endpoint " + service.service() + "=URL or aws.endpoints."
          + service.service() + " in --config)");
    }
    String base = endpoint.toString().endsWith("/") ? endpoint.toString().substring(0, endpoint.toString().length() - 1)
        : endpoint.toString();
    String target = service.path() ? base + "/" + service.api()
        : base + "/?Action=" + service.action() + (service.actionParameters().isEmpty() ? "" : "&" + service.actionParameters());
    return new WebSocketIntegration.AwsService(service, UriTemplate.parse(target), aws.signer(), null);
  }

  private static WebSocketIntegrationResponse response(IntegrationResponse response) {
    String key = response.integrationResponseKey();
    Pattern pattern = null;
    if (!WebSocketStage.DEFAULT.equals(key)) {
      if (key == null || key.length() < 3 || !key.startsWith("/") || !key.endsWith("/")) {
        throw new IllegalArgumentException("integrationResponseKey: " + key + " (expected: $default or /regex/)");
      }
      try {
        pattern = Pattern.compile(key.substring(1, key.length() - 1));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("integrationResponseKey: " + key + " (" + e.getDescription() + ")", e);
      }
    }
    ContentHandling.of(response.contentHandlingStrategy());
    SelectionExpression selection = response.templateSelectionExpression() == null ? null
        : SelectionExpression.parse(response.templateSelectionExpression(), true);
    return new WebSocketIntegrationResponse(key, pattern, templates(response.responseTemplates()), selection,
        response.contentHandlingStrategy());
  }

  private static Map<String, MappingTemplate> templates(Map<String, String> sources) {
    Map<String, MappingTemplate> compiled = new TreeMap<>();
    if (sources != null) {
      sources.forEach((key, source) -> compiled.put(key, MappingTemplate.compile(source == null ? "" : source)));
    }
    return compiled;
  }

  private static boolean isLambdaUri(String uri) {
    return uri != null && (uri.contains(":lambda:path/2015-03-31/functions/")
        || uri.startsWith("arn:") && uri.contains(":lambda:") && !uri.contains(":apigateway:"));
  }

  @Override
  public String toString() {
    return "WebSocketIntegrations(" + aws + ")";
  }
}
