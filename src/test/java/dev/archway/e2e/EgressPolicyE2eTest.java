package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.archway.integration.EgressPolicy;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.HostStyleClient;
import dev.archway.testing.OidcProvider;
import dev.archway.testing.V2Clients;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.JWTConfiguration;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** --egress-deny refuses a loopback backend and a loopback issuer's keys; --egress-allow re-allows a more specific block. */
class EgressPolicyE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final OidcProvider idp = new OidcProvider();
  @RegisterExtension @Order(3) static final ArchwayServer denied =
      new ArchwayServer(s -> s.withEgress(EgressPolicy.of("127.0.0.0/8", null)));
  @RegisterExtension @Order(4) static final ArchwayServer reallowed =
      new ArchwayServer(s -> s.withEgress(EgressPolicy.of("127.0.0.0/8", "127.0.0.1/32")));
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void aDeniedBlockRefusesALoopbackBackendAndAMoreSpecificAllowLetsItThrough() throws Exception {
    HttpResponse<String> refused = get(denied, echoApi(denied));
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).isEqualTo("{\"message\":\"Internal server error\"}");

    HttpResponse<String> allowed = get(reallowed, echoApi(reallowed));
    assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
  }

  @Test
  void anIssuerInADeniedBlockIsNeverAskedForItsKeys() {
    String pool = "denied-pool";
    ApiGatewayV2Client v2 = V2Clients.of(denied);
    String apiId = v2.createApi(r -> r.name("jwt").protocolType(ProtocolType.HTTP)).apiId();
    String authorizer = v2.createAuthorizer(r -> r.apiId(apiId).name("jwt").authorizerType(AuthorizerType.JWT)
        .identitySource("$request.header.Authorization")
        .jwtConfiguration(JWTConfiguration.builder().issuer(idp.issuer(pool)).audience("client").build())).authorizerId();
    String integration = v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("GET")
        .integrationUri(echo.url() + "/").payloadFormatVersion("1.0")).integrationId();
    v2.createRoute(r -> r.apiId(apiId).routeKey("GET /me").target("integrations/" + integration)
        .authorizationType(AuthorizationType.JWT).authorizerId(authorizer));
    v2.createStage(r -> r.apiId(apiId).stageName("$default").autoDeploy(true));
    Instant now = Instant.now();
    String token = idp.sign(new JWTClaimsSet.Builder().issuer(idp.issuer(pool)).audience("client").subject("u")
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).build());
    try (HostStyleClient client = new HostStyleClient(denied.port())) {
      org.awaitility.Awaitility.await().until(() -> client.get(apiId, "/me").status() != 404);
      HostStyleClient.Response response = client.send("GET", apiId, "/me", Map.of("Authorization", "Bearer " + token), null);
      assertThat(response.status()).isEqualTo(401);
      assertThat(response.header("www-authenticate")).contains("unable to fetch the issuer's signing keys");
    }
    assertThat(idp.fetches("/" + pool + "/.well-known/openid-configuration")).isZero();
  }

  /** A REST API whose one route proxies to the echo backend on 127.0.0.1. */
  private static String echoApi(ArchwayServer server) {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("echo"));
    String resource = LambdaProxyTrafficE2eTest.resource(aws, api.id(), api.rootResourceId(), "echo");
    aws.putMethod(r -> r.restApiId(api.id()).resourceId(resource).httpMethod("GET").authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(api.id()).resourceId(resource).httpMethod("GET").type(IntegrationType.HTTP_PROXY)
        .integrationHttpMethod("GET").uri(echo.url() + "/"));
    aws.createDeployment(r -> r.restApiId(api.id()).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(api.id(), "test", "/echo"), "GET");
    return api.id();
  }

  private static HttpResponse<String> get(ArchwayServer server, String apiId) throws Exception {
    return http.send(HttpRequest.newBuilder(server.pathStyle(apiId, "test", "/echo")).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
