package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.IdleWebSocketClients;
import dev.archway.testing.V2Clients;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * 10,000 idle connections at once, opened by a separate client process: all accepted, the server's
 * heap per connection measured (live heap after a full GC, before and with them) and reported.
 */
class WebSocketManyConnectionsE2eTest {
  private static final int CONNECTIONS = 10_000;
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  @Test
  void tenThousandIdleConnectionsAreHeldWithLittleHeapEach() throws Exception {
    String api;
    try (ApiGatewayV2Client v2 = V2Clients.of(server)) {
      api = v2.createApi(r -> r.name("many").protocolType(ProtocolType.WEBSOCKET)
          .routeSelectionExpression("$request.body.action")).apiId();
      String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
          .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
      v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock));
      v2.createStage(r -> r.apiId(api).stageName("dev"));
      v2.createDeployment(r -> r.apiId(api).stageName("dev"));
    }
    long before = liveHeap();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process clients = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        IdleWebSocketClients.class.getName(), String.valueOf(server.port()), "/restapis/" + api + "/dev/_user_request_/",
        String.valueOf(CONNECTIONS)).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.UTF_8));
      String line = CompletableFuture.supplyAsync(() -> {
        try {
          for (String l = out.readLine(); l != null; l = out.readLine()) {
            if (l.startsWith("open ")) {
              return l;
            }
          }
          return "ended";
        } catch (Exception e) {
          return e.toString();
        }
      }).get(120, TimeUnit.SECONDS);
      assertThat(line).isEqualTo("open " + CONNECTIONS);
      await().atMost(Duration.ofSeconds(30)).until(() -> server.openWebSocketConnections() == CONNECTIONS);
      long with = liveHeap();
      long perConnection = (with - before) / CONNECTIONS;
      System.out.printf("websocket: %d idle connections, server live heap %d MB -> %d MB, %d bytes per connection%n",
          CONNECTIONS, before >> 20, with >> 20, perConnection);
      assertThat(perConnection).isLessThan(16 * 1024);
    } finally {
      clients.getOutputStream().close();
      if (!clients.waitFor(30, TimeUnit.SECONDS)) {
        clients.destroyForcibly();
      }
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> server.openWebSocketConnections() == 0);
  }

  private static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

}
