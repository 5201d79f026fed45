package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ParameterConstraints;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** Request validation of WebSocket routes (models chosen by the model selection expression) and required $connect parameters. */
class WebSocketValidationE2eTest {
  private static final String ORDER = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
      + "\"required\":[\"item\",\"count\"],\"properties\":{\"item\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"},"
      + "\"count\":{\"type\":\"integer\",\"minimum\":1}}}";
  private static final String ANY_OBJECT = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\"}";
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayV2Client v2;
  private static String api;

  @BeforeAll
  static void setUp() {
    v2 = V2Clients.of(server);
    api = v2.createApi(r -> r.name("orders").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action"))
        .apiId();
    v2.createModel(r -> r.apiId(api).name("Order").contentType("application/json").schema(ORDER));
    v2.createModel(r -> r.apiId(api).name("Anything").contentType("application/json").schema(ANY_OBJECT));
    String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
        .responseTemplates(Map.of("$default", "accepted")));
    v2.createRoute(r -> r.apiId(api).routeKey("$connect").target("integrations/" + mock)
        .requestParameters(Map.of("route.request.querystring.shop", ParameterConstraints.builder().required(true).build(),
            "route.request.header.x-optional", ParameterConstraints.builder().required(false).build())));
    twoWay("order", mock, "${request.body.version}", Map.of("v1", "Order", "$default", "Anything"));
    twoWay("strict", mock, "$request.body.version", Map.of("v1", "Order"));
    twoWay("unchecked", mock, null, Map.of("$default", "Order"));
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
  }

  private static void twoWay(String key, String integration, String selection, Map<String, String> models) {
    String route = v2.createRoute(r -> r.apiId(api).routeKey(key).target("integrations/" + integration)
        .modelSelectionExpression(selection).requestModels(models).routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default"));
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  private static URI uri(String query) {
    return URI.create(WebSocketClient.uri(server, api, "prod") + query);
  }

  @Test
  void messagesAreValidatedAgainstTheModelTheirSelectionNamesAndFailuresNeverReachTheIntegration() throws Exception {
    WebSocketClient client = WebSocketClient.open(uri("?shop=north"));
    assertThat(client.reply("{\"action\":\"order\",\"version\":\"v1\",\"item\":\"tea\",\"count\":2}")).isEqualTo("accepted");
    String invalid = client.reply("{\"action\":\"order\",\"version\":\"v1\",\"item\":\"Tea!\",\"count\":0}");
    assertThat(invalid).startsWith("{\"message\": \"Invalid request body\", \"connectionId\":\"").contains("\"requestId\":\"");
    assertThat(client.reply("{\"action\":\"order\",\"version\":\"v2\"}")).as("the $default model").isEqualTo("accepted");
    assertThat(client.reply("{\"action\":\"strict\",\"version\":\"v2\"}")).as("no model for v2, no $default model")
        .startsWith("{\"message\": \"Invalid request body\"");
    assertThat(client.reply("{\"action\":\"unchecked\"}")).as("without a model selection expression, as on AWS")
        .isEqualTo("accepted");
    client.close();
  }

  @Test
  void connectRequiresItsRequiredParameters() throws Exception {
    var missing = WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri("")));
    assertThat(missing).isEqualTo(400);
    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri("?shop=")))).isEqualTo(400);
    assertThat(WebSocketTrafficE2eTest.status(() -> WebSocketClient.open(uri("?shop=south")))).isEqualTo(101);
  }
}
