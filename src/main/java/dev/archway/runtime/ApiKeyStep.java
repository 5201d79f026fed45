package dev.archway.runtime;

import dev.archway.auth.ApiKeyValues;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A method with {@code apiKeyRequired}: the key from {@code x-api-key} (source HEADER) or the
 * authorizer's {@code usageIdentifierKey} (source AUTHORIZER) must be an enabled key in a usage
 * plan of this API stage, else 403 Forbidden. The key is found by the SHA-256 of the value, so no
 * secret is compared byte by byte; logs show it masked.
 */
public final class ApiKeyStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeyStep.class);
  private static final Future<Void> FORBIDDEN = Future.failedFuture(new GatewayResponse.InvalidApiKey().failure());

  /** Where the key comes from: the API's {@code apiKeySource}. */
  public enum Source {
    HEADER, AUTHORIZER;

    /** HEADER unless the API says AUTHORIZER (AWS's default is HEADER). */
    public static Source of(String apiKeySource) {
      return "AUTHORIZER".equals(apiKeySource) ? AUTHORIZER : HEADER;
    }
  }

  private final LiveAccess access;
  private final String stageKey;
  private final Source source;

  /** @param stageKey {@code AccessRules.stageKey(apiId, stageName)} */
  public ApiKeyStep(LiveAccess access, String stageKey, Source source) {
    this.access = access;
    this.stageKey = stageKey;
    this.source = source;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String value = source == Source.HEADER
        ? exchange.methodRequest().headers().get("x-api-key")
        : exchange.usageIdentifierKey();
    if (value == null || value.isEmpty()) {
      return FORBIDDEN;
    }
    PlanKey key = access.current().key(stageKey, ApiKeyValues.sha256(value));
    if (key == null) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("request {}: API Key {} is not an enabled key of a usage plan of {}",
            exchange.requestId(), ApiKeyValues.mask(value), stageKey);
      }
      return FORBIDDEN;
    }
    exchange.apiKey(key, value);
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "ApiKey(source=" + source + ")";
  }
}
