package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/** Usage-plan quotas on traffic: Limit Exceeded, GetUsage and UpdateUsage against live counts, a restart. */
class QuotaTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  private final ApiGatewayClient aws = server.client();
  private final String today = LocalDate.now(ZoneOffset.UTC).toString();

  private record Metered(KeyedApi api, String planId, String keyId, String key) {}

  private static Metered metered(ApiGatewayClient aws, int limit, int offset) {
    KeyedApi api = KeyedApi.create(aws, "metered").get("pets", true).deploy("prod");
    String plan = aws.createUsagePlan(r -> r.name("metered").quota(q -> q.limit(limit).offset(offset).period(QuotaPeriodType.DAY))
        .apiStages(s -> s.apiId(api.id).stage("prod"))).id();
    var key = aws.createApiKey(r -> r.name("metered").enabled(true));
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));
    return new Metered(api, plan, key.id(), key.value());
  }

  private static List<Integer> statuses(URI uri, String key, int calls) throws Exception {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      out.add(KeyedApi.call(uri, key).statusCode());
    }
    return out;
  }

  private List<Long> usageToday(ApiGatewayClient client, Metered m) {
    return client.getUsage(r -> r.usagePlanId(m.planId()).startDate(today).endDate(today)).items().get(m.keyId()).get(0);
  }

  @Test
  void theRequestAfterTheQuotaIsLimitExceeded() throws Exception {
    Metered m = metered(aws, 3, 0);
    URI pets = server.pathStyle(m.api().id, "prod", "/pets");
    assertThat(statuses(pets, m.key(), 3)).containsExactly(200, 200, 200);

    HttpResponse<String> over = KeyedApi.call(pets, m.key());
    assertThat(over.statusCode()).isEqualTo(429);
    assertThat(over.body()).isEqualTo("{\"message\":\"Limit Exceeded\"}");
    assertThat(over.headers().firstValue("x-amzn-ErrorType")).hasValue("LimitExceededException");
    assertThat(usageToday(aws, m)).as("refused requests are not counted").containsExactly(3L, 0L);
  }

  @Test
  void getUsageShowsRequestsAsTheyAreServed() throws Exception {
    Metered m = metered(aws, 10, 0);
    statuses(server.pathStyle(m.api().id, "prod", "/pets"), m.key(), 4);
    assertThat(usageToday(aws, m)).containsExactly(4L, 6L);
  }

  @Test
  void theOffsetIsTakenFromTheFirstPeriod() throws Exception {
    Metered m = metered(aws, 5, 2);
    assertThat(statuses(server.pathStyle(m.api().id, "prod", "/pets"), m.key(), 4)).containsExactly(200, 200, 200, 429);
  }

  @Test
  void updateUsageGivesAnExhaustedKeyMoreRequestsAtOnce() throws Exception {
    Metered m = metered(aws, 2, 0);
    URI pets = server.pathStyle(m.api().id, "prod", "/pets");
    assertThat(statuses(pets, m.key(), 3)).containsExactly(200, 200, 429);

    var updated = aws.updateUsage(r -> r.usagePlanId(m.planId()).keyId(m.keyId())
        .patchOperations(p -> p.op(Op.REPLACE).path("/remaining").value("2")));
    assertThat(updated.items().get(m.keyId())).containsExactly(List.of(2L, 2L));
    assertThat(statuses(pets, m.key(), 3)).containsExactly(200, 200, 429);
    assertThat(usageToday(aws, m)).containsExactly(4L, 0L);
  }

  @Test
  void raisingThePlanLimitAppliesWithoutARedeploy() throws Exception {
    Metered m = metered(aws, 1, 0);
    URI pets = server.pathStyle(m.api().id, "prod", "/pets");
    assertThat(statuses(pets, m.key(), 2)).containsExactly(200, 429);
    aws.updateUsagePlan(r -> r.usagePlanId(m.planId()).patchOperations(p -> p.op(Op.REPLACE).path("/quota/limit").value("3")));
    assertThat(statuses(pets, m.key(), 3)).containsExactly(200, 200, 429);
  }

  @Test
  void quotasSurviveARestartOnTheSameDataDirectory() throws Exception {
    Path dir = Files.createTempDirectory("archway-quota");
    try {
      Metered m;
      try (Archway first = Archway.start(Settings.forTests(dir))) {
        ApiGatewayClient client = ArchwayServer.client(first.adminPort(), Region.US_EAST_1, "AKIDTEST", "secret");
        m = metered(client, 3, 0);
        URI pets = pathStyle(first, m.api().id);
        // Counted in memory and not yet written when the server stops: shutdown writes them.
        assertThat(statuses(pets, m.key(), 2)).containsExactly(200, 200);
        client.close();
      }
      try (Archway second = Archway.start(Settings.forTests(dir))) {
        ApiGatewayClient client = ArchwayServer.client(second.adminPort(), Region.US_EAST_1, "AKIDTEST", "secret");
        URI pets = pathStyle(second, m.api().id);
        assertThat(statuses(pets, m.key(), 2)).containsExactly(200, 429);
        assertThat(usageToday(client, m)).containsExactly(3L, 0L);
        client.close();
      }
    } finally {
      ArchwayServer.TempFiles.deleteTree(dir);
    }
  }

  private static URI pathStyle(Archway archway, String apiId) {
    return URI.create("http://127.0.0.1:" + archway.port() + "/restapis/" + apiId + "/prod/_user_request_/pets");
  }
}
