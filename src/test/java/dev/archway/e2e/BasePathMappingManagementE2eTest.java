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
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * Custom domain names and base path mappings through apigateway (v1), as the AWS service model
 * shapes them, and the same resources seen through apigatewayv2.
 */
class BasePathMappingManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static ApiGatewayClient aws;
  private static ApiGatewayV2Client v2;

  @BeforeAll
  static void clients() {
    aws = server.client();
    v2 = V2Clients.of(server);
  }

  @AfterAll
  static void close() {
    v2.close();
  }

  @Test
  void anEdgeDomainNameReportsItsCertificateAndIsAvailable() {
    var created = aws.createDomainName(r -> r.domainName("edge.example.com").certificateName("cert")
        .certificateArn("arn:aws:acm:us-east-1:000000000000:certificate/abc").tags(Map.of("team", "a")));
    assertThat(created.domainName()).isEqualTo("edge.example.com");
    assertThat(created.endpointConfiguration().types()).containsExactly(EndpointType.EDGE);
    assertThat(created.certificateArn()).isEqualTo("arn:aws:acm:us-east-1:000000000000:certificate/abc");
    assertThat(created.certificateName()).isEqualTo("cert");
    assertThat(created.distributionDomainName()).matches("d-[a-z0-9]+\\.execute-api\\.localhost");
    assertThat(created.distributionHostedZoneId()).isEqualTo("Z2FDTNDATAQYW2");
    assertThat(created.regionalDomainName()).isNull();
    assertThat(created.domainNameStatusAsString()).isEqualTo("AVAILABLE");
    assertThat(created.securityPolicyAsString()).isEqualTo("TLS_1_2");
    assertThat(created.tags()).containsEntry("team", "a");
    assertThat(aws.getDomainName(r -> r.domainName("edge.example.com")).toString())
        .isEqualTo(created.toString().replace("CreateDomainNameResponse", "GetDomainNameResponse"));
    assertThat(aws.getDomainNames(r -> {}).items()).extracting(d -> d.domainName()).contains("edge.example.com");
    aws.tagResource(r -> r.resourceArn(created.domainNameArn()).tags(Map.of("env", "prod")));
    assertThat(aws.getTags(r -> r.resourceArn(created.domainNameArn())).tags()).isEqualTo(Map.of("team", "a", "env", "prod"));

    // One resource, two shapes: apigatewayv2 sees the same name.
    var seen = v2.getDomainName(r -> r.domainName("edge.example.com"));
    assertThat(seen.domainNameConfigurations()).singleElement().satisfies(c -> {
      assertThat(c.endpointTypeAsString()).isEqualTo("EDGE");
      assertThat(c.certificateArn()).isEqualTo("arn:aws:acm:us-east-1:000000000000:certificate/abc");
      assertThat(c.domainNameStatusAsString()).isEqualTo("AVAILABLE");
      assertThat(c.domainNameStatusMessage()).isNull();
    });
    assertThatThrownBy(() -> v2.createDomainName(r -> r.domainName("edge.example.com")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.ConflictException.class);
    assertThatThrownBy(() -> aws.createDomainName(r -> r.domainName("edge.example.com")))
        .isInstanceOf(ConflictException.class).hasMessageStartingWith("The domain name you provided already exists.");
    // Names are routed, so they are unique across accounts and regions.
    try (ApiGatewayClient other = server.client(Region.EU_WEST_1)) {
      assertThatThrownBy(() -> other.createDomainName(r -> r.domainName("edge.example.com")))
          .isInstanceOf(ConflictException.class);
    }
  }

  @Test
  void aRegionalDomainNameCanBePatchedAndDeleted() {
    aws.createDomainName(r -> r.domainName("regional.example.com").regionalCertificateArn("arn:aws:acm:us-east-1:000000000000:certificate/r")
        .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)));
    var patched = aws.updateDomainName(r -> r.domainName("regional.example.com").patchOperations(
        p -> p.op(Op.REPLACE).path("/regionalCertificateArn").value("arn:aws:acm:us-east-1:000000000000:certificate/s"),
        p -> p.op(Op.REPLACE).path("/securityPolicy").value("TLS_1_0")));
    assertThat(patched.regionalCertificateArn()).isEqualTo("arn:aws:acm:us-east-1:000000000000:certificate/s");
    assertThat(patched.regionalHostedZoneId()).isEqualTo("Z1UJRXOUMOOFQ8");
    assertThat(patched.regionalDomainName()).isNotNull();
    assertThat(patched.securityPolicyAsString()).isEqualTo("TLS_1_0");

    aws.deleteDomainName(r -> r.domainName("regional.example.com"));
    assertThatThrownBy(() -> aws.getDomainName(r -> r.domainName("regional.example.com")))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid domain name identifier specified");
  }

  @Test
  void whatArchwayCannotHonourIsRefused() {
    assertThatThrownBy(() -> aws.createDomainName(r -> r.domainName("upload.example.com").certificateName("c")
        .certificateBody("-----BEGIN CERTIFICATE-----").certificatePrivateKey("-----BEGIN PRIVATE KEY-----")))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("certificateBody, certificatePrivateKey and certificateChain");
    assertThatThrownBy(() -> aws.createDomainName(r -> r.domainName("mtls.example.com")
        .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)).mutualTlsAuthentication(m -> m.truststoreUri("s3://b/t.pem"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("mutualTlsAuthentication");
    assertThatThrownBy(() -> v2.createDomainName(r -> r.domainName("mtls2.example.com")
        .mutualTlsAuthentication(m -> m.truststoreUri("s3://b/t.pem"))))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.BadRequestException.class);
    assertThatThrownBy(() -> aws.createDomainName(r -> r.domainName("private.example.com")
        .endpointConfiguration(e -> e.types(EndpointType.PRIVATE))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("PRIVATE domain name");
    assertThat(aws.getDomainNames(r -> {}).items()).extracting(d -> d.domainName())
        .doesNotContain("upload.example.com", "mtls.example.com", "mtls2.example.com", "private.example.com");
  }

  @Test
  void basePathMappingsAreApiMappings() {
    aws.createDomainName(r -> r.domainName("maps.example.com"));
    String apiId = Fixtures.mockApi(aws, "mapped", "{}");
    aws.createDeployment(r -> r.restApiId(apiId).stageName("blue"));
    aws.createDeployment(r -> r.restApiId(apiId).stageName("green"));

    var root = aws.createBasePathMapping(r -> r.domainName("maps.example.com").restApiId(apiId).stage("blue"));
    assertThat(root.basePath()).isEqualTo("(none)");
    var orders = aws.createBasePathMapping(r -> r.domainName("maps.example.com").restApiId(apiId).stage("blue")
        .basePath("orders/v1"));
    assertThat(orders.basePath()).isEqualTo("orders/v1");
    assertThat(aws.getBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders/v1")).stage()).isEqualTo("blue");
    assertThat(aws.getBasePathMapping(r -> r.domainName("maps.example.com").basePath("(none)")).restApiId()).isEqualTo(apiId);
    assertThat(aws.getBasePathMappings(r -> r.domainName("maps.example.com")).items())
        .extracting(m -> m.basePath()).containsExactly("(none)", "orders/v1");
    assertThat(v2.getApiMappings(r -> r.domainName("maps.example.com")).items())
        .extracting(m -> m.apiMappingKey()).containsExactlyInAnyOrder("", "orders/v1");

    var switched = aws.updateBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders/v1")
        .patchOperations(p -> p.op(Op.REPLACE).path("/stage").value("green")));
    assertThat(switched.stage()).isEqualTo("green");
    var moved = aws.updateBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders/v1")
        .patchOperations(p -> p.op(Op.REPLACE).path("/basePath").value("orders")));
    assertThat(moved.basePath()).isEqualTo("orders");

    assertThatThrownBy(() -> aws.createBasePathMapping(r -> r.domainName("maps.example.com").restApiId(apiId).basePath("orders")))
        .isInstanceOf(ConflictException.class).hasMessageStartingWith("Base path already exists for this domain name");
    assertThatThrownBy(() -> aws.createBasePathMapping(r -> r.domainName("maps.example.com").restApiId("nope").basePath("x")))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid REST API identifier specified");
    assertThatThrownBy(() -> aws.createBasePathMapping(r -> r.domainName("maps.example.com").restApiId(apiId)
        .basePath("x").stage("nostage")))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Invalid stage identifier specified");
    assertThatThrownBy(() -> aws.createBasePathMapping(r -> r.domainName("nodomain.example.com").restApiId(apiId)))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid domain name identifier specified");
    assertThatThrownBy(() -> aws.updateBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders")
        .patchOperations(p -> p.op(Op.REPLACE).path("/stage").value("nostage"))))
        .isInstanceOf(BadRequestException.class);

    aws.deleteBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders"));
    assertThatThrownBy(() -> aws.getBasePathMapping(r -> r.domainName("maps.example.com").basePath("orders")))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("Invalid base path mapping identifier specified");
    aws.deleteDomainName(r -> r.domainName("maps.example.com"));
    assertThatThrownBy(() -> v2.getApiMappings(r -> r.domainName("maps.example.com")))
        .isInstanceOf(software.amazon.awssdk.services.apigatewayv2.model.NotFoundException.class);
  }
}
