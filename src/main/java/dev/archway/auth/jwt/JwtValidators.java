package dev.archway.auth.jwt;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Hands out {@link JwtValidator}s, sharing one {@link JwksSource} per key location, so every
 * authorizer and every recompiled stage naming the same issuer shares one key cache and one
 * refresh schedule. One per server.
 */
public final class JwtValidators {
  private final JwksFetcher fetcher;
  private final Clock clock;
  private final ConcurrentMap<String, JwksSource> sources = new ConcurrentHashMap<>();

  public JwtValidators(JwksFetcher fetcher, Clock clock) {
    this.fetcher = fetcher;
    this.clock = clock;
  }

  public JwtValidator validator(JwtConfiguration configuration) {
    String key = configuration.issuer() + " " + configuration.keysLocation();
    JwksSource source = sources.computeIfAbsent(key, k -> new JwksSource(configuration, fetcher, clock));
    return new JwtValidator(configuration, source, clock);
  }

  @Override
  public String toString() {
    return "JwtValidators(" + sources.size() + " issuers, " + fetcher + ")";
  }
}
