package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** Redeployments swap a stage's snapshot atomically: traffic during them sees no failure and no mix. */
class RestApiRedeployE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final Pattern VERSION = Pattern.compile("\\{\"version\":(\\d+)}");

  @Test
  void twentyRedeploymentsUnderTraffic() throws Exception {
    ApiGatewayClient aws = server.client();
    String apiId = Fixtures.mockApi(aws, "redeploy", "{\"version\":0}");
    String hello = Fixtures.resourceId(aws, apiId, "/hello");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("live"));

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(server.pathStyle(apiId, "live", "/hello")).GET().build();
    await().until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);

    AtomicBoolean running = new AtomicBoolean(true);
    List<String> failures = new CopyOnWriteArrayList<>();
    List<Integer> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> traffic = CompletableFuture.runAsync(() -> {
      while (running.get()) {
        try {
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          Matcher m = VERSION.matcher(response.body());
          if (response.statusCode() != 200 || !m.matches()) {
            failures.add(response.statusCode() + " " + response.body());
          } else {
            seen.add(Integer.parseInt(m.group(1)));
          }
        } catch (Exception e) {
          failures.add(e.toString());
        }
      }
    });

    for (int v = 1; v <= 20; v++) {
      Fixtures.setMockBody(aws, apiId, hello, "{\"version\":" + v + "}");
      aws.createDeployment(r -> r.restApiId(apiId).stageName("live"));
    }
    await().until(() -> !seen.isEmpty() && seen.get(seen.size() - 1) == 20);
    running.set(false);
    traffic.get();

    assertThat(failures).isEmpty();
    assertThat(seen).isSorted();
    assertThat(seen.size()).isGreaterThan(20);
  }
}
