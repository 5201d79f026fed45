package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.ConflictException;
import software.amazon.awssdk.services.apigateway.model.CreateDocumentationPartResponse;
import software.amazon.awssdk.services.apigateway.model.DocumentationPartLocation;
import software.amazon.awssdk.services.apigateway.model.DocumentationPartType;
import software.amazon.awssdk.services.apigateway.model.ImportDocumentationPartsResponse;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.LocationStatusType;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PutMode;

/** Documentation parts and versions through the AWS SDK, and a stage's documentationVersion. */
class DocumentationManagementE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  static ApiGatewayClient aws;

  @BeforeAll
  static void client() {
    aws = server.client();
  }

  @Test
  void aPartPerLocationWithAwsDefaults() {
    String api = aws.createRestApi(r -> r.name("documented")).id();
    CreateDocumentationPartResponse root = aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.RESOURCE)).properties("{\"description\":\"The root\"}"));
    assertThat(root.id()).isNotBlank();
    assertThat(root.location().path()).isEqualTo("/");
    assertThat(root.location().method()).isNull();
    assertThat(root.properties()).isEqualTo("{\"description\":\"The root\"}");

    var method = aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.METHOD).path("/pets")).properties("{\"summary\":\"List\"}"));
    assertThat(method.location().method()).isEqualTo("*");
    var response = aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.RESPONSE).path("/pets").method("GET")).properties("{}"));
    assertThat(response.location().statusCode()).isEqualTo("*");

    assertThatThrownBy(() -> aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.METHOD).path("/pets").method("*")).properties("{}")))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Documentation part already exists for the specified location: type 'METHOD', path '/pets', method '*'.");
    assertThatThrownBy(() -> aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.API).path("/")).properties("{}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("'path' is not a valid field for type 'API'");
    assertThatThrownBy(() -> aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.QUERY_PARAMETER).path("/pets")).properties("{}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("'name' is required for type 'QUERY_PARAMETER'");
    assertThatThrownBy(() -> aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type(DocumentationPartType.API)).properties("not json")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("expected: a JSON object");
    assertThatThrownBy(() -> aws.createDocumentationPart(r -> r.restApiId(api)
        .location(l -> l.type("PAGE")).properties("{}")))
        .isInstanceOf(ApiGatewayException.class).hasMessageContaining("Member must satisfy enum value set");

    var got = aws.getDocumentationPart(r -> r.restApiId(api).documentationPartId(method.id()));
    assertThat(got.properties()).isEqualTo("{\"summary\":\"List\"}");
    var updated = aws.updateDocumentationPart(r -> r.restApiId(api).documentationPartId(method.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/properties").value("{\"summary\":\"All pets\"}")));
    assertThat(updated.properties()).isEqualTo("{\"summary\":\"All pets\"}");
    assertThatThrownBy(() -> aws.updateDocumentationPart(r -> r.restApiId(api).documentationPartId(method.id())
        .patchOperations(p -> p.op(Op.REPLACE).path("/location/path").value("/x"))))
        .isInstanceOf(BadRequestException.class);

    aws.deleteDocumentationPart(r -> r.restApiId(api).documentationPartId(root.id()));
    assertThatThrownBy(() -> aws.getDocumentationPart(r -> r.restApiId(api).documentationPartId(root.id())))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Invalid Documentation part identifier specified");
  }

  @Test
  void listsFilterAndPage() {
    String api = aws.createRestApi(r -> r.name("listed")).id();
    part(api, DocumentationPartLocation.builder().type(DocumentationPartType.API).build(), "{\"info\":{\"description\":\"x\"}}");
    part(api, DocumentationPartLocation.builder().type(DocumentationPartType.MODEL).name("Pet").build(), "{}");
    part(api, DocumentationPartLocation.builder().type(DocumentationPartType.MODEL).name("PetList").build(), "{\"description\":\"d\"}");
    part(api, DocumentationPartLocation.builder().type(DocumentationPartType.QUERY_PARAMETER).path("/pets").method("GET")
        .name("page").build(), "{\"description\":\"page\"}");

    assertThat(aws.getDocumentationParts(r -> r.restApiId(api)).items()).hasSize(4);
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api).type(DocumentationPartType.MODEL)).items()).hasSize(2);
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api).nameQuery("list")).items())
        .extracting(p -> p.location().name()).containsExactly("PetList");
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api).path("/pets")).items()).hasSize(1);
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api).locationStatus(LocationStatusType.UNDOCUMENTED)).items())
        .extracting(p -> p.location().name()).containsExactly("Pet");
    var first = aws.getDocumentationParts(r -> r.restApiId(api).limit(3));
    assertThat(first.items()).hasSize(3);
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api).limit(3).position(first.position())).items()).hasSize(1);
  }

  @Test
  void importMergesOrOverwrites() {
    String api = aws.createRestApi(r -> r.name("imported")).id();
    String kept = part(api, DocumentationPartLocation.builder().type(DocumentationPartType.API).build(), "{\"old\":true}");
    String other = part(api, DocumentationPartLocation.builder().type(DocumentationPartType.RESOURCE).path("/a").build(), "{}");
    String yaml = """
        swagger: "2.0"
        info: {title: docs, version: "1"}
        x-amazon-apigateway-documentation:
          version: "1.0"
          documentationParts:
            - location: {type: API}
              properties: {info: {description: "Imported"}}
            - location: {type: METHOD, path: /pets, method: GET}
              properties: {summary: List pets}
            - location: {type: BOGUS}
              properties: {}
        """;
    ImportDocumentationPartsResponse merged = aws.importDocumentationParts(r -> r.restApiId(api)
        .body(SdkBytes.fromUtf8String(yaml)));
    assertThat(merged.ids()).hasSize(2).contains(kept);
    assertThat(merged.warnings()).singleElement().asString().contains("documentationParts[2]");
    assertThat(aws.getDocumentationPart(r -> r.restApiId(api).documentationPartId(kept)).properties())
        .isEqualTo("{\"info\":{\"description\":\"Imported\"}}");
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api)).items()).hasSize(3);

    assertThatThrownBy(() -> aws.importDocumentationParts(r -> r.restApiId(api).failOnWarnings(true)
        .mode(PutMode.OVERWRITE).body(SdkBytes.fromUtf8String(yaml))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Warnings found during import");
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api)).items()).hasSize(3);

    var overwritten = aws.importDocumentationParts(r -> r.restApiId(api).mode(PutMode.OVERWRITE)
        .body(SdkBytes.fromUtf8String(yaml)));
    assertThat(overwritten.ids()).hasSize(2).doesNotContain(other);
    assertThat(aws.getDocumentationParts(r -> r.restApiId(api)).items()).hasSize(2);
  }

  @Test
  void versionsSnapshotPartsAndStagesPublishThem() {
    String api = aws.createRestApi(r -> r.name("versioned")).id();
    String root = aws.getResources(r -> r.restApiId(api)).items().get(0).id();
    aws.putMethod(r -> r.restApiId(api).resourceId(root).httpMethod("GET").authorizationType("NONE"));
    aws.putIntegration(r -> r.restApiId(api).resourceId(root).httpMethod("GET").type(IntegrationType.MOCK));
    String deployment = aws.createDeployment(r -> r.restApiId(api).stageName("prod")).id();
    part(api, DocumentationPartLocation.builder().type(DocumentationPartType.API).build(), "{\"description\":\"v1\"}");

    var v1 = aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.0.0").stageName("prod")
        .description("first"));
    assertThat(v1.version()).isEqualTo("1.0.0");
    assertThat(v1.createdDate()).isNotNull();
    assertThat(aws.getStage(r -> r.restApiId(api).stageName("prod")).documentationVersion()).isEqualTo("1.0.0");
    assertThatThrownBy(() -> aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.0.0")))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("2.0").stageName("nope")))
        .isInstanceOf(NotFoundException.class);
    assertThat(aws.getDocumentationVersions(r -> r.restApiId(api)).items()).extracting(v -> v.version()).containsExactly("1.0.0");

    aws.createDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.1.0"));
    aws.createStage(r -> r.restApiId(api).stageName("beta").deploymentId(deployment).documentationVersion("1.1.0"));
    assertThat(aws.getStage(r -> r.restApiId(api).stageName("beta")).documentationVersion()).isEqualTo("1.1.0");
    assertThatThrownBy(() -> aws.createStage(r -> r.restApiId(api).stageName("gamma").deploymentId(deployment)
        .documentationVersion("9.9")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid documentation version specified");
    aws.updateStage(r -> r.restApiId(api).stageName("beta")
        .patchOperations(p -> p.op(Op.REPLACE).path("/documentationVersion").value("1.0.0")));
    assertThat(aws.getStage(r -> r.restApiId(api).stageName("beta")).documentationVersion()).isEqualTo("1.0.0");

    var described = aws.updateDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.1.0")
        .patchOperations(p -> p.op(Op.REPLACE).path("/description").value("second")));
    assertThat(described.description()).isEqualTo("second");
    assertThat(aws.getDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.1.0")).description()).isEqualTo("second");

    assertThatThrownBy(() -> aws.deleteDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.0.0")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("associated");
    aws.deleteDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.1.0"));
    assertThatThrownBy(() -> aws.getDocumentationVersion(r -> r.restApiId(api).documentationVersion("1.1.0")))
        .isInstanceOf(NotFoundException.class);
    assertThat(List.of(aws.getDocumentationVersions(r -> r.restApiId(api)).items().size())).containsExactly(1);
  }

  private static String part(String api, DocumentationPartLocation location, String properties) {
    return aws.createDocumentationPart(r -> r.restApiId(api).location(location).properties(properties)).id();
  }
}
