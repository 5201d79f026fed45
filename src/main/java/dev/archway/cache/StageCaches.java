package dev.archway.cache;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response cache of every REST stage with {@code cacheClusterEnabled}, by API and stage. A
 * cache outlives recompiles and redeployments of its stage, as AWS's cache cluster does; changing
 * the stage's {@code cacheClusterSize} makes a new, empty one (AWS: "All existing cached data is
 * deleted"). Thread-safe: compilers on worker threads and FlushStageCache share it.
 */
public final class StageCaches {
  private static final Logger LOG = LoggerFactory.getLogger(StageCaches.class);
  private static final long GIB = 1024L * 1024 * 1024;
  /** The size AWS gives a cache created without one. */
  private static final String DEFAULT_SIZE = "0.5";

  private record Sized(long bytes, ResponseCache cache) {}

  /** Makes a stage's cache. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param stage the API and stage, {@code apiId/stage}
     * @param bytes the most the cache may hold
     */
    ResponseCache make(String stage, long bytes);
  }

  private final Factory factory;
  private final long heapShare;
  private final Map<String, Sized> byStage = new ConcurrentHashMap<>();

  /** Caches in this node's memory, each at most a quarter of the heap whatever its size says. */
  public static StageCaches local() {
    return new StageCaches(LocalResponseCache::new, Runtime.getRuntime().maxMemory() / 4);
  }

  /**
   * @param factory makes a cache holding at most the bytes it is given
   * @param heapShare the most bytes one cache may hold, whatever its stage's size says
   */
  public StageCaches(LongFunction<ResponseCache> factory, long heapShare) {
    this((stage, bytes) -> factory.apply(bytes), heapShare);
  }

  /**
   * @param factory makes a stage's cache
   * @param heapShare the most bytes one cache may hold, whatever its stage's size says
   */
  public StageCaches(Factory factory, long heapShare) {
    this.factory = factory;
    this.heapShare = heapShare;
  }

  /** The stage's cache, made now when it has none or its size changed. */
  public ResponseCache of(String apiId, String stage, String clusterSize) {
    long bytes = bytes(clusterSize);
    boolean[] resized = {false};
    Sized cache = byStage.compute(apiId + "/" + stage, (key, held) -> {
      if (held != null && held.bytes() == bytes) {
        return held;
      }
      long bound = Math.min(bytes, heapShare);
      if (bound < bytes) {
        LOG.info("stage {} of REST API {}: cache size {} GB bounded to {} MB, a quarter of the heap", stage, apiId,
            clusterSize == null ? DEFAULT_SIZE : clusterSize, bound / (1024 * 1024));
      }
      resized[0] = held != null;
      return new Sized(bytes, factory.make(key, bound));
    });
    if (resized[0]) {
      cache.cache().flush(); // a shared cache outlives this node's instance: empty it as AWS does
    }
    return cache.cache();
  }

  /** Forgets the caches of the API's stages other than {@code cached} (caching turned off, stage deleted). */
  public void retain(String apiId, Set<String> cached) {
    String prefix = apiId + "/";
    byStage.keySet().removeIf(key -> key.startsWith(prefix) && !cached.contains(key.substring(prefix.length())));
  }

  /** FlushStageCache: empties the stage's cache (done at once when it has none). */
  public Future<Void> flush(String apiId, String stage) {
    Sized held = byStage.get(apiId + "/" + stage);
    return held == null ? Future.succeededFuture() : held.cache().flush();
  }

  /** {@code cacheClusterSize} in bytes: "0.5" is 0.5 GiB; null is AWS's default, 0.5. */
  static long bytes(String clusterSize) {
    String size = clusterSize == null ? DEFAULT_SIZE : clusterSize;
    try {
      return (long) (Double.parseDouble(size) * GIB);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cacheClusterSize: " + size + " (expected: 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118 or 237)");
    }
  }

  @Override
  public String toString() {
    return "StageCaches(" + byStage.size() + " stages)";
  }
}
