package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.apigateway.model.UsagePlanKey;

/** Usage plans and usage plan keys through the AWS SDK. */
class UsagePlanManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();
  private String apiId;

  @BeforeEach
  void deployedApi() {
    apiId = Fixtures.mockApi(aws, "plans", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod"));
    aws.createStage(r -> r.restApiId(apiId).stageName("test")
        .deploymentId(aws.getStage(s -> s.restApiId(apiId).stageName("prod")).deploymentId()));
  }

  @Test
  void createGetListDelete() {
    var plan = aws.createUsagePlan(r -> r.name("gold").description("best")
        .apiStages(s -> s.apiId(apiId).stage("prod").throttle(Map.of("/hello/GET", t(10, 5.0))))
        .throttle(t -> t.burstLimit(100).rateLimit(50.0))
        .quota(q -> q.limit(1000).period(QuotaPeriodType.MONTH))
        .tags(Map.of("tier", "gold")));
    assertThat(plan.id()).matches("[a-z0-9]{6}");
    assertThat(plan.apiStages().get(0).throttle().get("/hello/GET").rateLimit()).isEqualTo(5.0);
    assertThat(plan.throttle().burstLimit()).isEqualTo(100);
    assertThat(plan.quota().offset()).isZero();
    assertThat(plan.quota().period()).isEqualTo(QuotaPeriodType.MONTH);
    assertThat(aws.getUsagePlan(r -> r.usagePlanId(plan.id())).tags()).containsEntry("tier", "gold");
    assertThat(aws.getUsagePlans(r -> {}).items()).extracting(UsagePlan::id).contains(plan.id());

    aws.deleteUsagePlan(r -> r.usagePlanId(plan.id()));
    assertThatThrownBy(() -> aws.getUsagePlan(r -> r.usagePlanId(plan.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Usage Plan ID specified");
  }

  @Test
  void createValidates() {
    assertThatThrownBy(() -> aws.createUsagePlan(r -> r.name("x").apiStages(s -> s.apiId(apiId).stage("nope"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("API Stage not found: " + apiId + ":nope");
    assertThatThrownBy(() -> aws.createUsagePlan(r -> r.name("x").quota(q -> q.limit(10))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("quota period");
    assertThatThrownBy(() -> aws.createUsagePlan(r -> r.name("x").quota(q -> q.limit(10).offset(10).period(QuotaPeriodType.DAY))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> aws.createUsagePlan(r -> r.name("x").throttle(t -> t.burstLimit(-1))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("burstLimit");
    assertThatThrownBy(() -> aws.createUsagePlan(r -> r.name("x").apiStages(
        s -> s.apiId(apiId).stage("prod").throttle(Map.of("hello", t(1, 1.0))))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("/{resourcePath}/{httpMethod}");
  }

  @Test
  void updatePaths() {
    String id = aws.createUsagePlan(r -> r.name("silver").throttle(t -> t.burstLimit(10).rateLimit(5.0))
        .quota(q -> q.limit(100).period(QuotaPeriodType.DAY))).id();
    var updated = aws.updateUsagePlan(r -> r.usagePlanId(id).patchOperations(
        p -> p.op(Op.REPLACE).path("/name").value("platinum"),
        p -> p.op(Op.REPLACE).path("/throttle/rateLimit").value("7.5"),
        p -> p.op(Op.REPLACE).path("/quota/limit").value("500"),
        p -> p.op(Op.REPLACE).path("/quota/period").value("WEEK"),
        p -> p.op(Op.ADD).path("/apiStages").value(apiId + ":prod"),
        p -> p.op(Op.ADD).path("/apiStages").value(apiId + ":test"),
        p -> p.op(Op.REPLACE).path("/apiStages/" + apiId + ":prod/throttle/~1hello/GET/rateLimit").value("3"),
        p -> p.op(Op.REPLACE).path("/apiStages/" + apiId + ":prod/throttle/~1hello/GET/burstLimit").value("6")));
    assertThat(updated.name()).isEqualTo("platinum");
    assertThat(updated.throttle().rateLimit()).isEqualTo(7.5);
    assertThat(updated.quota().limit()).isEqualTo(500);
    assertThat(updated.quota().period()).isEqualTo(QuotaPeriodType.WEEK);
    assertThat(updated.apiStages()).hasSize(2);
    assertThat(updated.apiStages().get(0).throttle().get("/hello/GET")).isEqualTo(t(6, 3.0));

    var trimmed = aws.updateUsagePlan(r -> r.usagePlanId(id).patchOperations(
        p -> p.op(Op.REMOVE).path("/apiStages").value(apiId + ":test"),
        p -> p.op(Op.REMOVE).path("/apiStages/" + apiId + ":prod/throttle"),
        p -> p.op(Op.REMOVE).path("/throttle"),
        p -> p.op(Op.REMOVE).path("/quota")));
    assertThat(trimmed.apiStages()).hasSize(1);
    assertThat(trimmed.apiStages().get(0).throttle()).isEmpty();
    assertThat(trimmed.throttle()).isNull();
    assertThat(trimmed.quota()).isNull();

    assertThatThrownBy(() -> aws.updateUsagePlan(r -> r.usagePlanId(id).patchOperations(
        p -> p.op(Op.REMOVE).path("/apiStages").value(apiId + ":test"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API Stage {api: " + apiId + ", stage: test}");
    assertThatThrownBy(() -> aws.updateUsagePlan(r -> r.usagePlanId(id).patchOperations(
        p -> p.op(Op.ADD).path("/apiStages").value("nocolon"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid API Stage specified");
    assertThatThrownBy(() -> aws.updateUsagePlan(r -> r.usagePlanId(id).patchOperations(
        p -> p.op(Op.REPLACE).path("/id").value("mine"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path /id");
    assertThat(aws.getUsagePlan(r -> r.usagePlanId(id)).name()).isEqualTo("platinum"); // refused patches changed nothing
  }

  @Test
  void usagePlanKeys() {
    String plan = aws.createUsagePlan(r -> r.name("keys").apiStages(s -> s.apiId(apiId).stage("prod"))).id();
    String other = aws.createUsagePlan(r -> r.name("other").apiStages(s -> s.apiId(apiId).stage("prod"))).id();
    var alpha = aws.createApiKey(r -> r.name("alpha"));
    var beta = aws.createApiKey(r -> r.name("beta"));

    var added = aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(alpha.id()).keyType("API_KEY"));
    assertThat(added.name()).isEqualTo("alpha");
    assertThat(added.value()).isEqualTo(alpha.value());
    assertThat(added.type()).isEqualTo("API_KEY");
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(beta.id()).keyType("API_KEY"));

    assertThatThrownBy(() -> aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(alpha.id()).keyType("API_KEY")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> aws.createUsagePlanKey(r -> r.usagePlanId(other).keyId(alpha.id()).keyType("API_KEY")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("cannot reference multiple Usage Plans with the same API Stage: " + apiId + ":prod");
    assertThatThrownBy(() -> aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId("missing").keyType("API_KEY")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API Key identifier specified");
    assertThatThrownBy(() -> aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(beta.id()).keyType("OAUTH")))
        .isInstanceOf(BadRequestException.class);

    assertThat(aws.getUsagePlanKey(r -> r.usagePlanId(plan).keyId(beta.id())).name()).isEqualTo("beta");
    assertThat(aws.getUsagePlanKeys(r -> r.usagePlanId(plan).nameQuery("al")).items()).extracting(UsagePlanKey::id)
        .containsExactly(alpha.id());
    assertThat(aws.getUsagePlanKeysPaginator(r -> r.usagePlanId(plan).limit(1)).items()).hasSize(2);
    assertThat(aws.getUsagePlans(r -> r.keyId(alpha.id())).items()).extracting(UsagePlan::id).containsExactly(plan);

    aws.deleteUsagePlanKey(r -> r.usagePlanId(plan).keyId(alpha.id()));
    assertThatThrownBy(() -> aws.getUsagePlanKey(r -> r.usagePlanId(plan).keyId(alpha.id())))
        .isInstanceOf(NotFoundException.class);
    aws.createUsagePlanKey(r -> r.usagePlanId(other).keyId(alpha.id()).keyType("API_KEY")); // now allowed

    aws.deleteApiKey(r -> r.apiKey(beta.id()));
    assertThat(aws.getUsagePlanKeys(r -> r.usagePlanId(plan)).items()).isEmpty(); // a deleted key leaves its plans
  }

  @Test
  void addingAStageCannotGiveAKeyTwoPlansForIt() {
    String plan = aws.createUsagePlan(r -> r.name("p1").apiStages(s -> s.apiId(apiId).stage("prod"))).id();
    String other = aws.createUsagePlan(r -> r.name("p2").apiStages(s -> s.apiId(apiId).stage("test"))).id();
    var key = aws.createApiKey(r -> r.name("shared"));
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
    aws.createUsagePlanKey(r -> r.usagePlanId(other).keyId(key.id()).keyType("API_KEY"));
    assertThatThrownBy(() -> aws.updateUsagePlan(r -> r.usagePlanId(other).patchOperations(
        p -> p.op(Op.ADD).path("/apiStages").value(apiId + ":prod"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("multiple Usage Plans");
  }

  private static software.amazon.awssdk.services.apigateway.model.ThrottleSettings t(int burst, double rate) {
    return software.amazon.awssdk.services.apigateway.model.ThrottleSettings.builder().burstLimit(burst).rateLimit(rate).build();
  }
}
