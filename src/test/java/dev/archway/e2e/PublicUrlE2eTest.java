package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.config.PublicUrl;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.V2Clients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** --public-url: what APIs and domain names report as their address, and that the address serves the API. */
class PublicUrlE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend backend = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer(
      s -> s.withPublicUrl(new PublicUrl("http://{apiId}.execute-api.127.0.0.1.nip.io:{port}")));
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
  void apiEndpointIsThePublicUrlAndServesTheApi() throws Exception {
    var api = v2.createApi(r -> r.name("public").protocolType(ProtocolType.HTTP).target(backend.url() + "/echo"));
    assertThat(api.apiEndpoint()).isEqualTo("http://" + api.apiId() + ".execute-api.127.0.0.1.nip.io:" + server.port());
    assertThat(v2.getApi(r -> r.apiId(api.apiId())).apiEndpoint()).isEqualTo(api.apiEndpoint());

    // A client that resolves the name reaches the execute listener with this Host: the API answers.
    URI endpoint = URI.create(api.apiEndpoint());
    HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/pets"))
            .header("Host", endpoint.getAuthority()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"path\":\"/echo/pets\"");
  }

  @Test
  void webSocketApisReportTheSameHostWithWs() {
    var api = v2.createApi(r -> r.name("ws").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action"));
    assertThat(api.apiEndpoint()).isEqualTo("ws://" + api.apiId() + ".execute-api.127.0.0.1.nip.io:" + server.port());
  }

  @Test
  void domainNamesTargetAHostOfThePublicUrl() {
    var domain = v2.createDomainName(r -> r.domainName("public.example.com"));
    assertThat(domain.domainNameConfigurations().get(0).apiGatewayDomainName())
        .matches("d-[a-z0-9]+\\.execute-api\\.127\\.0\\.0\\.1\\.nip\\.io");
  }
}
