package dev.archway.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {
  @Test
  void anOriginIsTheListenersOwnOnlyWithTheSameHostAndPort() {
    HostAndPort host = HostAndPort.authority("127.0.0.1", 8080);
    assertThat(CrossSiteGuard.sameOrigin("http://127.0.0.1:8080", host, false)).isTrue();
    assertThat(CrossSiteGuard.sameOrigin("http://127.0.0.1:8081", host, false)).isFalse();
    assertThat(CrossSiteGuard.sameOrigin("http://localhost:8080", host, false)).isFalse();
    assertThat(CrossSiteGuard.sameOrigin("null", host, false)).isFalse();
    assertThat(CrossSiteGuard.sameOrigin("http://admin.example", HostAndPort.authority("admin.example", -1), false)).isTrue();
    assertThat(CrossSiteGuard.sameOrigin("https://admin.example", HostAndPort.authority("admin.example", -1), true)).isTrue();
    assertThat(CrossSiteGuard.sameOrigin("https://admin.example", HostAndPort.authority("admin.example", -1), false)).isFalse();
  }

  @Test
  void onlyIpLiteralsAndLocalhostNamesCannotBeRebound() {
    assertThat(CrossSiteGuard.local("127.0.0.1")).isTrue();
    assertThat(CrossSiteGuard.local("[::1]")).isTrue();
    assertThat(CrossSiteGuard.local("LOCALHOST.")).isTrue();
    assertThat(CrossSiteGuard.local("app.localhost")).isTrue();
    assertThat(CrossSiteGuard.local("localhost.evil.example")).isFalse();
    assertThat(CrossSiteGuard.local("1.2.3.4.evil.example")).isFalse();
  }
}
