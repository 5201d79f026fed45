package dev.archway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.integration.EgressPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Discovery and JWKS fetches go only where the egress policy allows: never to instance metadata. */
class JwksFetcherEgressTest {

  @Test
  void linkLocalAndMetadataKeysAreRefusedWithoutAConnection() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      JwksFetcher fetcher = JwksFetcher.create(vertx, () -> EgressPolicy.DEFAULT);
      assertThat(failure(fetcher.get(URI.create("http://169.254.169.254/latest/meta-data/iam/keys.json"))))
          .isInstanceOf(KeysUnavailableException.class)
          .hasMessage("http://169.254.169.254/latest/meta-data/iam/keys.json: egress refused: "
              + "169.254.169.254 is link-local (169.254.0.0/16, fe80::/10: instance metadata)");
      assertThat(failure(fetcher.get(URI.create("https://[fe80::a9fe:a9fe]/jwks")))).hasMessageContaining("link-local");
      assertThat(failure(fetcher.get(URI.create("http://metadata.google.internal/jwks"))))
          .hasMessageContaining("egress refused: metadata.google.internal is a cloud metadata service");
      assertThat(failure(JwksFetcher.create(vertx, () -> EgressPolicy.of("127.0.0.0/8", null))
          .get(URI.create("http://127.0.0.1:1/jwks")))).hasMessageContaining("egress refused: 127.0.0.1 is in --egress-deny");
      fetcher.close().await();
    } finally {
      vertx.close().await();
    }
  }

  private static Throwable failure(Future<?> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().handle((ok, e) -> e).get(10, TimeUnit.SECONDS);
  }
}
