package dev.archway.auth.lambda;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Lambda authorizer results by authorizer and identity (AWS-BEHAVIOUR A.15, D.9): this node's
 * ({@link LocalAuthorizerCache}) or every node's (Redis, with {@code --redis}). The key is the
 * identity-source values only, never the method: what is cached is the authorizer's output, and the
 * caller re-evaluates its policy against each request's method ARN, so a policy that allows only the
 * first method denies the next, as on AWS. A redeploy gets new keys through its deployment id.
 * Called on event loops: nothing blocks; a look-up never fails (a cache that cannot answer answers a
 * miss, so the authorizer is called) and a put is fire-and-forget. Thread-safe.
 *
 * @param <V> what is cached: the REST authorizer output, or another format's
 */
public interface AuthorizerCache<V> {

  /** {@code identity} holds the identity-source values in the authorizer's order. */
  record Key(String apiId, String stage, String deploymentId, String authorizerId, List<String> identity) {
    public Key {
      identity = List.copyOf(identity);
    }
  }

  /** How a value is written for a cache in another process, and read back as it was (a value it cannot read is a miss). */
  record Codec<V>(Function<V, Buffer> write, Function<Buffer, V> read) {}

  /** The cached value, or a null result. */
  Future<V> get(Key key);

  /** Keeps {@code value} for {@code ttl}; a zero TTL keeps nothing. */
  void put(Key key, V value, Duration ttl);

  /** FlushStageAuthorizersCache: forgets every result cached for the stage (for every node that shares the cache). */
  Future<Void> flush(String apiId, String stage);
}
