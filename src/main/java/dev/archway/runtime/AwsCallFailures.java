package dev.archway.runtime;

import dev.archway.integration.BackendTimeoutException;
import dev.archway.integration.LambdaInvokeException;
import dev.archway.integration.NoEndpointException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a failed call to Lambda, an AWS service or an HTTP endpoint looks to the client, logged once with its cause. */
public final class AwsCallFailures {
  private static final Logger LOG = LoggerFactory.getLogger(AwsCallFailures.class);

  private AwsCallFailures() {}

  public static GatewayResponse.Failure of(Exchange exchange, Object target, Throwable cause) {
    if (cause instanceof BackendTimeoutException) {
      return new GatewayResponse.IntegrationTimeout().failure();
    }
    if (cause instanceof LambdaInvokeException e) {
      // AWS maps every Invoke API error, throttling (429) included, to a 500: the client did nothing wrong.
      LOG.warn("request {}: Execution failed: {}", exchange.requestId(), e.getMessage());
      return new GatewayResponse.InternalServerError().failure();
    }
    if (cause instanceof IllegalArgumentException) {
      return configurationError(exchange, cause);
    }
    if (cause instanceof NoEndpointException) {
      LOG.error("request {}: Execution failed due to configuration error: {}", exchange.requestId(), cause.getMessage());
      return new GatewayResponse.InternalServerError().failure();
    }
    LOG.warn("request {}: cannot reach {}: {}", exchange.requestId(), target, cause.toString());
    return new GatewayResponse.IntegrationFailure().failure();
  }

  /**
   * The endpoint cannot be called as configured — its URI cannot be sent, or the egress policy
   * refuses its address: AWS's API_CONFIGURATION_ERROR (500), with one WARN line giving the reason.
   * Any integration that calls out (HTTP, HTTP_PROXY, Lambda, AWS services) answers it this way.
   */
  public static GatewayResponse.Failure configurationError(Exchange exchange, Throwable cause) {
    LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), cause.getMessage());
    exchange.executionLog().add("Execution failed due to configuration error: " + cause.getMessage());
    return new GatewayResponse.ApiConfigurationError().failure();
  }
}
