package dev.archway.runtime;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * The one place a {@link GatewayResponse} becomes a client response: the stage's customised
 * gateway response when there is one (status, header mappings, body template), else AWS's
 * default template {@code {"message":$context.error.messageString}}; always JSON with
 * {@code x-amzn-ErrorType}. Templates were parsed at deploy time; nothing is parsed here.
 */
public final class GatewayResponseRenderer {

  private GatewayResponseRenderer() {}

  /** An error before any stage is known: AWS's built-in answer. */
  public static MethodResponse render(GatewayResponse response) {
    return render(response, null);
  }

  /** @param exchange the request being answered (its stage's gateway responses apply), or null */
  public static MethodResponse render(GatewayResponse response, Exchange exchange) {
    CustomGatewayResponse custom = exchange == null ? null : exchange.stage().gatewayResponses().find(response);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", custom == null ? "application/json" : custom.contentType())
        .add("x-amzn-ErrorType", response.errorType());
    if (custom == null) {
      return new MethodResponse(response.statusCode(), headers, Buffer.buffer(ErrorTemplate.defaultFor(response).render(response, exchange)));
    }
    for (Map.Entry<String, ParameterSource> mapping : custom.headers().entrySet()) {
      String value = mapping.getValue().valueFrom(exchange);
      if (value != null) {
        headers.set(mapping.getKey(), value);
      }
    }
    int status = custom.statusCode() == null ? response.statusCode() : custom.statusCode();
    return new MethodResponse(status, headers, Buffer.buffer(custom.template().render(response, exchange)));
  }

  /** The response for any failure of a pipeline: gateway responses as they are, anything else a 500. */
  public static MethodResponse render(Throwable failure) {
    return render(failure, null);
  }

  public static MethodResponse render(Throwable failure, Exchange exchange) {
    if (failure instanceof GatewayResponse.Failure f) {
      return render(f.response(), exchange);
    }
    return render(new GatewayResponse.InternalServerError(), exchange);
  }
  /**
   * An HTTP API's answer for a failure: HTTP APIs have no customisable gateway responses and send
   * no {@code x-amzn-ErrorType}; the body is {@code {"message":"<reason phrase>"}} (AWS-BEHAVIOUR C.3),
   * a timeout is a 503 and every configuration or Lambda failure a 500 "Internal Server Error".
   */
  public static MethodResponse renderHttpApi(Throwable failure) {
    GatewayResponse response = failure instanceof GatewayResponse.Failure f ? f.response() : new GatewayResponse.InternalServerError();
    int status = httpApiStatus(response);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json");
    if (response instanceof GatewayResponse.InvalidToken u && u.challenge() != null) {
      headers.add("www-authenticate", u.challenge());
    } else if (response instanceof GatewayResponse.InsufficientScope s) {
      headers.add("www-authenticate", s.challenge());
    }
    return new MethodResponse(status, headers, Buffer.buffer("{\"message\":\"" + httpApiMessage(status) + "\"}"));
  }

  private static int httpApiStatus(GatewayResponse response) {
    if (response instanceof GatewayResponse.IntegrationTimeout) {
      return 503;
    }
    if (response instanceof GatewayResponse.MissingAuthenticationToken) {
      return 404;
    }
    return response.statusCode() >= 500 ? 500 : response.statusCode(); // integration failures and malformed Lambda answers alike
  }

  /** The {@code message} of an HTTP API's answer to a failure ({@code $context.error.message}). */
  public static String httpApiMessage(GatewayResponse response) {
    return httpApiMessage(httpApiStatus(response));
  }

  private static String httpApiMessage(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Request Entity Too Large";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status >= 500 ? "Internal Server Error" : "Bad Request";
    };
  }
}
