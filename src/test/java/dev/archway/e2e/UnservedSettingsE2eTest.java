package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * No silent acceptance: settings Archway does not serve yet are refused (400 "... is not supported
 * by Archway yet", nothing changed) or stored with one WARN line naming what is ignored.
 */
class UnservedSettingsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final String NOT_YET = " is not supported by Archway yet";
  private static ApiGatewayClient aws;
  private static ApiGatewayV2Client v2;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.archway.control.Unserved");

  @BeforeAll
  static void clients() {
    aws = server.client();
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  @BeforeEach
  void capture() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void release() {
    logger.detachAppender(log);
  }

  private List<String> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void clientCertificateAndCloneSettingsAreRefused() {
    String apiId = Fixtures.mockApi(aws, "refusals", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));

    assertThatThrownBy(() -> aws.updateStage(r -> r.restApiId(apiId).stageName("dev")
        .patchOperations(p -> p.op(Op.REPLACE).path("/clientCertificateId").value("abc123"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("clientCertificateId (client certificates)" + NOT_YET);
    assertThatThrownBy(() -> aws.createRestApi(r -> r.name("clone").cloneFrom(apiId)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("cloneFrom" + NOT_YET);
    assertThat(aws.getRestApis(r -> r.limit(500)).items()).extracting(a -> a.name()).doesNotContain("clone");
  }

  @Test
  void restStageCacheLoggingAndMetricsAreServedWithoutWarnings() {
    String apiId = Fixtures.mockApi(aws, "warned", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("dev"));
    assertThat(warnings()).isEmpty();

    var updated = aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/cacheClusterEnabled").value("true"),
        p -> p.op(Op.REPLACE).path("/*/*/caching/enabled").value("true"),
        p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("INFO"),
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("100"),
        p -> p.op(Op.REPLACE).path("/description").value("cached")));

    assertThat(updated.cacheClusterEnabled()).isTrue();
    assertThat(updated.methodSettings().get("*/*").cachingEnabled()).isTrue();
    assertThat(warnings()).isEmpty(); // all served now

    log.list.clear();
    aws.updateStage(r -> r.restApiId(apiId).stageName("dev").patchOperations(
        p -> p.op(Op.REPLACE).path("/cacheClusterEnabled").value("false"),
        p -> p.op(Op.REPLACE).path("/*/*/logging/loglevel").value("OFF")));
    assertThat(warnings()).isEmpty();

    aws.createRestApi(r -> r.name("compressed").minimumCompressionSize(1024));
    assertThat(warnings()).singleElement().asString().endsWith(": minimumCompressionSize");
  }

  @Test
  void httpApiAccessLogsAndMetricsAreServed() {
    String apiId = v2.createApi(r -> r.name("logged").protocolType(ProtocolType.HTTP)).apiId();
    var stage = v2.createStage(r -> r.apiId(apiId).stageName("dev")
        .accessLogSettings(a -> a.destinationArn("arn:aws:logs:us-east-1:000000000000:log-group:x").format("$context.requestId"))
        .defaultRouteSettings(s -> s.detailedMetricsEnabled(true).throttlingBurstLimit(10).throttlingRateLimit(5.0)));
    assertThat(stage.accessLogSettings().format()).isEqualTo("$context.requestId");
    assertThat(warnings()).isEmpty();
  }

  @Test
  void backendTlsOptionsAreStoredWithAWarning() {
    String apiId = v2.createApi(r -> r.name("tls").protocolType(ProtocolType.HTTP)).apiId();
    v2.createIntegration(r -> r.apiId(apiId).integrationType("HTTP_PROXY").integrationMethod("ANY")
        .integrationUri("https://backend.example.com").payloadFormatVersion("1.0")
        .tlsConfig(t -> t.serverNameToVerify("other.example.com")));
    assertThat(warnings()).singleElement().asString().endsWith(": tlsConfig");

    log.list.clear();
    String restApi = Fixtures.mockApi(aws, "tls", "{}");
    String hello = Fixtures.resourceId(aws, restApi, "/hello");
    aws.updateIntegration(r -> r.restApiId(restApi).resourceId(hello).httpMethod("GET")
        .patchOperations(p -> p.op(Op.REPLACE).path("/tlsConfig/insecureSkipVerification").value("true")));
    assertThat(warnings()).singleElement().asString().endsWith(": tlsConfig");
  }
}
