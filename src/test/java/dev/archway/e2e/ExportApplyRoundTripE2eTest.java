package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archway.testing.ArchwayCli;
import dev.archway.testing.ArchwayCli.Run;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.V2Clients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;

/**
 * {@code archway export} of APIs built with the AWS SDK, then {@code archway apply} of that file on a
 * fresh server: the same API, stages, usage plans and keys (with new values), serving the same
 * traffic; and the exported file applied where it came from changes nothing.
 */
class ExportApplyRoundTripE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer source = new ArchwayServer();
  @RegisterExtension @Order(3) static final ArchwayServer target = new ArchwayServer();
  private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret");
  private static final YAMLMapper YAML = new YAMLMapper();

  @TempDir Path dir;

  private static Run succeeds(Run run) {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return run;
  }

  /** An export as it reads on another server: the execute listener's port differs (members may come in another order). */
  private static String onTarget(String export) {
    return export.replace("localhost:" + source.port(), "localhost:" + target.port());
  }

  private static String sharedIntegration(String export) throws Exception {
    return YAML.readTree(export).path("components").path("x-amazon-apigateway-integrations").fieldNames().next();
  }

  @Test
  void aRestApiWithItsStagesPlansAndKeysIsReproducedOnAFreshServer() throws Exception {
    ApiGatewayClient aws = source.client();
    String api = aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(OpenApiFixtures.definition("every-extension-rest.yaml",
        echo.url())))).id();
    aws.createDeployment(r -> r.restApiId(api).stageName("prod").stageDescription("production").description("release 1")
        .variables(Map.of("backend", "blue")));
    aws.createDeployment(r -> r.restApiId(api).stageName("beta"));
    aws.updateStage(r -> r.restApiId(api).stageName("beta").patchOperations(
        p -> p.op(Op.REPLACE).path("/*/*/throttling/rateLimit").value("25"),
        p -> p.op(Op.REPLACE).path("/~1pets/GET/caching/ttlInSeconds").value("60")));
    String plan = aws.createUsagePlan(r -> r.name("gold").throttle(t -> t.rateLimit(5.0).burstLimit(10))
        .quota(q -> q.limit(500).period("WEEK")).apiStages(s -> s.apiId(api).stage("prod")
            .throttle(Map.of("/pets/GET", software.amazon.awssdk.services.apigateway.model.ThrottleSettings.builder()
                .rateLimit(1.0).burstLimit(2).build())))).id();
    var key = aws.createApiKey(r -> r.name("partner").description("the partner").enabled(true));
    aws.createUsagePlanKey(r -> r.usagePlanId(plan).keyId(key.id()).keyType("API_KEY"));

    String exported = succeeds(ArchwayCli.export(source.adminPort(), ENV, "--rest-api-id", api, "--stage", "prod")).stdout();
    JsonNode extension = YAML.readTree(exported).path("x-archway");
    assertThat(extension.path("type").asText()).isEqualTo("REST");
    assertThat(extension.path("id").asText()).isEqualTo(api);
    assertThat(extension.path("stages").path("prod").path("deploymentDescription").asText()).isEqualTo("release 1");
    assertThat(extension.path("stages").path("beta").path("methodSettings").path("~1pets/GET").path("cacheTtlInSeconds").asInt())
        .isEqualTo(60);
    assertThat(extension.path("usagePlans").path("gold").path("apiKeys").path("partner").path("description").asText())
        .isEqualTo("the partner");
    assertThat(exported).doesNotContain(key.value());

    Path file = Files.writeString(dir.resolve("everything.yaml"), exported);
    Run applied = succeeds(ArchwayCli.apply(target.adminPort(), ENV, file.toString()));
    assertThat(applied.lines()).contains("  + stage prod: create, deploy", "  + usage plan gold: create",
        "  + API key partner: create (the server generates its value)");

    String reexported = succeeds(ArchwayCli.export(target.adminPort(), ENV, "--rest-api-id", api, "--stage", "prod")).stdout();
    assertThat(YAML.readTree(reexported)).isEqualTo(YAML.readTree(onTarget(exported)));
    assertThat(succeeds(ArchwayCli.apply(source.adminPort(), ENV, file.toString())).lines()).endsWith("  no changes", "no changes");
    assertThat(succeeds(ArchwayCli.apply(target.adminPort(), ENV, file.toString())).lines()).endsWith("  no changes", "no changes");

    HttpResponse<String> unknown = KeyedApi.HTTP.send(HttpRequest.newBuilder(target.pathStyle(api, "prod", "/nowhere")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("x-reason")).hasValue("unknown path");
    String targetKey = target.client().getApiKeys(r -> r.nameQuery("partner").includeValues(true)).items().get(0).value();
    assertThat(targetKey).isNotEqualTo(key.value()).hasSize(40);
  }

  @Test
  void anHttpApiWithItsStagesIsReproducedOnAFreshServer() throws Exception {
    ApiGatewayV2Client v2 = V2Clients.of(source);
    String api = v2.importApi(r -> r.body(OpenApiFixtures.definition("petstore-http.yaml", echo.url()))).apiId();
    v2.createStage(r -> r.apiId(api).stageName("$default").autoDeploy(true));
    v2.createStage(r -> r.apiId(api).stageName("beta").description("next").stageVariables(Map.of("color", "green"))
        .defaultRouteSettings(s -> s.throttlingRateLimit(50.0).throttlingBurstLimit(100)));
    v2.createDeployment(r -> r.apiId(api).stageName("beta").description("release 1"));

    String exported = succeeds(ArchwayCli.export(source.adminPort(), ENV, "--api-id", api)).stdout();
    JsonNode extension = YAML.readTree(exported).path("x-archway");
    assertThat(extension.path("type").asText()).isEqualTo("HTTP");
    assertThat(extension.path("stages").path("$default").path("autoDeploy").asBoolean()).isTrue();
    assertThat(extension.path("stages").path("beta").path("deploymentDescription").asText()).isEqualTo("release 1");

    Path file = Files.writeString(dir.resolve("petstore.yaml"), exported);
    Run applied = succeeds(ArchwayCli.apply(target.adminPort(), ENV, file.toString()));
    assertThat(applied.lines()).containsExactly("HTTP API PetStore (" + api + ") from " + file, "  + API: import the definition",
        "  + stage $default: create (auto-deploy)", "  + stage beta: create, deploy", "3 changes applied");

    String reexported = succeeds(ArchwayCli.export(target.adminPort(), ENV, "--api-id", api)).stdout();
    // Integrations routes share are exported under their ids, which each server generates.
    assertThat(YAML.readTree(reexported))
        .isEqualTo(YAML.readTree(onTarget(exported).replace(sharedIntegration(exported), sharedIntegration(reexported))));
    assertThat(succeeds(ArchwayCli.apply(source.adminPort(), ENV, file.toString())).lines()).endsWith("  no changes", "no changes");
    assertThat(succeeds(ArchwayCli.apply(target.adminPort(), ENV, file.toString())).lines()).endsWith("  no changes", "no changes");

    HttpResponse<String> pets = KeyedApi.HTTP.send(HttpRequest.newBuilder(target.pathStyle(api, "$default", "/pets")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(pets.statusCode()).isEqualTo(200);
    assertThat(pets.body()).contains("\"x-imported\":\"yes\"");
    assertThat(V2Clients.of(target).getStage(r -> r.apiId(api).stageName("beta")).stageVariables()).containsEntry("color", "green");
  }
}
