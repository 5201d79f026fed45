package dev.archway.runtime;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Map;

/** Hand-built exchanges and outcomes for the access-control step tests. */
final class AccessExchanges {
  private AccessExchanges() {}

  static Exchange exchange(String apiKeyHeader) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (apiKeyHeader != null) {
      headers.add("X-API-Key", apiKeyHeader);
    }
    return new Exchange("req-1", IntegrationResponseStepTest.STAGE, new MethodRequest("GET", "/pets", Map.of(), null,
        MultiMap.caseInsensitiveMultiMap(), headers, Buffer.buffer()));
  }

  /** The gateway response type a step failed with, or "passed". */
  static String outcome(Future<Void> result) {
    if (result.succeeded()) {
      return "passed";
    }
    return result.cause() instanceof GatewayResponse.Failure f ? f.response().type() : result.cause().toString();
  }
}
