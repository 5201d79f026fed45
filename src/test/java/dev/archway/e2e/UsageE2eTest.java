package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/** GetUsage and UpdateUsage through the AWS SDK. */
class UsageE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void usageReportsEveryDayOfEveryKeyAndUpdateUsageMovesTheRemainingQuota() {
    String plan = aws.createUsagePlan(r -> r.name("metered").quota(q -> q.limit(100).offset(10).period(QuotaPeriodType.DAY))).id();
    String a = aws.createApiKey(r -> r.name("a")).id();
    String b = aws.createApiKey(r -> r.name("b")).id();
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(a).keyType("API_KEY"));
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(b).keyType("API_KEY"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    var usage = aws.getUsage(r -> r.usagePlanId(plan).startDate(today.minusDays(2).toString()).endDate(today.toString()));
    assertThat(usage.usagePlanId()).isEqualTo(plan);
    assertThat(usage.startDate()).isEqualTo(today.minusDays(2).toString());
    assertThat(usage.items()).containsOnlyKeys(a, b);
    // the offset is taken from the limit only in the day the quota was set
    assertThat(usage.items().get(a)).containsExactly(List.of(0L, 100L), List.of(0L, 100L), List.of(0L, 90L));

    var updated = aws.updateUsage(r -> r.usagePlanId(plan).keyId(a)
        .patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("250")));
    assertThat(updated.items()).containsOnlyKeys(a);
    assertThat(updated.items().get(a)).containsExactly(List.of(0L, 250L));
    var after = aws.getUsage(r -> r.usagePlanId(plan).startDate(today.toString()).endDate(today.toString()));
    assertThat(after.items().get(a)).containsExactly(List.of(0L, 250L));
    assertThat(after.items().get(b)).containsExactly(List.of(0L, 90L));

    var page = aws.getUsage(r -> r.usagePlanId(plan).startDate(today.toString()).endDate(today.toString()).limit(1));
    assertThat(page.items()).containsOnlyKeys(a);
    assertThat(page.position()).isNotNull();
    assertThat(aws.getUsage(r -> r.usagePlanId(plan).keyId(b).startDate(today.toString()).endDate(today.toString()))
        .items()).containsOnlyKeys(b);
  }

  @Test
  void refusesBadRequests() {
    String plan = aws.createUsagePlan(r -> r.name("free")).id();
    String key = aws.createApiKey(r -> r.name("k")).id();
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key).keyType("API_KEY"));
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    assertThatThrownBy(() -> aws.getUsage(r -> r.usagePlanId(plan).startDate("2024-13-01").endDate(today)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("yyyy-MM-dd");
    assertThatThrownBy(() -> aws.getUsage(r -> r.usagePlanId(plan).startDate(today).endDate("2020-01-01")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("before the start date");
    assertThatThrownBy(() -> aws.getUsage(r -> r.usagePlanId(plan).startDate("2020-01-01").endDate(today)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("90 days");
    assertThatThrownBy(() -> aws.getUsage(r -> r.usagePlanId("nope").startDate(today).endDate(today)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> aws.getUsage(r -> r.usagePlanId(plan).keyId("stranger").startDate(today).endDate(today)))
        .isInstanceOf(NotFoundException.class);
    assertThat(aws.getUsage(r -> r.usagePlanId(plan).startDate(today).endDate(today)).items().get(key))
        .containsExactly(List.of(0L, 0L)); // no quota: nothing remains to count down

    assertThatThrownBy(() -> aws.updateUsage(r -> r.usagePlanId(plan).keyId(key)
        .patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("5"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("has no quota");
    aws.updateUsagePlan(r -> r.usagePlanId(plan).patchOperations(
        p -> p.op(Op.REPLACE).path("/quota/limit").value("10"), p -> p.op(Op.REPLACE).path("/quota/period").value("MONTH")));
    assertThatThrownBy(() -> aws.updateUsage(r -> r.usagePlanId(plan).keyId(key)
        .patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("-1"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("whole number");
    assertThatThrownBy(() -> aws.updateUsage(r -> r.usagePlanId(plan).keyId(key)
        .patchOperations(p -> p.op(Op.REPLACE).path("/used").value("1"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path /used");
  }
}
