package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import dev.archway.websocket.WebSocketLimits;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** An idle connection is closed with 1001 once the idle timeout passes (shortened here from AWS's 10 minutes). */
class WebSocketIdleE2eTest {
  @RegisterExtension static final ArchwayServer server =
      new ArchwayServer(s -> s, WebSocketLimits.AWS.withIdleTimeout(Duration.ofMillis(500)));

  @Test
  void anIdleConnectionIsClosedWithGoingAway() throws Exception {
    try (ApiGatewayV2Client v2 = V2Clients.of(server)) {
      String api = v2.createApi(r -> r.name("idle").protocolType(ProtocolType.WEBSOCKET)
          .routeSelectionExpression("$request.body.action")).apiId();
      String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
          .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
      v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock));
      v2.createStage(r -> r.apiId(api).stageName("dev"));
      v2.createDeployment(r -> r.apiId(api).stageName("dev"));

      WebSocketClient client = WebSocketClient.open(
          URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + api + "/dev/_user_request_/"));
      client.send("{\"action\":\"hello\"}");
      assertThat(client.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
    }
  }
}
