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
import software.amazon.awssdk.services.apigatewayv2.model.ConflictException;
import software.amazon.awssdk.services.apigatewayv2.model.NotFoundException;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

class DomainNameManagementE2eTest {
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
  void domainNamesAndApiMappings() {
    var domain = v2.createDomainName(r -> r.domainName("api.example.com").tags(Map.of("team", "a")));
    assertThat(domain.domainNameArn()).isEqualTo("arn:aws:apigateway:us-east-1::/domainnames/api.example.com");
    assertThat(domain.apiMappingSelectionExpression()).isEqualTo("$request.basepath");
    assertThat(domain.domainNameConfigurations()).singleElement().satisfies(c -> {
      assertThat(c.endpointTypeAsString()).isEqualTo("REGIONAL");
      assertThat(c.securityPolicyAsString()).isEqualTo("TLS_1_2");
      assertThat(c.domainNameStatusAsString()).isEqualTo("AVAILABLE");
      assertThat(c.apiGatewayDomainName()).matches("d-[a-z0-9]+\\.execute-api\\.localhost");
    });
    assertThatThrownBy(() -> v2.createDomainName(r -> r.domainName("api.example.com")))
        .isInstanceOf(ConflictException.class);
    assertThat(v2.getDomainNames(r -> {}).items()).extracting(d -> d.domainName()).contains("api.example.com");

    String api = v2.createApi(r -> r.name("mapped").protocolType(ProtocolType.HTTP)).apiId();
    v2.createStage(r -> r.apiId(api).stageName("prod"));
    var mapping = v2.createApiMapping(r -> r.domainName("api.example.com").apiId(api).stage("prod").apiMappingKey("v1"));
    assertThat(mapping.apiMappingId()).isNotBlank();
    assertThat(v2.getApiMappings(r -> r.domainName("api.example.com")).items()).hasSize(1);
    assertThatThrownBy(() -> v2.createApiMapping(r -> r.domainName("api.example.com").apiId(api).stage("prod").apiMappingKey("v1")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> v2.createApiMapping(r -> r.domainName("api.example.com").apiId(api).stage("prod").apiMappingKey("/v2")))
        .isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> v2.createApiMapping(r -> r.domainName("api.example.com").apiId(api).stage("nostage")))
        .isInstanceOf(NotFoundException.class);

    var rest = server.client().createRestApi(r -> r.name("rest"));
    assertThatThrownBy(() -> v2.createApiMapping(r -> r.domainName("api.example.com").apiId(rest.id()).stage("prod")))
        .isInstanceOf(NotFoundException.class);

    var updated = v2.updateApiMapping(r -> r.domainName("api.example.com").apiMappingId(mapping.apiMappingId())
        .apiId(api).apiMappingKey("v2"));
    assertThat(updated.apiMappingKey()).isEqualTo("v2");
    assertThat(v2.getApiMapping(r -> r.domainName("api.example.com").apiMappingId(mapping.apiMappingId())).stage())
        .isEqualTo("prod");
    v2.deleteApiMapping(r -> r.domainName("api.example.com").apiMappingId(mapping.apiMappingId()));
    assertThatThrownBy(() -> v2.getApiMapping(r -> r.domainName("api.example.com").apiMappingId(mapping.apiMappingId())))
        .isInstanceOf(NotFoundException.class);

    var securer = v2.updateDomainName(r -> r.domainName("api.example.com")
        .domainNameConfigurations(c -> c.endpointType("REGIONAL").securityPolicy("TLS_1_0")));
    assertThat(securer.domainNameConfigurations().get(0).securityPolicyAsString()).isEqualTo("TLS_1_0");
    String arn = domain.domainNameArn();
    v2.tagResource(r -> r.resourceArn(arn).tags(Map.of("b", "2")));
    assertThat(v2.getTags(r -> r.resourceArn(arn)).tags()).containsEntry("team", "a").containsEntry("b", "2");

    v2.deleteDomainName(r -> r.domainName("api.example.com"));
    assertThatThrownBy(() -> v2.getDomainName(r -> r.domainName("api.example.com")))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> v2.createDomainName(r -> r.domainName("Not A Domain")))
        .isInstanceOf(BadRequestException.class);
  }
}
