package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.CreateApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetApisResponse;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpApiManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void client() {
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  @Test
  void createGetUpdateDeleteAnHttpApi() {
    CreateApiResponse created = v2.createApi(r -> r.name("pets").protocolType(ProtocolType.HTTP).description("Pet store")
        .corsConfiguration(c -> c.allowOrigins("https://example.com").allowMethods("GET").maxAge(300))
        .tags(Map.of("team", "a")));

    assertThat(created.apiId()).matches("[a-z0-9]{10}");
    assertThat(created.apiEndpoint()).isEqualTo("http://" + created.apiId() + ".execute-api.localhost:" + server.port());
    assertThat(created.routeSelectionExpression()).isEqualTo("$request.method $request.path");
    assertThat(created.apiKeySelectionExpression()).isEqualTo("$request.header.x-api-key");
    assertThat(created.createdDate()).isNotNull();
    assertThat(created.disableExecuteApiEndpoint()).isFalse();
    assertThat(created.corsConfiguration().allowOrigins()).containsExactly("https://example.com");
    assertThat(created.tags()).containsEntry("team", "a");

    var got = v2.getApi(r -> r.apiId(created.apiId()));
    assertThat(got.name()).isEqualTo("pets");
    assertThat(got.createdDate()).isEqualTo(created.createdDate());

    var updated = v2.updateApi(r -> r.apiId(created.apiId()).name("pets2").disableExecuteApiEndpoint(true));
    assertThat(updated.name()).isEqualTo("pets2");
    assertThat(updated.description()).isEqualTo("Pet store");
    assertThat(updated.disableExecuteApiEndpoint()).isTrue();
    assertThat(updated.corsConfiguration().maxAge()).isEqualTo(300);

    v2.deleteCorsConfiguration(r -> r.apiId(created.apiId()));
    assertThat(v2.getApi(r -> r.apiId(created.apiId())).corsConfiguration()).isNull();

    v2.deleteApi(r -> r.apiId(created.apiId()));
    assertThatThrownBy(() -> v2.getApi(r -> r.apiId(created.apiId())))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).statusCode()).isEqualTo(404));
  }

  @Test
  void webSocketApiNeedsARouteSelectionExpression() {
    var ws = v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("$request.body.action"));
    assertThat(ws.apiEndpoint()).startsWith("ws://" + ws.apiId() + ".execute-api.localhost:");
    assertThat(ws.routeSelectionExpression()).isEqualTo("$request.body.action");

    assertThatThrownBy(() -> v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("RouteSelectionExpression is required for WEBSOCKET protocol");
    assertThatThrownBy(() -> v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
            .routeSelectionExpression("$request.body.action").target("https://example.com")))
        .isInstanceOf(BadRequestException.class);
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> v2.createApi(r -> r.name("x").protocolType("GRPC")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid protocolType: GRPC (expected: one of [WEBSOCKET, HTTP])");
    assertThatThrownBy(() -> v2.createApi(r -> r.protocolType(ProtocolType.HTTP)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> v2.createApi(r -> r.name("x").protocolType(ProtocolType.HTTP)
            .corsConfiguration(c -> c.allowOrigins("*").allowCredentials(true))))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createApi(r -> r.name("x").protocolType(ProtocolType.HTTP)
            .routeSelectionExpression("$request.body.action")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.updateApi(r -> r.apiId("nosuchapi1").name("y")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Invalid API identifier specified");
  }

  @Test
  void customIdTagPicksTheIdAcrossRestAndHttpApis() {
    var created = v2.createApi(r -> r.name("fixed").protocolType(ProtocolType.HTTP).tags(Map.of("_custom_id_", "v2fixed")));
    assertThat(created.apiId()).isEqualTo("v2fixed");
    assertThat(created.apiEndpoint()).startsWith("http://v2fixed.execute-api.localhost:");
    assertThatThrownBy(() -> v2.createApi(r -> r.name("again").protocolType(ProtocolType.HTTP)
            .tags(Map.of("_custom_id_", "v2fixed"))))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> server.client().createRestApi(r -> r.name("rest").tags(Map.of("_custom_id_", "v2fixed"))))
        .isInstanceOf(software.amazon.awssdk.services.apigateway.model.ConflictException.class);
    server.client().createRestApi(r -> r.name("rest").tags(Map.of("_custom_id_", "v1fixed")));
    assertThatThrownBy(() -> v2.createApi(r -> r.name("again").protocolType(ProtocolType.HTTP)
            .tags(Map.of("_custom_id_", "v1fixed"))))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void pagesWithNextTokenAndMaxResultsPerRegion() {
    try (ApiGatewayV2Client west = V2Clients.of(server, Region.EU_WEST_2)) {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        int n = i;
        ids.add(west.createApi(r -> r.name("api" + n).protocolType(ProtocolType.HTTP)).apiId());
      }
      List<String> seen = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        String next = token;
        GetApisResponse page = west.getApis(r -> r.maxResults("2").nextToken(next));
        page.items().forEach(a -> seen.add(a.apiId()));
        token = page.nextToken();
        pages++;
      } while (token != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(v2.getApis(r -> {}).items()).extracting(a -> a.apiId()).doesNotContainAnyElementsOf(ids);
      assertThatThrownBy(() -> west.getApis(r -> r.maxResults("0"))).isInstanceOf(BadRequestException.class);
      assertThatThrownBy(() -> west.getApis(r -> r.nextToken("garbage"))).isInstanceOf(BadRequestException.class);
    }
  }

  @Test
  void tagsOnApiAndStageArns() {
    var api = v2.createApi(r -> r.name("tagged").protocolType(ProtocolType.HTTP).tags(Map.of("a", "1")));
    String arn = "arn:aws:apigateway:us-east-1::/apis/" + api.apiId();
    v2.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2")));
    assertThat(v2.getTags(r -> r.resourceArn(arn)).tags()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    v2.untagResource(r -> r.resourceArn(arn).tagKeys("a"));
    assertThat(v2.getApi(r -> r.apiId(api.apiId())).tags()).containsExactlyEntriesOf(Map.of("b", "2"));

    v2.createStage(r -> r.apiId(api.apiId()).stageName("dev"));
    String stageArn = arn + "/stages/dev";
    v2.tagResource(r -> r.resourceArn(stageArn).tags(Map.of("env", "dev")));
    assertThat(v2.getStage(r -> r.apiId(api.apiId()).stageName("dev")).tags()).containsEntry("env", "dev");

    assertThatThrownBy(() -> v2.getTags(r -> r.resourceArn("arn:aws:apigateway:us-east-1::/apis/nosuch")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.getTags(r -> r.resourceArn("arn:aws:s3:::bucket")))
        .isInstanceOf(BadRequestException.class);
  }
}
