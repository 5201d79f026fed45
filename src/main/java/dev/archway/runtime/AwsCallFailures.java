package dev.archway.runtime;

import dev.archway.integration.BackendTimeoutException;
import dev.archway.integration.LambdaInvokeException;
import dev.archway.integration.NoEndpointException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a failed call to Lambda, an AWS service or an HTTP endpoint looks to the client. Every failed
 * integration call comes through here, so each leaves exactly one WARN line with its request id and
 * reason in the server log, the same reason in the execution log and in
 * {@code $context.integrationErrorMessage}.
 */
public final class AwsCallFailures {
  private static final Logger LOG = LoggerFactory.getLogger(AwsCallFailures.class);

  private AwsCallFailures() {}

  /** @param target what was called (printed in the reason) */
  public static GatewayResponse.Failure of(Exchange exchange, Object target, Throwable cause) {
    if (cause instanceof BackendTimeoutException) {
      failed(exchange, "Execution failed due to a timeout error");
      return new GatewayResponse.IntegrationTimeout().failure();
    }
    if (cause instanceof LambdaInvokeException e) {
      // AWS maps every Invoke API error, throttling (429) included, to a 500: the client did nothing wrong.
      failed(exchange, "Execution failed: " + e.getMessage());
      return new GatewayResponse.InternalServerError().failure();
    }
    if (cause instanceof IllegalArgumentException) {
      return configurationError(exchange, cause);
    }
    if (cause instanceof NoEndpointException) {
      failed(exchange, "Execution failed due to configuration error: " + cause.getMessage());
      return new GatewayResponse.InternalServerError().failure();
    }
    failed(exchange, "Execution failed: cannot reach " + withoutQuery(target) + ": " + cause);
    return new GatewayResponse.IntegrationFailure().failure();
  }

  /**
   * The endpoint cannot be called as configured — its URI cannot be sent, or the egress policy
   * refuses its address: AWS's API_CONFIGURATION_ERROR (500), with one WARN line giving the reason.
   * Any integration that calls out (HTTP, HTTP_PROXY, Lambda, AWS services) answers it this way.
   */
  public static GatewayResponse.Failure configurationError(Exchange exchange, Throwable cause) {
    failed(exchange, "Execution failed due to configuration error: " + cause.getMessage());
    return new GatewayResponse.ApiConfigurationError().failure();
  }

  /** A URI's query can carry keys a mapping put there: the log names the endpoint without it. */
  private static String withoutQuery(Object target) {
    String text = String.valueOf(target);
    int query = text.indexOf('?');
    return query < 0 ? text : text.substring(0, query);
  }

  private static void failed(Exchange exchange, String reason) {
    LOG.warn("request {} on {}: {}", exchange.requestId(), exchange.stage(), reason);
    exchange.executionLog().add(reason);
    exchange.requestLog().integrationError(reason);
  }
}
