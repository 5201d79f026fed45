package dev.archway.runtime;

import dev.archway.runtime.httpapi.CorsPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an API kind answers, the one thing besides their compiled pipelines in which REST and HTTP
 * APIs differ at the front door: how a failure becomes a response, the id headers every answer
 * carries, and (HTTP APIs) CORS headers on every answer.
 */
sealed interface Answers {
  Logger LOG = LoggerFactory.getLogger(Answers.class);

  /** REST APIs: the stage's gateway responses, {@code x-amzn-RequestId} and {@code x-amz-apigw-id}. */
  Answers REST = new Rest();

  /** @param exchange the request, or null when no stage was found (AWS's built-in answer then) */
  MethodResponse failure(Throwable cause, Exchange exchange);

  /** {@code $context.error.message}: the message this API kind answers {@code response} with. */
  default String errorMessage(GatewayResponse response) {
    return response.message();
  }

  /** Name/value pairs every answer carries, in place of the response's own headers of those names. */
  String[] stamps(RequestContext context);

  /** The answer as it leaves; {@code origin} is the request's {@code Origin} header. */
  default MethodResponse finish(MethodResponse response, String origin) {
    return response;
  }

  /**
   * Logs what is a bug rather than an answer: anything but a gateway response. An {@code Error} (a
   * stack overflow) gets one line: its thousand frames per request would drown the log.
   */
  static void logUnexpected(Throwable cause, Exchange exchange) {
    if (cause instanceof Error) {
      LOG.error("request {} on {} failed: {}", exchange == null ? "-" : exchange.requestId(),
          exchange == null ? "-" : exchange.stage(), cause.toString());
    } else if (!(cause instanceof GatewayResponse.Failure)) {
      LOG.error("request {} on {} failed", exchange == null ? "-" : exchange.requestId(),
          exchange == null ? "-" : exchange.stage(), cause);
    }
  }

  final class Rest implements Answers {
    private Rest() {}

    @Override
    public MethodResponse failure(Throwable cause, Exchange exchange) {
      logUnexpected(cause, exchange);
      return exchange == null ? GatewayResponseRenderer.render(cause) : GatewayResponseRenderer.render(cause, exchange);
    }

    @Override
    public String[] stamps(RequestContext context) {
      return new String[] {"x-amzn-RequestId", context.requestId(), "x-amz-apigw-id", context.extendedRequestId()};
    }

    @Override
    public String toString() {
      return "REST";
    }
  }

  /** HTTP APIs: {@code {"message":"..."}} errors, {@code apigw-requestid}, the API's CORS policy (or none). */
  record HttpApi(CorsPolicy cors) implements Answers {
    static final HttpApi WITHOUT_CORS = new HttpApi(null);

    @Override
    public MethodResponse failure(Throwable cause, Exchange exchange) {
      logUnexpected(cause, exchange);
      return GatewayResponseRenderer.renderHttpApi(cause);
    }

    @Override
    public String errorMessage(GatewayResponse response) {
      return GatewayResponseRenderer.httpApiMessage(response);
    }

    @Override
    public String[] stamps(RequestContext context) {
      return new String[] {"apigw-requestid", context.requestId()};
    }

    @Override
    public MethodResponse finish(MethodResponse response, String origin) {
      if (cors != null) {
        cors.decorate(origin, response.headers());
      }
      return response;
    }
  }
}
