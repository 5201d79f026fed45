package dev.archway.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.integration.UriTemplate;
import dev.archway.mapping.Overrides;
import dev.archway.model.Json;
import io.netty.channel.embedded.EmbeddedChannel;
import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request parameter mappings of WebSocket integrations, applied to one event. */
class IntegrationParametersTest {
  private static final WebSocketStage STAGE = new WebSocketStage("ws1", "prod", "d1", Map.of("region", "north"),
      SelectionExpression.parseRequest("$request.body.action"), null, null, Map.of(), java.util.Set.of(), null, null);
  private static final WebSocketConnection CONNECTION = new WebSocketConnection("abc123def456ghi=", "ws1", "prod",
      new EmbeddedChannel(), 1_700_000_000_000L, "10.0.0.1", "agent", "ws1.execute-api.localhost", WebSocketConnection.Authorized.NONE);

  private static RouteEvent event(String body, MultiMap headers, Map<String, List<String>> query) throws Exception {
    WebSocketEvents.Request request = new WebSocketEvents.Request("req-1", "ext-1", 1_700_000_001_000L, "t", "send",
        headers == null ? "MESSAGE" : "CONNECT", "msg-1", null);
    return new RouteEvent(STAGE, CONNECTION, request, body, body.isEmpty() ? null : Json.MAPPER.readTree(body), headers, query);
  }

  @Test
  void pathQueryAndHeadersComeFromTheMappingsAndTheTemplatesOverridesWin() throws Exception {
    IntegrationParameters parameters = IntegrationParameters.parse(Map.of(
        "integration.request.path.room", "route.request.body.room.name",
        "integration.request.querystring.region", "stageVariables.region",
        "integration.request.querystring.kind", "'chat'",
        "integration.request.header.X-Connection", "context.connectionId",
        "integration.request.header.X-Whole", "route.request.body"));
    RouteEvent event = event("{\"room\":{\"name\":\"a b/c\"}}", null, null);

    assertThat(parameters.url(UriTemplate.parse("http://h/rooms/{room}"), event, Overrides.NONE))
        .isEqualTo("http://h/rooms/a%20b/c?kind=chat&region=north");
    MultiMap headers = parameters.headers(event, Overrides.NONE);
    assertThat(headers.get("X-Connection")).isEqualTo("abc123def456ghi=");
    assertThat(headers.get("X-Whole")).isEqualTo("{\"room\":{\"name\":\"a b/c\"}}");

    Overrides overrides = new Overrides(Map.of("X-Connection", List.of("over")), Map.of("kind", List.of("x")),
        Map.of("room", "r9"), null, Map.of(), Map.of(), Map.of());
    assertThat(parameters.url(UriTemplate.parse("http://h/rooms/{room}"), event, overrides)).isEqualTo("http://h/rooms/r9?region=north&kind=x");
    assertThat(parameters.headers(event, overrides).get("X-Connection")).isEqualTo("over");
  }

  @Test
  void handshakeParametersExistOnConnectOnly() throws Exception {
    IntegrationParameters parameters = IntegrationParameters.parse(Map.of(
        "integration.request.header.X-Token", "route.request.header.Authorization",
        "integration.request.querystring.shop", "route.request.querystring.shop"));
    RouteEvent connect = event("", MultiMap.caseInsensitiveMultiMap().add("authorization", "Bearer t"),
        Map.of("shop", List.of("a", "b")));
    assertThat(parameters.headers(connect, Overrides.NONE).get("X-Token")).isEqualTo("Bearer t");
    assertThat(parameters.url(UriTemplate.parse("http://h/"), connect, Overrides.NONE)).isEqualTo("http://h/?shop=b");

    RouteEvent message = event("{}", null, null);
    assertThat(parameters.headers(message, Overrides.NONE).contains("X-Token")).isFalse();
    assertThat(parameters.url(UriTemplate.parse("http://h/"), message, Overrides.NONE)).isEqualTo("http://h/");
  }

  @Test
  void targetsAndSourcesOfOtherFormsAreRefused() {
    assertThatThrownBy(() -> IntegrationParameters.parse(Map.of("integration.response.header.x", "'a'")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("integration.request.path|querystring|header");
    assertThatThrownBy(() -> IntegrationParameters.parse(Map.of("integration.request.header.x", "method.request.header.y")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("route.request.header.x");
  }
}
