package dev.archway.deploy;

import dev.archway.integration.AwsSigner;
import dev.archway.integration.HttpProxyIntegration;
import dev.archway.integration.LambdaFunctionUri;
import dev.archway.integration.LambdaInvoker;
import dev.archway.model.Integration;
import dev.archway.model.RestApi;
import dev.archway.runtime.BinaryMediaTypes;
import dev.archway.runtime.ConfigurationErrorStep;
import dev.archway.runtime.LambdaProxyStep;
import dev.archway.runtime.Step;
import java.net.URI;
import java.time.Clock;
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
  private final Clock clock;

  /**
   * @param lambdaEndpoints the Lambda Invoke API serving a region, or null
   * @param serviceEndpoints an AWS service's endpoint by signing name, or null
   * @param accountId the account the proxy event's requestContext names
   */
  public AwsIntegrations(HttpProxyIntegration http, Function<String, URI> lambdaEndpoints,
      Function<String, URI> serviceEndpoints, AwsSigner signer, String accountId, Clock clock) {
    this.http = http;
    this.lambda = new LambdaInvoker(http, lambdaEndpoints, signer);
    this.serviceEndpoints = serviceEndpoints;
    this.signer = signer;
    this.accountId = accountId;
    this.clock = clock;
  }

  /** No endpoint configured: Lambda and AWS service routes deploy, and answer 500 saying why in the log. */
  public static AwsIntegrations unconfigured(HttpProxyIntegration http) {
    return new AwsIntegrations(http, region -> null, service -> null, AwsSigner.DUMMY, "000000000000", Clock.systemUTC());
  }

  Step lambdaProxy(String resourceId, String resourcePath, Integration integration, RestApi api, long timeoutMillis) {
    LambdaFunctionUri uri = LambdaFunctionUri.parse(integration.uri());
    if (!"POST".equals(integration.httpMethod())) {
      // AWS accepts the integration and fails each call with 500 (AWS-BEHAVIOUR E).
      return new ConfigurationErrorStep("AWS_PROXY to Lambda needs integration httpMethod POST, not " + integration.httpMethod());
    }
    return new LambdaProxyStep(lambda, uri, accountId, resourceId, resourcePath,
        BinaryMediaTypes.of(api == null ? null : api.binaryMediaTypes()), timeoutMillis, clock);
  }

  @Override
  public String toString() {
    return "AwsIntegrations(" + signer + ", account " + accountId + ")";
  }
}
