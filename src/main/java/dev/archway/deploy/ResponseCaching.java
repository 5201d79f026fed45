package dev.archway.deploy;

import dev.archway.cache.ResponseCache;
import dev.archway.cache.StageCaches;
import dev.archway.model.Integration;
import dev.archway.model.MethodSetting;
import dev.archway.model.Stage;
import dev.archway.runtime.CacheKeyParameters;
import dev.archway.runtime.Pipeline;
import dev.archway.runtime.ResponseCacheStep;
import dev.archway.runtime.Step;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The stage cache of one compiled stage: which methods it caches and how, resolved from the
 * stage's settings at deploy time. A stage caches when {@code cacheClusterEnabled}; a method when
 * its own method settings say {@code caching/enabled}, or the stage's ({@code *}{@code /*}) do and it
 * is a GET (AWS: "only GET methods have caching enabled by default"); a TTL of 0 caches nothing.
 *
 * @param cache the stage's cache, null when it has none
 * @param partition "" for the stage, or the canary's own part of the cache when it does not {@code useStageCache}
 */
record ResponseCaching(ResponseCache cache, Stage stage, String partition) {
  static final ResponseCaching OFF = new ResponseCaching(null, null, "");
  private static final String ALL_METHODS = "*/*";
  private static final int DEFAULT_TTL_SECONDS = 300;

  /** The stage's caching; {@code ownPart} for a canary that does not {@code useStageCache}. */
  static ResponseCaching of(StageCaches caches, String apiId, Stage stage, boolean ownPart) {
    if (!Boolean.TRUE.equals(stage.cacheClusterEnabled())) {
      return OFF;
    }
    return new ResponseCaching(caches.of(apiId, stage.stageName(), stage.cacheClusterSize()), stage, ownPart ? "canary/" : "");
  }

  /** {@code integration} as the method serves it: alone, or behind the stage cache. */
  List<Step> wrap(String resourceId, String path, String httpMethod, Integration integration, List<Step> steps) {
    if (cache == null) {
      return steps;
    }
    Map<String, MethodSetting> settings = stage.methodSettings() == null ? Map.of() : stage.methodSettings();
    MethodSetting own = settings.get(path.replace("/", "~1") + "/" + httpMethod);
    MethodSetting setting = own != null ? own : settings.get(ALL_METHODS);
    boolean getOnly = own == null;
    if (setting == null || !Boolean.TRUE.equals(setting.cachingEnabled())
        || getOnly && !httpMethod.equals("GET") && !httpMethod.equals("ANY")) {
      return steps;
    }
    int ttl = setting.cacheTtlInSeconds() == null ? DEFAULT_TTL_SECONDS : setting.cacheTtlInSeconds();
    if (ttl <= 0) {
      return steps;
    }
    String namespace = integration.cacheNamespace() == null || integration.cacheNamespace().isEmpty()
        ? resourceId : integration.cacheNamespace();
    CacheKeyParameters key = new CacheKeyParameters(partition + namespace,
        integration.cacheKeyParameters() == null ? List.of() : integration.cacheKeyParameters());
    ResponseCacheStep.UnauthorizedStrategy strategy = ResponseCacheStep.UnauthorizedStrategy.valueOf(
        setting.unauthorizedCacheControlHeaderStrategy() == null ? "SUCCEED_WITH_RESPONSE_HEADER"
            : setting.unauthorizedCacheControlHeaderStrategy());
    boolean requireAuthorization = !Boolean.FALSE.equals(setting.requireAuthorizationForCacheControl());
    return List.of(new ResponseCacheStep(cache, key,
        new ResponseCacheStep.Settings(Duration.ofSeconds(ttl), getOnly, requireAuthorization, strategy), new Pipeline(steps)));
  }
}
