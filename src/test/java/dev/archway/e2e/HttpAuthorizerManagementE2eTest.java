package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class HttpAuthorizerManagementE2eTest {
  private static final String LAMBDA_AUTH =
      "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:auth/invocations";
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
  void jwtAuthorizerGuardsARoute() {
    String api = v2.createApi(r -> r.name("auth").protocolType(ProtocolType.HTTP)).apiId();
    var jwt = v2.createAuthorizer(r -> r.apiId(api).name("cognito").authorizerType(AuthorizerType.JWT)
        .identitySource("$request.header.Authorization")
        .jwtConfiguration(j -> j.issuer("https://issuer.example.com").audience("my-app")));
    assertThat(jwt.authorizerId()).matches("[a-z0-9]{7}");
    assertThat(jwt.jwtConfiguration().audience()).containsExactly("my-app");

    var route = v2.createRoute(r -> r.apiId(api).routeKey("GET /me").authorizationType(AuthorizationType.JWT)
        .authorizerId(jwt.authorizerId()).authorizationScopes("read"));
    assertThat(route.authorizationScopes()).containsExactly("read");

    var updated = v2.updateAuthorizer(r -> r.apiId(api).authorizerId(jwt.authorizerId())
        .jwtConfiguration(j -> j.issuer("https://issuer.example.com").audience("a", "b")));
    assertThat(updated.jwtConfiguration().audience()).containsExactly("a", "b");
    assertThat(updated.name()).isEqualTo("cognito");

    assertThatThrownBy(() -> v2.deleteAuthorizer(r -> r.apiId(api).authorizerId(jwt.authorizerId())))
        .isInstanceOf(ConflictException.class);
    var open = v2.updateRoute(r -> r.apiId(api).routeId(route.routeId()).authorizationType(AuthorizationType.NONE));
    assertThat(open.authorizerId()).isNull();
    assertThat(open.authorizationScopes()).isEmpty();
    v2.deleteAuthorizer(r -> r.apiId(api).authorizerId(jwt.authorizerId()));
  }

  @Test
  void requestAuthorizerWithSimpleResponses() {
    String api = v2.createApi(r -> r.name("auth").protocolType(ProtocolType.HTTP)).apiId();
    var lambda = v2.createAuthorizer(r -> r.apiId(api).name("lambda").authorizerType(AuthorizerType.REQUEST)
        .authorizerUri(LAMBDA_AUTH).authorizerPayloadFormatVersion("2.0").enableSimpleResponses(true)
        .identitySource("$request.header.X-Token").authorizerResultTtlInSeconds(300));
    assertThat(lambda.enableSimpleResponses()).isTrue();
    assertThat(lambda.authorizerResultTtlInSeconds()).isEqualTo(300);
    assertThat(v2.getAuthorizers(r -> r.apiId(api)).items()).hasSize(1);

    v2.createRoute(r -> r.apiId(api).routeKey("GET /x").authorizationType(AuthorizationType.CUSTOM)
        .authorizerId(lambda.authorizerId()));
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /y").authorizationType(AuthorizationType.JWT)
            .authorizerId(lambda.authorizerId())))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /z").authorizationType(AuthorizationType.CUSTOM)))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("GET /z").authorizationType(AuthorizationType.CUSTOM)
            .authorizerId("nope123")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesIncompleteAuthorizers() {
    String api = v2.createApi(r -> r.name("auth").protocolType(ProtocolType.HTTP)).apiId();
    assertThatThrownBy(() -> v2.createAuthorizer(r -> r.apiId(api).name("a").authorizerType(AuthorizerType.REQUEST)
            .authorizerUri(LAMBDA_AUTH).identitySource("$request.header.X")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("authorizerPayloadFormatVersion");
    assertThatThrownBy(() -> v2.createAuthorizer(r -> r.apiId(api).name("a").authorizerType(AuthorizerType.REQUEST)
            .authorizerUri(LAMBDA_AUTH).authorizerPayloadFormatVersion("1.0").enableSimpleResponses(true)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("enableSimpleResponses");
    assertThatThrownBy(() -> v2.createAuthorizer(r -> r.apiId(api).name("a").authorizerType(AuthorizerType.JWT)
            .identitySource("$request.header.Authorization")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("issuer");
    assertThatThrownBy(() -> v2.createAuthorizer(r -> r.apiId(api).name("a").authorizerType(AuthorizerType.REQUEST)
            .authorizerUri(LAMBDA_AUTH).authorizerPayloadFormatVersion("2.0").authorizerResultTtlInSeconds(3601)))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.getAuthorizer(r -> r.apiId(api).authorizerId("nope123")))
        .isInstanceOf(NotFoundException.class);

    String ws = v2.createApi(r -> r.name("ws").protocolType(ProtocolType.WEBSOCKET).routeSelectionExpression("$request.body.a")).apiId();
    assertThat(v2.createAuthorizer(r -> r.apiId(ws).name("a").authorizerType(AuthorizerType.REQUEST).authorizerUri(LAMBDA_AUTH)
        .identitySource("route.request.header.Auth")).authorizerTypeAsString()).isEqualTo("REQUEST");
    assertThatThrownBy(() -> v2.createAuthorizer(r -> r.apiId(ws).name("a").authorizerType(AuthorizerType.JWT)
            .identitySource("$request.header.Authorization").jwtConfiguration(j -> j.issuer("https://i.example").audience("x"))))
        .isInstanceOf(BadRequestException.class);
  }
}
