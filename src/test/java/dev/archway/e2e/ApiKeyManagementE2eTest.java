package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;

/** CreateApiKey, GetApiKey(s), UpdateApiKey, DeleteApiKey through the AWS SDK. */
class ApiKeyManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();

  @Test
  void generatedKeyIsDisabledAndNamelessByDefault() {
    var created = aws.createApiKey(r -> {});
    assertThat(created.value()).matches("[A-Za-z0-9]{40}");
    assertThat(created.enabled()).isFalse();
    assertThat(created.name()).isNull();
    assertThat(created.id()).matches("[a-z0-9]{10}");
    assertThat(created.createdDate()).isNotNull();

    var fetched = aws.getApiKey(r -> r.apiKey(created.id()));
    assertThat(fetched.value()).isNull();
    assertThat(aws.getApiKey(r -> r.apiKey(created.id()).includeValue(true)).value()).isEqualTo(created.value());
  }

  @Test
  void givenValuesAreCheckedAndUnique() {
    String value = "abcdefghij0123456789XYZ";
    var created = aws.createApiKey(r -> r.name("given").value(value).enabled(true).customerId("c-1").description("d"));
    assertThat(created.value()).isEqualTo(value);
    assertThat(created.enabled()).isTrue();
    assertThat(created.customerId()).isEqualTo("c-1");

    assertThatThrownBy(() -> aws.createApiKey(r -> r.name("again").value(value)))
        .isInstanceOf(ConflictException.class).hasMessageContaining("API Key already exists");
    assertThatThrownBy(() -> aws.createApiKey(r -> r.value("tooshort123")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("at least 20 characters");
    assertThatThrownBy(() -> aws.createApiKey(r -> r.value("has-a-dash-but-is-long-enough")))
        .isInstanceOf(BadRequestException.class).hasMessageNotContaining("has-a-dash");
    assertThatThrownBy(() -> aws.createApiKey(r -> r.value("x".repeat(129))))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void listFiltersAndPages() {
    ApiGatewayClient other = server.client(Region.EU_WEST_1);
    for (int i = 0; i < 5; i++) {
      int n = i;
      other.createApiKey(r -> r.name("team-" + n).customerId(n % 2 == 0 ? "even" : "odd"));
    }
    other.createApiKey(r -> r.name("solo"));

    assertThat(other.getApiKeys(r -> r.nameQuery("team-")).items()).hasSize(5)
        .allSatisfy(k -> assertThat(k.value()).isNull());
    assertThat(other.getApiKeys(r -> r.customerId("even")).items()).extracting(ApiKey::name)
        .containsExactly("team-0", "team-2", "team-4");
    assertThat(other.getApiKeys(r -> r.includeValues(true).nameQuery("solo")).items().get(0).value()).hasSize(40);

    var first = other.getApiKeys(r -> r.limit(4));
    assertThat(first.items()).hasSize(4);
    assertThat(first.position()).isNotNull();
    var second = other.getApiKeys(r -> r.limit(4).position(first.position()));
    assertThat(second.items()).extracting(ApiKey::name).containsExactly("team-4", "solo");
    assertThat(second.position()).isNull();
    assertThat(other.getApiKeysPaginator(r -> r.limit(2)).items()).hasSize(6);
    assertThat(aws.getApiKeys(r -> r.nameQuery("team-")).items()).isEmpty(); // another region sees none
  }

  @Test
  void updateAndStageKeys() {
    String apiId = Fixtures.mockApi(aws, "keys", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("prod"));
    var key = aws.createApiKey(r -> r.name("before").stageKeys(s -> s.restApiId(apiId).stageName("prod")));
    assertThat(key.stageKeys()).containsExactly(apiId + "/prod");

    var updated = aws.updateApiKey(r -> r.apiKey(key.id()).patchOperations(
        p -> p.op(Op.REPLACE).path("/name").value("after"),
        p -> p.op(Op.REPLACE).path("/enabled").value("true"),
        p -> p.op(Op.REPLACE).path("/description").value("described"),
        p -> p.op(Op.REMOVE).path("/stages").value(apiId + "/prod")));
    assertThat(updated.name()).isEqualTo("after");
    assertThat(updated.enabled()).isTrue();
    assertThat(updated.description()).isEqualTo("described");
    assertThat(updated.stageKeys()).isEmpty();
    assertThat(updated.value()).isNull();
    assertThat(aws.updateApiKey(r -> r.apiKey(key.id()).patchOperations(
        p -> p.op(Op.ADD).path("/stages").value(apiId + "/prod"))).stageKeys()).containsExactly(apiId + "/prod");

    assertThatThrownBy(() -> aws.updateApiKey(r -> r.apiKey(key.id()).patchOperations(p -> p.op(Op.REPLACE).path("/value").value("x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid patch path /value");
    assertThatThrownBy(() -> aws.updateApiKey(r -> r.apiKey(key.id()).patchOperations(p -> p.op(Op.ADD).path("/stages").value(apiId + "/nope"))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> aws.createApiKey(r -> r.stageKeys(s -> s.restApiId("missing").stageName("prod"))))
        .isInstanceOf(NotFoundException.class);
    assertThat(aws.getApiKey(r -> r.apiKey(key.id())).name()).isEqualTo("after");
  }

  @Test
  void deleteForgetsTheKeyAndFreesItsValue() {
    String value = "reusablevalue0123456789";
    var key = aws.createApiKey(r -> r.value(value));
    aws.deleteApiKey(r -> r.apiKey(key.id()));
    assertThatThrownBy(() -> aws.getApiKey(r -> r.apiKey(key.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid API Key identifier specified");
    assertThatThrownBy(() -> aws.deleteApiKey(r -> r.apiKey(key.id()))).isInstanceOf(NotFoundException.class);
    assertThat(aws.createApiKey(r -> r.value(value)).value()).isEqualTo(value);
  }
}
