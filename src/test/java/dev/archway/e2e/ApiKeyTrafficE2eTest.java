package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;

/** Methods with apiKeyRequired, called with and without keys; keys and plans change without a redeploy. */
class ApiKeyTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private static ApiGatewayClient aws;
  private static KeyedApi api;
  private static String planId;

  @BeforeAll
  static void buildApi() {
    aws = server.client();
    api = KeyedApi.create(aws, "keyed").get("pets", true).get("open", false).deploy("prod").deploy("beta");
    planId = aws.createUsagePlan(r -> r.name("gold").apiStages(s -> s.apiId(api.id).stage("prod"))).id();
  }

  private static URI pets(String stage) {
    return server.pathStyle(api.id, stage, "/pets");
  }

  private static void assertForbidden(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("ForbiddenException");
  }

  @Test
  void aValidKeyInAPlanOfTheStageIsServed() throws Exception {
    String key = api.keyInPlan(planId);
    HttpResponse<String> response = KeyedApi.call(pets("prod"), key);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void missingUnknownAndEmptyKeysAreForbidden() throws Exception {
    assertForbidden(KeyedApi.call(pets("prod"), null));
    assertForbidden(KeyedApi.call(pets("prod"), ""));
    assertForbidden(KeyedApi.call(pets("prod"), "NotAKeyOfThisAccount1234567890"));
    // A method without apiKeyRequired ignores keys altogether.
    assertThat(KeyedApi.call(server.pathStyle(api.id, "prod", "/open"), null).statusCode()).isEqualTo(200);
    assertThat(KeyedApi.call(server.pathStyle(api.id, "prod", "/open"), "junk").statusCode()).isEqualTo(200);
  }

  @Test
  void aKeyOnlyOpensTheStagesOfItsPlan() throws Exception {
    String key = api.keyInPlan(planId);
    assertThat(KeyedApi.call(pets("prod"), key).statusCode()).isEqualTo(200);
    assertForbidden(KeyedApi.call(pets("beta"), key));
  }

  @Test
  void aKeyInNoPlanIsForbiddenUntilItIsAttachedWithoutARedeploy() throws Exception {
    var key = aws.createApiKey(r -> r.name("loose").enabled(true));
    assertForbidden(KeyedApi.call(pets("prod"), key.value()));

    aws.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    assertThat(KeyedApi.call(pets("prod"), key.value()).statusCode()).isEqualTo(200);

    aws.deleteUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()));
    assertForbidden(KeyedApi.call(pets("prod"), key.value()));
  }

  @Test
  void aDisabledKeyIsForbiddenAndWorksAgainOnceEnabled() throws Exception {
    var key = aws.createApiKey(r -> r.name("off").enabled(false));
    aws.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    assertForbidden(KeyedApi.call(pets("prod"), key.value()));

    aws.updateApiKey(r -> r.apiKey(key.id()).patchOperations(p -> p.op(Op.REPLACE).path("/enabled").value("true")));
    assertThat(KeyedApi.call(pets("prod"), key.value()).statusCode()).isEqualTo(200);

    aws.deleteApiKey(r -> r.apiKey(key.id()));
    assertForbidden(KeyedApi.call(pets("prod"), key.value()));
  }

  @Test
  void addingTheStageToThePlanOpensItForTheKeysAtOnce() throws Exception {
    String other = aws.createUsagePlan(r -> r.name("silver")).id();
    String key = api.keyInPlan(other);
    KeyedApi second = KeyedApi.create(aws, "second").get("pets", true).deploy("prod");
    URI uri = server.pathStyle(second.id, "prod", "/pets");
    assertForbidden(KeyedApi.call(uri, key));

    aws.updateUsagePlan(r -> r.usagePlanId(other).patchOperations(
        p -> p.op(Op.ADD).path("/apiStages").value(second.id + ":prod")));
    assertThat(KeyedApi.call(uri, key).statusCode()).isEqualTo(200);
  }

  @Test
  void aKeyImportedWithItsValueWorks() throws Exception {
    String value = "ImportedKeyValue0123456789abcdef";
    var key = aws.createApiKey(r -> r.name("chosen").value(value).enabled(true));
    aws.createUsagePlanKey(r -> r.usagePlanId(planId).keyId(key.id()).keyType("API_KEY"));
    assertThat(KeyedApi.call(pets("prod"), value).statusCode()).isEqualTo(200);
    assertForbidden(KeyedApi.call(pets("prod"), value.toUpperCase()));
  }
}
