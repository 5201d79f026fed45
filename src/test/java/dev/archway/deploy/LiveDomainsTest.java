package dev.archway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.runtime.CustomDomain;
import dev.archway.runtime.CustomDomain.Mapping;
import dev.archway.runtime.InvokeTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveDomainsTest {
  private final CustomDomain api = new CustomDomain("api.example.com", List.of(
      new Mapping("", "root", "prod"), new Mapping("orders", "orders", "prod"),
      new Mapping("orders/v1", "ordersV1", "live"), new Mapping("byPath", "named", null)));

  @Test
  void theLongestBasePathInWholeSegmentsWinsAndIsStripped() {
    assertThat(api.target("/orders/v1/pets/1")).isEqualTo(new InvokeTarget("ordersV1", "live", "/pets/1", null, "/orders/v1/pets/1"));
    assertThat(api.target("/orders/v1")).isEqualTo(new InvokeTarget("ordersV1", "live", "", null, "/orders/v1"));
    assertThat(api.target("/orders/v2/x").apiId()).isEqualTo("orders");
    assertThat(api.target("/orders/v1x").apiId()).isEqualTo("orders");
    assertThat(api.target("/ordersX").apiId()).isEqualTo("root");
    assertThat(api.target("/").path()).isEqualTo("/");
  }

  @Test
  void aMappingWithoutAStageTakesItFromThePath() {
    assertThat(api.target("/byPath/beta/pets")).isEqualTo(new InvokeTarget("named", "beta", "/pets", null, "/byPath/beta/pets"));
    assertThat(api.target("/byPath/beta")).isEqualTo(new InvokeTarget("named", "beta", "", null, "/byPath/beta"));
    assertThat(api.target("/byPath")).isNull();
  }

  @Test
  void hostsAreFoundWithoutTheirPortInAnyCaseAndByWildcard() {
    LiveDomains live = new LiveDomains();
    assertThat(live.find("api.example.com")).isNull();
    CustomDomain wildcard = new CustomDomain("*.tenants.example.com", List.of(new Mapping("", "t", "prod")));
    live.publish(Map.of("api.example.com", api, "*.tenants.example.com", wildcard));
    assertThat(live.find("api.example.com")).isSameAs(api);
    assertThat(live.find("API.Example.COM:8443")).isSameAs(api);
    assertThat(live.find("acme.tenants.example.com")).isSameAs(wildcard);
    assertThat(live.find("a.b.tenants.example.com")).isSameAs(wildcard);
    assertThat(live.find("tenants.example.com")).isNull();
    assertThat(live.find("abc123.execute-api.localhost")).isNull();
    assertThat(live.find(null)).isNull();
  }
}
