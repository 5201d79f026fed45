package dev.archway.deploy;

import dev.archway.model.v2.Stage;
import dev.archway.model.v2.Stage.RouteSettings;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Step;
import dev.archway.runtime.ThrottleStep;
import dev.archway.traffic.Buckets;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.RateLimiter;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Throttling of HTTP API routes in AWS's order: the route's limit, then the account's. A route's
 * limit is the stage's {@code routeSettings} for its route key laid field by field over the
 * stage's {@code defaultRouteSettings}, in a bucket of its own named by API, stage and route key,
 * so a recompile (a stage update, an auto-deploy) finds the same bucket with the tokens it had as
 * long as the limit did not change. The account's bucket is the one REST APIs of the account and
 * region use: AWS counts both kinds against one account throttle. HTTP APIs have no API keys or
 * usage plans, so the {@link ThrottleStep} REST methods use never finds a plan level here.
 */
public final class HttpApiThrottles {
  /** Compiles no throttling (compiler tests without access rules). */
  public static final HttpApiThrottles NONE = new HttpApiThrottles(null, null);
  private static final String ROUTE_BUCKETS = "route/";

  private final LiveAccess access;
  private final Buckets buckets;

  public HttpApiThrottles(LiveAccess access, Buckets buckets) {
    this.access = access;
    this.buckets = buckets;
  }

  /**
   * The throttle step of one route of a stage, or null when nothing is enforced at all ({@link #NONE}).
   * A route the stage does not limit still gets a step: the account limit applies to every route.
   *
   * @param bucketsUsed collects the name of the route's bucket, when it has one
   */
  Step step(String apiId, Stage stage, String routeKey, Set<String> bucketsUsed) {
    if (access == null) {
      return null;
    }
    RateLimiter limit = routeLimit(apiId, stage, routeKey);
    if (limit != null) {
      bucketsUsed.add(bucketId(apiId, stage, routeKey));
    }
    return new ThrottleStep(access, apiId, routeKey, limit);
  }

  /** Forgets the route buckets of the API that none of {@code served} uses; see {@link UsageControls#retain}. */
  void retain(String apiId, Collection<CompiledStage> served) {
    if (buckets != null) {
      buckets.retain(ROUTE_BUCKETS + apiId + "/", CompiledStage.bucketsOf(served));
    }
  }

  /** The route's bucket, or null when neither its settings nor the stage's defaults set both numbers. */
  RateLimiter routeLimit(String apiId, Stage stage, String routeKey) {
    Map<String, RouteSettings> routes = stage.routeSettings() == null ? Map.of() : stage.routeSettings();
    RouteSettings own = routes.get(routeKey);
    RouteSettings defaults = stage.defaultRouteSettings();
    Integer burst = own != null && own.throttlingBurstLimit() != null ? own.throttlingBurstLimit()
        : defaults == null ? null : defaults.throttlingBurstLimit();
    Double rate = own != null && own.throttlingRateLimit() != null ? own.throttlingRateLimit()
        : defaults == null ? null : defaults.throttlingRateLimit();
    // One number without the other limits nothing, as with REST method settings.
    if (burst == null || rate == null) {
      return null;
    }
    return buckets.bucket(bucketId(apiId, stage, routeKey), rate, burst);
  }

  /** Forgets the API's route buckets that are not in {@code live}. */
  void retainAll(String apiId, Set<String> live) {
    if (buckets != null) {
      buckets.retain(ROUTE_BUCKETS + apiId + "/", live);
    }
  }

  static String bucketId(String apiId, Stage stage, String routeKey) {
    return ROUTE_BUCKETS + apiId + "/" + stage.stageName() + "/" + routeKey;
  }

  @Override
  public String toString() {
    return access == null ? "HttpApiThrottles(none)" : "HttpApiThrottles(" + buckets + ")";
  }
}
