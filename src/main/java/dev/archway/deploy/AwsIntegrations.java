package dev.archway.deploy;

import dev.archway.integration.AwsServiceUri;
import dev.archway.integration.AwsSigner;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.integration.UriTemplate;
import dev.archway.model.Method;
import dev.archway.model.Integration;
import dev.archway.model.RestApi;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.AwsServiceStep;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.IntegrationRequestBody;
import dev.archway.runtime.IntegrationResponseStep;
import dev.archway.runtime.LambdaStep;
import dev.archway.runtime.LambdaProxyStep;
import dev.archway.runtime.Step;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Compiles the integrations that call AWS APIs: AWS_PROXY and AWS to Lambda, and AWS service
 * integrations. Holds the shared clients and where each AWS API is reached.
 */
public final class AwsIntegrations {
  private final HttpProxyIntegration http;
  private final LambdaInvoker lambda;
  private final Function<String, URI> serviceEndpoints;
  private final AwsSigner signer;
  private final String accountId;

  /**
   * @param lambdaEndpoints the Lambda Invoke API serving a region, or null
   * @param serviceEndpoints an AWS service's endpoint by signing name, or null
   * @param accountId the account the proxy event's requestContext names
   */
  public AwsIntegrations(HttpProxyIntegration http, Function<String, URI> lambdaEndpoints,
      Function<String, URI> serviceEndpoints, AwsSigner signer, String accountId) {
    this.http = http;
    this.lambda = new LambdaInvoker(http, lambdaEndpoints, signer);
    this.serviceEndpoints = serviceEndpoints;
    this.signer = signer;
    this.accountId = accountId;
  }

  /** No endpoint configured: Lambda and AWS service routes deploy, and answer 500 saying why in the log. */
  public static AwsIntegrations unconfigured(HttpProxyIntegration http) {
    return new AwsIntegrations(http, region -> null, service -> null, AwsSigner.DUMMY, "000000000000");
  }

  Step lambdaProxy(String resourceId, String resourcePath, Integration integration, RestApi api, long timeoutMillis) {
    LambdaFunctionUri uri = LambdaFunctionUri.parse(integration.uri());
    if (!"POST".equals(integration.httpMethod())) {
      // AWS accepts the integration and fails each call with 500 (AWS-BEHAVIOUR E).
      return new ConfigurationErrorStep("AWS_PROXY to Lambda needs integration httpMethod POST, not " + integration.httpMethod());
    }
    return new LambdaProxyStep(lambda, uri, accountId, resourceId, resourcePath,
        BinaryMediaTypes.of(api == null ? null : api.binaryMediaTypes()), timeoutMillis);
  }

  /** AWS (non-proxy): Lambda when the URI names the Invoke API, else an AWS service; then the integration responses. */
  List<Step> nonProxy(Method method, Integration integration, long timeoutMillis, MappingContext mapping) {
    String uri = integration.uri();
    IntegrationRequestBody body = NonProxyIntegrations.requestBody(integration, mapping);
    if (uri != null && uri.contains(":lambda:path/2015-03-31/functions/")) {
      RequestMappings mappings = RequestMappings.of(integration, mapping); // refuses malformed targets
      return List.of(new LambdaStep(lambda, LambdaFunctionUri.parse(uri), body, timeoutMillis, mappings.header()),
          IntegrationResponses.compile(method, integration, IntegrationResponseStep.Selection.LAMBDA_ERROR_MESSAGE, mapping));
    }
    AwsServiceUri service = AwsServiceUri.parse(uri);
    String httpMethod = integration.httpMethod();
    if (httpMethod == null) {
      throw new IllegalArgumentException("integration httpMethod: null (expected: the method of the AWS API, e.g. POST)");
    }
    RequestMappings mappings = RequestMappings.of(integration, mapping);
    URI endpoint = serviceEndpoints.apply(service.service());
    if (endpoint == null) {
      // AWS would call the real service; here the operator must say where it is. Deploys, answers 500.
      return List.of(new ConfigurationErrorStep("no endpoint for AWS service " + service.service()
          + " (expected: --aws-endpoint " + service.service() + "=URL or aws.endpoints." + service.service() + " in --config)"));
    }
    String base = endpoint.toString().endsWith("/") ? endpoint.toString().substring(0, endpoint.toString().length() - 1) : endpoint.toString();
    String target = service.path()
        ? base + "/" + service.api()
        : base + "/?Action=" + service.action() + (service.actionParameters().isEmpty() ? "" : "&" + service.actionParameters());
    return List.of(new AwsServiceStep(http, signer, service, httpMethod, UriTemplate.parse(target),
        mappings.path(), mappings.query(), mappings.header(), body, timeoutMillis),
        IntegrationResponses.compile(method, integration, IntegrationResponseStep.Selection.STATUS_CODE, mapping));
  }

  /** The shared Lambda Invoke API client, for HTTP API Lambda integrations and authorizers. */
  LambdaInvoker lambda() {
    return lambda;
  }

  String accountId() {
    return accountId;
  }

  /** Where an AWS service is reached, by its signing name; null when the operator named no endpoint for it. */
  URI serviceEndpoint(String service) {
    return serviceEndpoints.apply(service);
  }

  /** Signs the calls to AWS APIs. */
  AwsSigner signer() {
    return signer;
  }

  @Override
  public String toString() {
    return "AwsIntegrations(" + signer + ", account " + accountId + ")";
  }
}
