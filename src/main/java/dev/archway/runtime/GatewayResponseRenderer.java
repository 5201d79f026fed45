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
}
