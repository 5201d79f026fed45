package dev.archway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The flags of many nodes: PostgreSQL URLs as JDBC takes them, Redis only beside a shared store, no password in messages. */
class ClusterSettingsTest {

  @Test
  void aPostgresUrlBecomesAJdbcUrlWithItsCredentials() {
    ClusterSettings settings = ClusterSettings.of("postgresql://archway:s%40cret@db:5432/gw?sslmode=require", null, "a");
    assertThat(settings.store()).isEqualTo(
        new ClusterSettings.Postgres("jdbc:postgresql://db:5432/gw?sslmode=require", "archway", "s@cret"));
    assertThat(settings.sharedStore()).isTrue();
    assertThat(settings.toString()).doesNotContain("cret");
  }

  @Test
  void redisNeedsASharedStoreAndARedisUrl() {
    assertThatThrownBy(() -> ClusterSettings.of(null, "redis://cache:6379", "a"))
        .hasMessage("--redis: redis://cache:6379 needs --store (expected: the PostgreSQL the nodes share)");
    assertThatThrownBy(() -> ClusterSettings.of("postgresql://db/gw", "http://user:hunter2@cache:6379", "a"))
        .hasMessageStartingWith("--redis: http://user:****@cache:6379 (expected: redis://host:6379")
        .hasMessageNotContaining("hunter2");
    assertThat(ClusterSettings.of("postgresql://db/gw", "rediss://u:p@cache:6380/1", "a").redis())
        .isEqualTo("rediss://u:p@cache:6380/1");
  }

  @Test
  void aNodeIdIsAShortName() {
    assertThatThrownBy(() -> ClusterSettings.of(null, null, "no spaces")).hasMessageStartingWith("--node-id: no spaces");
    assertThat(ClusterSettings.of(null, null, "node-1.eu").nodeId()).isEqualTo("node-1.eu");
    assertThat(ClusterSettings.of(null, null, " ").nodeId()).matches("[A-Za-z0-9._-]{1,64}");
  }
}
