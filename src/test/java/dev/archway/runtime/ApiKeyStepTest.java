package dev.archway.runtime;

import dev.archway.auth.AuthorizerResult;

import static dev.archway.runtime.AccessExchanges.exchange;
import static dev.archway.runtime.AccessExchanges.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.auth.ApiKeyValues;
import dev.archway.traffic.AccessRules;
import dev.archway.traffic.LiveAccess;
import dev.archway.traffic.PlanKey;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API key step with hand-built rules: both key sources, and what it leaves for the later steps. */
class ApiKeyStepTest {
  private static final String VALUE = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
  private final PlanKey key = new PlanKey("k1", "p1", null, Map.of(), null);
  private final LiveAccess access = new LiveAccess();

  ApiKeyStepTest() {
    access.publish(new AccessRules(Map.of("a1/dev", Map.of(ApiKeyValues.sha256(VALUE), key)), Map.of()));
  }

  @Test
  void headerSourceReadsXApiKeyAndRecordsTheKeyOnTheExchange() {
    ApiKeyStep step = new ApiKeyStep(access, "a1/dev", ApiKeyStep.Source.HEADER);
    Exchange exchange = exchange(VALUE);
    assertThat(outcome(step.apply(exchange))).isEqualTo("passed");
    assertThat(exchange.apiKey()).isSameAs(key);

    assertThat(outcome(step.apply(exchange(null)))).isEqualTo("INVALID_API_KEY");
    assertThat(outcome(step.apply(exchange(VALUE + "x")))).isEqualTo("INVALID_API_KEY");
    assertThat(outcome(new ApiKeyStep(access, "a1/prod", ApiKeyStep.Source.HEADER).apply(exchange(VALUE))))
        .as("another stage of the same API").isEqualTo("INVALID_API_KEY");
  }

  @Test
  void authorizerSourceReadsTheUsageIdentifierKeyAndIgnoresTheHeader() {
    ApiKeyStep step = new ApiKeyStep(access, "a1/dev", ApiKeyStep.Source.AUTHORIZER);
    assertThat(outcome(step.apply(exchange(VALUE)))).isEqualTo("INVALID_API_KEY");

    Exchange authorized = exchange(null);
    authorized.authorizer(new AuthorizerResult("user", Map.of(), Map.of(), VALUE));
    assertThat(outcome(step.apply(authorized))).isEqualTo("passed");
    assertThat(authorized.apiKey()).isSameAs(key);
  }

  @Test
  void keysWorkFromTheMomentTheRulesArePublished() {
    ApiKeyStep step = new ApiKeyStep(access, "a1/dev", ApiKeyStep.Source.HEADER);
    access.publish(AccessRules.EMPTY);
    assertThat(outcome(step.apply(exchange(VALUE)))).isEqualTo("INVALID_API_KEY");
    access.publish(new AccessRules(Map.of("a1/dev", Map.of(ApiKeyValues.sha256(VALUE), key)), Map.of()));
    assertThat(outcome(step.apply(exchange(VALUE)))).isEqualTo("passed");
    assertThat(step).hasToString("ApiKey(source=HEADER)");
  }

  @Test
  void theForbiddenAnswerIsAwsInvalidApiKey() {
    GatewayResponse forbidden = new GatewayResponse.InvalidApiKey();
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.message()).isEqualTo("Forbidden");
    assertThat(forbidden.errorType()).isEqualTo("ForbiddenException");
  }
}
