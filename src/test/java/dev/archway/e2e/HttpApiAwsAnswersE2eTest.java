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
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;
import software.amazon.awssdk.services.apigatewayv2.model.IntegrationType;
import software.amazon.awssdk.services.apigatewayv2.model.LoggingLevel;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/** apigatewayv2 answers as AWS gives them for HTTP APIs: merged integration parameters, route settings, selection expression, import warnings. */
class HttpApiAwsAnswersE2eTest {
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
  void updateIntegrationMergesRequestParametersAndAnEmptyValueRemovesOne() {
    String api = httpApi("merge");
    String id = v2.createIntegration(r -> r.apiId(api).integrationType(IntegrationType.HTTP_PROXY).integrationMethod("GET")
        .integrationUri("https://example.com").payloadFormatVersion("1.0")
        .requestParameters(Map.of("append:header.a", "1", "overwrite:querystring.q", "$request.querystring.q"))).integrationId();

    var updated = v2.updateIntegration(r -> r.apiId(api).integrationId(id)
        .requestParameters(Map.of("append:header.b", "2", "overwrite:querystring.q", "")));
    assertThat(updated.requestParameters()).containsExactlyInAnyOrderEntriesOf(Map.of("append:header.a", "1", "append:header.b", "2"));
    assertThat(v2.getIntegration(r -> r.apiId(api).integrationId(id)).requestParameters())
        .containsExactlyInAnyOrderEntriesOf(Map.of("append:header.a", "1", "append:header.b", "2"));
    assertThat(v2.updateIntegration(r -> r.apiId(api).integrationId(id).description("no parameter change")).requestParameters())
        .as("an update without requestParameters keeps them").hasSize(2);
  }

  @Test
  void httpStagesRouteSettingsHoldDetailedMetricsAndThrottlesOnly() {
    String api = httpApi("stages");
    var stage = v2.createStage(r -> r.apiId(api).stageName("dev"));
    assertThat(stage.defaultRouteSettings().detailedMetricsEnabled()).isFalse();
    assertThat(stage.defaultRouteSettings().dataTraceEnabled()).isNull();
    assertThat(stage.defaultRouteSettings().loggingLevel()).isNull();
    assertThat(stage.defaultRouteSettings().throttlingBurstLimit()).isNull();

    var throttled = v2.updateStage(r -> r.apiId(api).stageName("dev").defaultRouteSettings(s -> s.throttlingBurstLimit(5).throttlingRateLimit(2.0)));
    assertThat(throttled.defaultRouteSettings().throttlingBurstLimit()).isEqualTo(5);
    assertThat(throttled.defaultRouteSettings().detailedMetricsEnabled()).isFalse();
    assertThat(throttled.defaultRouteSettings().dataTraceEnabled()).isNull();

    assertThatThrownBy(() -> v2.createStage(r -> r.apiId(api).stageName("logged").defaultRouteSettings(s -> s.loggingLevel(LoggingLevel.INFO))))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Execution logs are not supported on protocolType HTTP"));
  }

  @Test
  void theRouteSelectionExpressionIsAwsOwn() {
    assertThat(v2.createApi(r -> r.name("a").protocolType(ProtocolType.HTTP)).routeSelectionExpression())
        .isEqualTo("$request.method $request.path");
    assertThat(v2.createApi(r -> r.name("b").protocolType(ProtocolType.HTTP).routeSelectionExpression("${request.method} ${request.path}"))
        .routeSelectionExpression()).as("the documented form means the same").isEqualTo("$request.method $request.path");
  }

  @Test
  void importWarningsAreParseIssues() {
    String noVersion = "openapi: 3.0.1\ninfo: {title: t}\npaths: {}\n";
    assertThat(v2.importApi(r -> r.body(noVersion)).warnings()).containsExactly("Parse issue: attribute info.version is missing");
    assertThatThrownBy(() -> v2.importApi(r -> r.body(noVersion).failOnWarnings(true)))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
            .isEqualTo("Warnings found during import:\n\tParse issue: attribute info.version is missing"));
  }

  private static String httpApi(String name) {
    return v2.createApi(r -> r.name(name).protocolType(ProtocolType.HTTP)).apiId();
  }
}
