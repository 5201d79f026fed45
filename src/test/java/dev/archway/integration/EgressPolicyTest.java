package dev.archway.integration;

import static dev.archway.integration.BackendCalls.await;
import static dev.archway.integration.BackendCalls.failure;
import static dev.archway.integration.BackendCalls.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** What the egress policy refuses, how deny and allow combine, and the backend client connecting only where it may. */
class EgressPolicyTest {

  static InetSocketAddress at(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  @Test
  void linkLocalMetadataAndTheUnspecifiedAddressAreAlwaysRefused() throws Exception {
    EgressPolicy open = EgressPolicy.of(null, "0.0.0.0/0,::/0");
    assertThat(open.refusal(at("169.254.169.254", 80))).contains("link-local");
    assertThat(open.refusal(at("fe80::1", 80))).contains("link-local");
    assertThat(open.refusal(at("::ffff:169.254.169.254", 80))).contains("link-local");
    assertThat(open.refusal(at("fd00:ec2::254", 80))).contains("metadata");
    assertThat(open.refusal(at("100.100.100.200", 80))).contains("metadata");
    assertThat(open.refusal(at("0.0.0.0", 80))).contains("unspecified");
    assertThat(open.refusal(at("::", 80))).contains("unspecified");
    for (String name : new String[] {"metadata.google.internal", "METADATA.google.internal.", "instance-data", "metadata"}) {
      assertThat(open.refusal(name)).as(name).contains("cloud metadata service");
    }
    assertThat(open.refusal("metadata.example.com")).isNull();
  }

  @Test
  void loopbackAndPrivateRangesAreAllowedByDefault() throws Exception {
    for (String ip : new String[] {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "fd12::1", "93.184.216.34"}) {
      assertThat(EgressPolicy.DEFAULT.refusal(at(ip, 8080))).as(ip).isNull();
    }
  }

  @Test
  void theMoreSpecificBlockDecidesAndAllowWinsATie() throws Exception {
    EgressPolicy policy = EgressPolicy.of("127.0.0.0/8, 10.0.0.0/8, 10.1.2.3/32, 0.0.0.0/0", "127.0.0.1/32,10.1.0.0/16,10.0.0.0/8");
    assertThat(policy.refusal(at("127.0.0.2", 80))).isEqualTo("127.0.0.2 is in --egress-deny 127.0.0.0/8");
    assertThat(policy.refusal(at("127.0.0.1", 80))).isNull();
    assertThat(policy.refusal(at("10.9.9.9", 80))).isNull(); // 10.0.0.0/8 in both lists: allow
    assertThat(policy.refusal(at("10.1.9.9", 80))).isNull();
    assertThat(policy.refusal(at("10.1.2.3", 80))).contains("10.1.2.3/32");
    assertThat(policy.refusal(at("93.184.216.34", 80))).contains("0.0.0.0/0");
    assertThat(policy.refusal(at("::1", 80))).isNull(); // an IPv4 block holds no IPv6 address
  }

  @Test
  void badBlocksNameTheFlag() {
    assertThatThrownBy(() -> EgressPolicy.of("10.0.0.0/33", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--egress-deny: 10.0.0.0/33 (expected: comma-separated CIDR blocks or addresses, such as 10.0.0.0/8,fd00::/8)");
    assertThatThrownBy(() -> EgressPolicy.of(null, "localhost")).hasMessageStartingWith("--egress-allow: localhost");
    assertThat(EgressPolicy.of(" ", "")).hasToString("EgressPolicy(deny=[], allow=[])");
  }

  @Test
  void theManagementListenerIsRefusedOnEveryAddressItListensOn() throws Exception {
    EgressPolicy loopback = EgressPolicy.of(null, "0.0.0.0/0").withManagementListener(at("127.0.0.1", 8081));
    assertThat(loopback.refusal(at("127.0.0.1", 8081))).isEqualTo("127.0.0.1:8081 is Archway's management listener");
    assertThat(loopback.refusal(at("127.0.0.5", 8081))).isNotNull();
    assertThat(loopback.refusal(at("::1", 8081))).isNotNull();
    assertThat(loopback.refusal(at("127.0.0.1", 8080))).isNull();
    assertThat(loopback.refusal(at("93.184.216.34", 8081))).isNull();

    EgressPolicy everywhere = EgressPolicy.DEFAULT.withManagementListener(at("0.0.0.0", 8081));
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress own : Collections.list(nic.getInetAddresses())) {
        if (!own.isLinkLocalAddress()) {
          assertThat(everywhere.refusal(new InetSocketAddress(own, 8081))).as(own.toString()).contains("management listener");
        }
      }
    }
  }

  @Test
  void theClientConnectsOnlyWhereThePolicyAllows() {
    Vertx vertx = Vertx.vertx();
    CountingServer backend = CountingServer.start(vertx, request -> request.response().end("ok"));
    try {
      HttpProxyIntegration denied = HttpProxyIntegration.create(vertx, () -> EgressPolicy.of("127.0.0.0/8", null));
      Throwable refused = failure(denied.send(get(backend.url("/x")), 2_000));
      assertThat(refused).isInstanceOf(EgressRefusedException.class)
          .hasMessage("egress to http://127.0.0.1:" + backend.port() + " refused: 127.0.0.1 is in --egress-deny 127.0.0.0/8");
      assertThat(failure(denied.send(get("http://169.254.169.254/latest/meta-data/"), 2_000)))
          .isInstanceOf(EgressRefusedException.class).hasMessageContaining("link-local");
      assertThat(failure(denied.send(get("http://metadata.google.internal/computeMetadata/v1/"), 2_000)))
          .isInstanceOf(EgressRefusedException.class).hasMessageContaining("cloud metadata service");
      assertThat(backend.accepted()).isZero();

      HttpProxyIntegration allowed = HttpProxyIntegration.create(vertx, () -> EgressPolicy.of("127.0.0.0/8", "127.0.0.1/32"));
      assertThat(await(allowed.send(get(backend.url("/x")), 2_000)).statusCode()).isEqualTo(200);
      assertThat(failure(allowed.send(get("http://user:secret@127.0.0.1:" + backend.port() + "/x"), 2_000)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user information").hasMessageNotContaining("secret");
      assertThat(backend.accepted()).isEqualTo(1);
      await(denied.close());
      await(allowed.close());
    } finally {
      backend.close();
      await(vertx.close());
    }
  }
}
