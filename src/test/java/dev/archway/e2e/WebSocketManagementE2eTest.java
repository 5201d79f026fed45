package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizationType;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.ContentHandlingStrategy;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ParameterConstraints;
import software.amazon.awssdk.services.apigatewayv2.model.PassthroughBehavior;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** The WebSocket-only operations and members of apigatewayv2, through the AWS SDK. */
class WebSocketManagementE2eTest {
  private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:chat";
  private static final String SCHEMA = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
      + "\"properties\":{\"action\":{\"type\":\"string\"},\"room\":{\"type\":\"integer\"}}}";
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

  private static String webSocketApi() {
    return v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
        .routeSelectionExpression("${request.body.action}")).apiId();
  }

  @Test
  void selectionExpressionsAreParsedWhenWritten() {
    assertThatThrownBy(() -> v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
            .routeSelectionExpression("$request.body.items[*].action")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Invalid routeSelectionExpression").hasMessageContaining("wildcards");
    assertThatThrownBy(() -> v2.createApi(r -> r.name("chat").protocolType(ProtocolType.WEBSOCKET)
            .routeSelectionExpression("$request.header.x")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("$request.body.<path>");
    String api = webSocketApi();
    assertThat(v2.updateApi(r -> r.apiId(api).routeSelectionExpression("$request.body['kind']")).routeSelectionExpression())
        .isEqualTo("$request.body['kind']");
    assertThatThrownBy(() -> v2.updateApi(r -> r.apiId(api).routeSelectionExpression("${request.body.action")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("'}'");
  }

  @Test
  void routesCarryWebSocketMembersAndAuthorizeOnlyOnConnect() {
    String api = webSocketApi();
    String authorizer = v2.createAuthorizer(r -> r.apiId(api).name("auth").authorizerType(AuthorizerType.REQUEST)
        .authorizerUri("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/" + LAMBDA + "/invocations")
        .identitySource("route.request.querystring.token")).authorizerId();
    var connect = v2.createRoute(r -> r.apiId(api).routeKey("$connect").authorizationType(AuthorizationType.CUSTOM)
        .authorizerId(authorizer).apiKeyRequired(true)
        .requestParameters(Map.of("route.request.querystring.token", ParameterConstraints.builder().required(true).build(),
            "route.request.header.x-client", ParameterConstraints.builder().required(false).build())));
    assertThat(connect.authorizerId()).isEqualTo(authorizer);
    assertThat(connect.apiKeyRequired()).isTrue();
    assertThat(connect.requestParameters()).containsKeys("route.request.querystring.token", "route.request.header.x-client");

    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("sendmessage")
            .authorizationType(AuthorizationType.CUSTOM).authorizerId(authorizer)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Currently, authorization is restricted to the $connect route only");
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("$connect")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("send").routeResponseSelectionExpression("$request.body.x")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("$default");
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("send")
            .requestParameters(Map.of("method.request.header.x", ParameterConstraints.builder().required(true).build()))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("route.request.header.<name>");

    v2.deleteRouteRequestParameter(r -> r.apiId(api).routeId(connect.routeId()).requestParameterKey("route.request.header.x-client"));
    assertThat(v2.getRoute(r -> r.apiId(api).routeId(connect.routeId())).requestParameters())
        .containsOnlyKeys("route.request.querystring.token");
    assertThatThrownBy(() -> v2.deleteRouteRequestParameter(r -> r.apiId(api).routeId(connect.routeId())
            .requestParameterKey("route.request.header.x-client")))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void routeResponsesMakeARouteTwoWay() {
    String api = webSocketApi();
    String route = v2.createRoute(r -> r.apiId(api).routeKey("echo").routeResponseSelectionExpression("$default")).routeId();
    var created = v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default"));
    assertThat(created.routeResponseId()).matches("[a-z0-9]{7}");
    assertThat(created.routeResponseKey()).isEqualTo("$default");
    assertThat(v2.getRouteResponses(r -> r.apiId(api).routeId(route)).items()).hasSize(1);
    assertThat(v2.getRouteResponse(r -> r.apiId(api).routeId(route).routeResponseId(created.routeResponseId()))
        .routeResponseKey()).isEqualTo("$default");

    assertThatThrownBy(() -> v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("ok")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("routeResponseKey");
    assertThatThrownBy(() -> v2.getRouteResponse(r -> r.apiId(api).routeId(route).routeResponseId("nope123")))
        .isInstanceOf(NotFoundException.class)
        .satisfies(e -> assertThat(((NotFoundException) e).awsErrorDetails().errorMessage())
            .isEqualTo("Invalid RouteResponse identifier specified nope123"));

    v2.deleteRouteResponse(r -> r.apiId(api).routeId(route).routeResponseId(created.routeResponseId()));
    assertThat(v2.getRouteResponses(r -> r.apiId(api).routeId(route)).items()).isEmpty();

    String http = v2.createApi(r -> r.name("h").protocolType(ProtocolType.HTTP)).apiId();
    String httpRoute = v2.createRoute(r -> r.apiId(http).routeKey("GET /a")).routeId();
    assertThatThrownBy(() -> v2.getRouteResponses(r -> r.apiId(http).routeId(httpRoute)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("only for WebSocket APIs");
  }

  @Test
  void integrationsAndTheirResponsesCompileTemplatesWhenWritten() {
    String api = webSocketApi();
    var mock = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
        .requestTemplates(Map.of("$default", "{\"statusCode\": 200}", "join", "{\"statusCode\": $input.json('$.code')}"))
        .templateSelectionExpression("${request.body.action}")
        .passthroughBehavior(PassthroughBehavior.NEVER).contentHandlingStrategy(ContentHandlingStrategy.CONVERT_TO_TEXT));
    assertThat(mock.integrationResponseSelectionExpression()).isEqualTo("${integration.response.statuscode}");
    assertThat(mock.passthroughBehavior()).isEqualTo(PassthroughBehavior.NEVER);
    assertThat(mock.requestTemplates()).containsKeys("$default", "join");

    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.MOCK)
            .requestTemplates(Map.of("$default", "#parse('/etc/passwd')"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid mapping template");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY)
            .integrationUri(LAMBDA).requestTemplates(Map.of("$default", "{}"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("requestTemplates");
    assertThatThrownBy(() -> v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP)
            .integrationMethod("POST").integrationUri("http://127.0.0.1:9/x")
            .requestParameters(Map.of("integration.request.header.x-id", "method.request.header.x"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("route.request.header.<name>");
    var http = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP)
        .integrationMethod("POST").integrationUri("http://127.0.0.1:9/x")
        .requestParameters(Map.of("integration.request.header.x-id", "context.connectionId",
            "integration.request.querystring.room", "route.request.body.room")));
    assertThat(http.timeoutInMillis()).isEqualTo(29000);

    var ok = v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
        .integrationResponseKey("$default").responseTemplates(Map.of("$default", "{\"ok\": true}"))
        .templateSelectionExpression("\\$default"));
    var errors = v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
        .integrationResponseKey("/4\\d\\d/"));
    assertThat(v2.getIntegrationResponses(r -> r.apiId(api).integrationId(mock.integrationId())).items()).hasSize(2);
    assertThat(v2.updateIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
            .integrationResponseId(errors.integrationResponseId()).integrationResponseKey("/5\\d\\d/")).integrationResponseKey())
        .isEqualTo("/5\\d\\d/");
    assertThatThrownBy(() -> v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
            .integrationResponseKey("$default")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
            .integrationResponseKey("4xx")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("/4\\d\\d/");
    assertThatThrownBy(() -> v2.createIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
            .integrationResponseKey("/(/")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("regular expression");
    String proxy = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.AWS_PROXY).integrationUri(LAMBDA))
        .integrationId();
    assertThatThrownBy(() -> v2.createIntegrationResponse(r -> r.apiId(api).integrationId(proxy).integrationResponseKey("$default")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("AWS, HTTP and MOCK");

    v2.deleteIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId()).integrationResponseId(ok.integrationResponseId()));
    assertThatThrownBy(() -> v2.getIntegrationResponse(r -> r.apiId(api).integrationId(mock.integrationId())
            .integrationResponseId(ok.integrationResponseId())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid IntegrationResponse identifier specified");
  }

  @Test
  void modelsAreCheckedAndKeptWhileUsed() {
    String api = webSocketApi();
    var model = v2.createModel(r -> r.apiId(api).name("Message").contentType("application/json").schema(SCHEMA));
    assertThat(model.modelId()).matches("[a-z0-9]{7}");
    assertThat(v2.getModel(r -> r.apiId(api).modelId(model.modelId())).schema()).isEqualTo(SCHEMA);
    assertThat(v2.getModelTemplate(r -> r.apiId(api).modelId(model.modelId())).value())
        .contains("\"action\"").contains("\"room\"");
    assertThatThrownBy(() -> v2.createModel(r -> r.apiId(api).name("Message").schema(SCHEMA)))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createModel(r -> r.apiId(api).name("bad-name").schema(SCHEMA)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("letters or digits");
    assertThatThrownBy(() -> v2.createModel(r -> r.apiId(api).name("Broken").schema("{\"type\": 5}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid model schema specified");

    var route = v2.createRoute(r -> r.apiId(api).routeKey("send").modelSelectionExpression("$request.body.kind")
        .requestModels(Map.of("$default", "Message")));
    assertThatThrownBy(() -> v2.createRoute(r -> r.apiId(api).routeKey("other").requestModels(Map.of("$default", "Nope"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Nope");
    assertThatThrownBy(() -> v2.deleteModel(r -> r.apiId(api).modelId(model.modelId())))
        .isInstanceOf(ConflictException.class).hasMessageContaining("send");

    assertThat(v2.updateModel(r -> r.apiId(api).modelId(model.modelId()).description("a chat message")).description())
        .isEqualTo("a chat message");
    v2.deleteRoute(r -> r.apiId(api).routeId(route.routeId()));
    v2.deleteModel(r -> r.apiId(api).modelId(model.modelId()));
    assertThatThrownBy(() -> v2.getModel(r -> r.apiId(api).modelId(model.modelId())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Model identifier specified " + model.modelId());
  }

  @Test
  void aDeploymentIsCompiledFirstAndWhatCannotBeServedIsRefused() {
    String api = webSocketApi();
    String http = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP).integrationMethod("POST")
        .integrationUri("http://127.0.0.1:9/x")).integrationId();
    String route = v2.createRoute(r -> r.apiId(api).routeKey("send").target("integrations/" + http)
        .requestParameters(Map.of("route.request.header.x-room", ParameterConstraints.builder().required(true).build())))
        .routeId();
    assertThatThrownBy(() -> v2.createDeployment(r -> r.apiId(api)))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("Unable to deploy API: route send: required requestParameters [route.request.header.x-room]")
        .hasMessageContaining("only the $connect route can require them");
    assertThat(v2.getDeployments(r -> r.apiId(api)).items()).isEmpty();

    v2.updateRoute(r -> r.apiId(api).routeId(route).routeKey("$connect"));
    assertThat(v2.createDeployment(r -> r.apiId(api)).deploymentStatusAsString()).isEqualTo("DEPLOYED");
  }

  @Test
  void deletingARouteOrTheApiDeletesWhatBelongsToIt() {
    String api = webSocketApi();
    String route = v2.createRoute(r -> r.apiId(api).routeKey("$default")).routeId();
    v2.createRouteResponse(r -> r.apiId(api).routeId(route).routeResponseKey("$default"));
    v2.deleteRoute(r -> r.apiId(api).routeId(route));
    String again = v2.createRoute(r -> r.apiId(api).routeKey("$default")).routeId();
    assertThat(v2.getRouteResponses(r -> r.apiId(api).routeId(again)).items()).isEmpty();
    v2.deleteApi(r -> r.apiId(api));
    assertThatThrownBy(() -> v2.getRouteResponses(r -> r.apiId(api).routeId(again))).isInstanceOf(NotFoundException.class);
  }
}
