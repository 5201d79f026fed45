package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** GetAccount and UpdateAccount through the AWS SDK. */
class AccountE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  @Test
  void defaultsAndUpdates() {
    ApiGatewayClient aws = server.client(Region.AP_SOUTHEAST_2);
    var account = aws.getAccount(r -> {});
    assertThat(account.throttleSettings().rateLimit()).isEqualTo(10000.0);
    assertThat(account.throttleSettings().burstLimit()).isEqualTo(5000);
    assertThat(account.features()).containsExactly("UsagePlans");
    assertThat(account.apiKeyVersion()).isEqualTo("4");
    assertThat(account.cloudwatchRoleArn()).isNull();

    String role = "arn:aws:iam::123456789012:role/apigateway-logs";
    var updated = aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value(role)));
    assertThat(updated.cloudwatchRoleArn()).isEqualTo(role);
    assertThat(aws.getAccount(r -> {}).cloudwatchRoleArn()).isEqualTo(role);
    assertThat(server.client(Region.US_WEST_2).getAccount(r -> {}).cloudwatchRoleArn()).isNull(); // per region

    assertThatThrownBy(() -> aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value("not-an-arn"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("not well formed");
    assertThatThrownBy(() -> aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE).path("/throttleSettings/rateLimit").value("1"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path");
    assertThatThrownBy(() -> aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.ADD).path("/features").value("Magic"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid feature");
    assertThat(aws.updateAccount(r -> r.patchOperations(p -> p.op(Op.REPLACE).path("/cloudwatchRoleArn").value("")))
        .cloudwatchRoleArn()).isNull();
  }
}
