package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.Settings;
import dev.archway.model.ThrottleSettings;
import dev.archway.testing.ArchwayServer;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * --account-throttle: the account-level limit is a server setting (a service-quota increase on
 * AWS). GetAccount and UpdateAccount report it, and traffic is limited by it. A bucket of burst 2
 * that refills once a minute admits exactly two requests here.
 */
class AccountThrottleSettingE2eTest {
  @RegisterExtension static final ArchwayServer server =
      new ArchwayServer(s -> s.withAccountThrottle(new ThrottleSettings(2, 1.0 / 60)));

  @Test
  void getAccountReportsTheConfiguredThrottleAndTrafficObeysIt() throws Exception {
    ApiGatewayClient aws = server.client();
    var account = aws.getAccount(r -> {});
    assertThat(account.throttleSettings().rateLimit()).isEqualTo(1.0 / 60);
    assertThat(account.throttleSettings().burstLimit()).isEqualTo(2);
    var updated = aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn")
        .value("arn:aws:iam::000000000000:role/logs")));
    assertThat(updated.throttleSettings().burstLimit()).isEqualTo(2);

    KeyedApi api = KeyedApi.create(aws, "limited").get("pets", false).deploy("prod");
    URI pets = server.pathStyle(api.id, "prod", "/pets");
    assertThat(KeyedApi.call(pets, null).statusCode()).isEqualTo(200);
    assertThat(KeyedApi.call(pets, null).statusCode()).isEqualTo(200);
    var third = KeyedApi.call(pets, null);
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.body()).isEqualTo("{\"message\":\"Too Many Requests\"}");
  }

  @Test
  void theFlagTakesRateAndBurst() {
    assertThat(Settings.parseThrottle("50000,20000")).isEqualTo(new ThrottleSettings(20000, 50000.0));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.parseThrottle("fast"))
        .hasMessageContaining("expected: RATE,BURST");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Settings.forTests(java.nio.file.Path.of("x"))
        .withAccountThrottle(new ThrottleSettings(0, 10.0))).hasMessageContaining("burst >= 1");
  }
}
