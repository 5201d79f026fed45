package dev.archway.model;

/** The settings of one method (or {@code *}/{@code *}) of a stage: throttling, caching, logging. */
public record MethodSetting(
    Boolean metricsEnabled,
    String loggingLevel,
    Boolean dataTraceEnabled,
    Integer throttlingBurstLimit,
    Double throttlingRateLimit,
    Boolean cachingEnabled,
    Integer cacheTtlInSeconds,
    Boolean cacheDataEncrypted,
    Boolean requireAuthorizationForCacheControl,
    String unauthorizedCacheControlHeaderStrategy) {

  /** What AWS fills in when a patch first touches a method: the account throttle, caching off, TTL 300. */
  public static MethodSetting defaults() {
    return new MethodSetting(false, "OFF", false, 5000, 10000.0, false, 300, false, true, "SUCCEED_WITH_RESPONSE_HEADER");
  }
}
