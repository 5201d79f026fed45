package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayCli;
import dev.archway.testing.ArchwayCli.Run;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import dev.archway.testing.V2Clients;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetStageResponse;

/** {@code archway apply} of HTTP API files: an auto-deploy stage follows the definition, another stage is deployed by apply. */
class ApplyHttpApiE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret");

  @TempDir Path dir;

  private String web(String id, String path) {
    return """
        openapi: 3.0.1
        info:
          title: web-%1$s
          version: '1'
        paths:
          /items:
            get:
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: %2$s%3$s
                payloadFormatVersion: '1.0'
        x-archway:
          type: HTTP
          id: %1$s
          stages:
            $default:
              autoDeploy: true
            v1:
              description: pinned
              deploymentDescription: release
              stageVariables:
                color: blue
              defaultRouteSettings:
                throttlingRateLimit: 100
                throttlingBurstLimit: 200
        """.formatted(id, echo.url(), path);
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("web.yaml"), text);
  }

  private static Run apply(String... args) {
    Run run = ArchwayCli.apply(server.adminPort(), ENV, args);
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return run;
  }

  private static String body(String api, String stage, String path) throws Exception {
    return KeyedApi.HTTP.send(HttpRequest.newBuilder(server.pathStyle(api, stage, path)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void applyCreatesTheApiAndItsStagesAndASecondApplyChangesNothing() throws Exception {
    Path file = write(web("webnew", "/items"));
    assertThat(apply(file.toString()).lines()).containsExactly("HTTP API web-webnew (webnew) from " + file,
        "  + API: import the definition", "  + stage $default: create (auto-deploy)", "  + stage v1: create, deploy",
        "3 changes applied");
    ApiGatewayV2Client v2 = V2Clients.of(server);
    GetStageResponse v1 = v2.getStage(r -> r.apiId("webnew").stageName("v1"));
    assertThat(v1.stageVariables()).containsExactly(Map.entry("color", "blue"));
    assertThat(v1.defaultRouteSettings().throttlingRateLimit()).isEqualTo(100.0);
    assertThat(v2.getDeployment(r -> r.apiId("webnew").deploymentId(v1.deploymentId())).description()).isEqualTo("release");
    assertThat(body("webnew", "$default", "/items")).contains("\"path\":\"/items\"");
    assertThat(body("webnew", "v1", "/items")).contains("\"path\":\"/items\"");
    int deployments = v2.getDeployments(r -> r.apiId("webnew")).items().size();

    assertThat(apply(file.toString()).lines()).containsExactly("HTTP API web-webnew (webnew) from " + file, "  no changes",
        "no changes");
    assertThat(v2.getDeployments(r -> r.apiId("webnew")).items()).hasSize(deployments);
  }

  @Test
  void aChangedDefinitionIsReimportedAndEveryStageServesIt() throws Exception {
    Path file = write(web("webchange", "/items"));
    apply(file.toString());

    write(web("webchange", "/v2/items").replace("color: blue", "color: red"));
    Run dryRun = apply("--dry-run", file.toString());
    assertThat(dryRun.lines()).containsExactly("HTTP API web-webchange (webchange) from " + file,
        "  ~ definition: reimport (stage $default serves another definition, differing at"
            + " /paths/~1items/get/x-amazon-apigateway-integration/uri)",
        "  ~ stage $default: auto-deploys the definition",
        "  ~ stage v1: stageVariables (set color)",
        "  ~ stage v1: deploy",
        "dry run: 4 changes, nothing written");
    assertThat(body("webchange", "v1", "/items")).contains("\"path\":\"/items\"");

    apply(file.toString());
    assertThat(body("webchange", "$default", "/items")).contains("\"path\":\"/v2/items\"");
    assertThat(body("webchange", "v1", "/items")).contains("\"path\":\"/v2/items\"");
    assertThat(V2Clients.of(server).getStage(r -> r.apiId("webchange").stageName("v1")).stageVariables()).containsEntry("color", "red");
    assertThat(apply(file.toString()).lines()).endsWith("  no changes", "no changes");
  }

  @Test
  void usagePlansInAnHttpApiFileAreAUsageError() throws Exception {
    Path file = write(web("webplan", "/items") + """
          usagePlans:
            basic: {}
        """);
    Run run = ArchwayCli.apply(server.adminPort(), ENV, file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("archway apply: " + file + ": x-archway.usagePlans: HTTP APIs have no usage plans"
        + " (expected: none; on AWS, usage plans and API keys are REST API features)" + System.lineSeparator());
  }
}
