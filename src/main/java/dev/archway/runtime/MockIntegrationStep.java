package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import dev.archway.integration.MockIntegration;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * MOCK: renders the request template chosen by the request's Content-Type (VTL, with
 * passthroughBehavior as for any non-proxy integration) and reads {@code statusCode} from its
 * output. What the template sets in {@code $context.responseOverride} stays on the exchange for the
 * final response.
 */
public final class MockIntegrationStep implements Step {
  private final IntegrationRequestBody requestBody;

  public MockIntegrationStep(IntegrationRequestBody requestBody) {
    this.requestBody = requestBody;
  }

  /** Templates rendered on the calling thread, passthrough WHEN_NO_MATCH: for unit tests. */
  public MockIntegrationStep(Map<String, String> templates) {
    this(new IntegrationRequestBody(templates, null, null, BinaryMediaTypes.NONE, TemplateRunner.INLINE, HeaderNames.of()));
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    return requestBody.render(exchange).compose(rendered -> {
      String output = rendered.body().toString(StandardCharsets.UTF_8);
      exchange.executionLog().add("Endpoint request body after transformations: ", rendered.body(), EndpointLog::body);
      MockIntegration.Outcome outcome = MockIntegration.invoke(output);
      if (outcome instanceof MockIntegration.Status s) {
        exchange.endpointResponse(new BackendResponse(s.statusCode(), MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
        return Future.succeededFuture();
      }
      if (outcome instanceof MockIntegration.NotJson) {
        // Recorded against AWS: a template that is not JSON gives 200 with an empty body.
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", IntegrationRequestBody.DEFAULT_TYPE);
        exchange.methodResponse(new MethodResponse(200, headers, Buffer.buffer()));
        return Future.succeededFuture();
      }
      exchange.executionLog().add("Execution failed due to configuration error: Unable to parse statusCode. "
          + "It should be an integer that is defined in the request template.");
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    });
  }

  @Override
  public String toString() {
    return "MockIntegration(" + requestBody + ")";
  }
}
