package dev.archway.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archway.model.Json;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/**
 * The one place a {@link GatewayResponse} becomes a client response: the AWS default template
 * {@code {"message":$context.error.messageString}}, JSON, with {@code x-amzn-ErrorType}.
 * Customised gateway responses (PutGatewayResponse) will plug in here.
 */
public final class GatewayResponseRenderer {

  private GatewayResponseRenderer() {}

  public static MethodResponse render(GatewayResponse response) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json")
        .add("x-amzn-ErrorType", response.errorType());
    return new MethodResponse(response.statusCode(), headers, Buffer.buffer(body(response.message())));
  }

  /** The response for any failure of a pipeline: gateway responses as they are, anything else a 500. */
  public static MethodResponse render(Throwable failure) {
    if (failure instanceof GatewayResponse.Failure f) {
      return render(f.response());
    }
    return render(new GatewayResponse.InternalServerError());
  }

  private static String body(String message) {
    try {
      return Json.MAPPER.writeValueAsString(Map.of("message", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a one-string JSON object", e);
    }
  }
}
