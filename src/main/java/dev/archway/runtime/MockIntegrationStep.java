package dev.archway.runtime;

import dev.archway.integration.BackendResponse;
import dev.archway.integration.MockIntegration;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * MOCK: reads the status code from the request template chosen by the request's Content-Type
 * (else {@code application/json}). Templates are static text until the VTL engine arrives.
 */
public final class MockIntegrationStep implements Step {
  private static final String DEFAULT_TYPE = "application/json";
  private final Map<String, String> templates;

  /** @param templates request templates by media type, as on the integration */
  public MockIntegrationStep(Map<String, String> templates) {
    TreeMap<String, String> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byType.putAll(templates);
    this.templates = byType;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String type = exchange.methodRequest().mediaType();
    String template = type == null ? null : templates.get(type);
    if (template == null) {
      template = templates.get(DEFAULT_TYPE);
    }
    MockIntegration.Outcome outcome = MockIntegration.invoke(template);
    if (outcome instanceof MockIntegration.Status s) {
      exchange.endpointResponse(new BackendResponse(s.statusCode(), MultiMap.caseInsensitiveMultiMap(), Buffer.buffer()));
      return Future.succeededFuture();
    }
    if (outcome instanceof MockIntegration.NotJson) {
      // Recorded against AWS: a template that is not JSON gives 200 with an empty body.
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", DEFAULT_TYPE);
      exchange.methodResponse(new MethodResponse(200, headers, Buffer.buffer()));
      return Future.succeededFuture();
    }
    // "Execution failed due to configuration error: Unable to parse statusCode."
    return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
  }

  @Override
  public String toString() {
    return "MockIntegration(templates=" + templates.keySet() + ")";
  }
}
