package dev.archway.auth.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.archway.model.Json;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The signing keys of one issuer: fetched on first use (through discovery when no JWKS URI is
 * configured), kept for {@link #MAX_AGE}, fetched again when a token names an unknown {@code kid}
 * (key rotation) but at most once per {@link #MIN_REFRESH_INTERVAL}, so a flood of made-up
 * {@code kid}s cannot turn into a flood of fetches. Concurrent callers share one fetch. A failed
 * refresh keeps the keys already known. Thread-safe.
 */
public final class JwksSource {
  static final Duration MAX_AGE = Duration.ofHours(1);
  static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(10);

  private final JwtConfiguration configuration;
  private final JwksFetcher fetcher;
  private final Clock clock;
  private volatile Snapshot current;
  private Future<Snapshot> inFlight;
  private Instant lastAttempt = Instant.MIN;

  private record Snapshot(JWKSet keys, Instant fetchedAt) {}

  JwksSource(JwtConfiguration configuration, JwksFetcher fetcher, Clock clock) {
    this.configuration = configuration;
    this.fetcher = fetcher;
    this.clock = clock;
  }

  /** The key named {@code kid} (or the only signing key when {@code kid} is null); null when there is none. */
  Future<JWK> key(String kid) {
    Snapshot known = current;
    if (known != null && fresh(known)) {
      JWK key = find(known.keys(), kid);
      if (key != null || !mayRefresh()) {
        return Future.succeededFuture(key);
      }
    }
    return refresh().map(snapshot -> find(snapshot.keys(), kid)).recover(e -> {
      Snapshot stale = current;
      return stale == null ? Future.failedFuture(e) : Future.succeededFuture(find(stale.keys(), kid));
    });
  }

  private boolean fresh(Snapshot snapshot) {
    return snapshot.fetchedAt().plus(MAX_AGE).isAfter(clock.instant());
  }

  private synchronized boolean mayRefresh() {
    return lastAttempt.plus(MIN_REFRESH_INTERVAL).isBefore(clock.instant());
  }

  private synchronized Future<Snapshot> refresh() {
    if (inFlight != null) {
      return inFlight;
    }
    if (!mayRefresh() && current != null) {
      return Future.succeededFuture(current);
    }
    lastAttempt = clock.instant();
    Future<URI> location = configuration.jwksUri() != null
        ? Future.succeededFuture(configuration.jwksUri())
        : fetcher.get(configuration.discoveryUri()).map(this::jwksUriOf);
    Future<Snapshot> fetch = location.compose(fetcher::get).map(body -> {
      try {
        return new Snapshot(JWKSet.parse(body.toString(StandardCharsets.UTF_8)), clock.instant());
      } catch (ParseException e) {
        throw new KeysUnavailableException(configuration.keysLocation() + ": not a JWK set (" + e.getMessage() + ")");
      }
    });
    inFlight = fetch;
    return fetch.onComplete(ar -> {
      synchronized (this) {
        inFlight = null;
        if (ar.succeeded()) {
          current = ar.result();
        }
      }
    });
  }

  private URI jwksUriOf(io.vertx.core.buffer.Buffer discovery) {
    String where = configuration.discoveryUri().toString();
    try {
      String uri = Json.MAPPER.readTree(discovery.getBytes()).path("jwks_uri").asText("");
      URI parsed = URI.create(uri);
      if (!parsed.isAbsolute()) {
        throw new KeysUnavailableException(where + ": jwks_uri " + uri + " (expected: an absolute URL)");
      }
      return parsed;
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new KeysUnavailableException(where + ": not a discovery document with jwks_uri");
    }
  }

  /** Only public signing keys: symmetric ("oct") keys and encryption keys are never used to verify. */
  private static JWK find(JWKSet set, String kid) {
    List<JWK> signing = set.getKeys().stream()
        .filter(k -> !k.isPrivate() && k.getKeyType() != com.nimbusds.jose.jwk.KeyType.OCT)
        .filter(k -> k.getKeyUse() == null || k.getKeyUse() == com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
        .toList();
    if (kid == null) {
      return signing.size() == 1 ? signing.get(0) : null;
    }
    return signing.stream().filter(k -> kid.equals(k.getKeyID())).findFirst().orElse(null);
  }

  @Override
  public String toString() {
    return "JwksSource(" + configuration.keysLocation() + ")";
  }
}
