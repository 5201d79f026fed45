package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import dev.archway.testing.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** AWS_IAM on $connect: the handshake signed for execute-api with the AWS SDK's own signer, checked against --credentials. */
class WebSocketIamE2eTest {
  @RegisterExtension static final ArchwayServer server =
      new ArchwayServer(s -> s.withCredentialsFile(IamAuthTrafficE2eTest.WithCredentials.credentials()));
  private static ApiGatewayV2Client v2;
  private static String api;

  @BeforeAll
  static void setUp() {
    v2 = V2Clients.of(server);
    api = v2.createApi(r -> r.name("iam").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.action"))
        .apiId();
    String mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}"))).integrationId();
    v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock).integrationResponseKey("$default")
        .responseTemplates(Map.of("$default", "{\"caller\": \"$context.identity.caller\", \"account\": \"$context.identity.accountId\"}")));
    v2.createRoute(r -> r.apiId(api).routeKey("$connect").authorizationType(AuthorizationType.AWS_IAM)
        .target("integrations/" + mock));
    String who = v2.createRoute(r -> r.apiId(api).routeKey("$default").target("integrations/" + mock)
        .routeResponseSelectionExpression("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(who).routeResponseKey("$default"));
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    v2.createDeployment(r -> r.apiId(api).stageName("prod"));
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  private static URI uri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/restapis/" + api + "/prod/_user_request_/");
  }

  /** The handshake's headers as the SDK signs a GET of the URL for execute-api (Host left to the client). */
  private static String[] signed(String accessKey, String secret, Instant at) {
    URI http = URI.create(uri().toString().replace("ws://", "http://"));
    SdkHttpRequest request = AwsV4HttpSigner.create().sign(r -> r
        .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(http).build())
        .identity(AwsCredentialsIdentity.create(accessKey, secret))
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request();
    List<String> headers = new ArrayList<>();
    request.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(value -> {
          headers.add(name);
          headers.add(value);
        });
      }
    });
    return headers.toArray(String[]::new);
  }

  private static java.net.http.HttpResponse<String> refused(String... headers) {
    try {
      WebSocketClient.open(uri(), headers).abort();
      throw new AssertionError("the handshake was accepted");
    } catch (Exception e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof WebSocketHandshakeException handshake) {
          @SuppressWarnings("unchecked")
          java.net.http.HttpResponse<String> response = (java.net.http.HttpResponse<String>) handshake.getResponse();
          return response;
        }
      }
      throw new AssertionError("no handshake answer", e);
    }
  }

  @Test
  void aHandshakeSignedWithAKnownKeyConnectsAndNamesItsCaller() throws Exception {
    WebSocketClient client = WebSocketClient.open(uri(), signed("AKIDTEST", "secret", Instant.now()));
    client.send("hello");
    await().atMost(Duration.ofSeconds(10)).until(() -> !client.messages.isEmpty());
    JsonObject who = new JsonObject(client.messages.get(0));
    assertThat(who.getString("caller")).isEqualTo("AKIDTEST");
    assertThat(who.getString("account")).isEqualTo("111122223333");
    client.close();
  }

  @Test
  void unsignedWronglySignedAndStaleHandshakesAreRefusedAsRestMethodsAre() {
    var unsigned = refused();
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

    var wrongSecret = refused(signed("AKIDTEST", "not-the-secret", Instant.now()));
    assertThat(wrongSecret.statusCode()).isEqualTo(403);
    assertThat(wrongSecret.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");

    var unknown = refused(signed("AKIDOTHER", "secret", Instant.now()));
    assertThat(unknown.headers().firstValue("x-amzn-ErrorType")).hasValue("UnrecognizedClientException");

    var stale = refused(signed("AKIDTEST", "secret", Instant.now().minusSeconds(600)));
    assertThat(stale.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
  }
}
