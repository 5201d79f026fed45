package dev.archway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.delivery.Declaration.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a file for apply: what x-archway may say, and the one line that says what it may not. */
class DeliveryFileTest {
  @TempDir Path dir;

  private Path write(String extension) throws IOException {
    return Files.writeString(dir.resolve("api.yaml"), "openapi: 3.0.1\ninfo: {title: pets, version: '1'}\npaths: {}\n" + extension);
  }

  private void refused(String extension, String message) throws IOException {
    Path file = write(extension);
    assertThatThrownBy(() -> DeliveryFile.read(file, Map.of())).isInstanceOf(UsageMistake.class).hasMessage(file + ": " + message);
  }

  @Test
  void readsTheDeclarationAndLeavesTheDefinitionWithoutIt() throws IOException {
    Path file = write("""
        x-archway:
          type: rest
          id: pets-1
          stages:
            dev:
            prod:
              variables: {a: b}
              methodSettings: {'*/*': {throttlingRateLimit: 10}}
          usagePlans:
            basic:
              apiStages: [{stage: prod, throttle: {/pets/GET: {rateLimit: 1, burstLimit: 2}}}]
              apiKeys:
                ci: {value: '${CI_KEY}'}
                literal: {value: AbCdEf0123456789AbCd, enabled: false}
                generated:
        """);
    DeliveryFile read = DeliveryFile.read(file, Map.of("CI_KEY", "FromTheEnvironment0123"));
    assertThat(read.definition().has("x-archway")).isFalse();
    assertThat(read.title()).isEqualTo("pets");
    Declaration declared = read.declaration();
    assertThat(declared.type()).isEqualTo(Type.REST);
    assertThat(declared.id()).isEqualTo("pets-1");
    assertThat(declared.restStages()).containsOnlyKeys("dev", "prod");
    assertThat(declared.restStages().get("prod").methodSettings().get("*/*").throttlingRateLimit()).isEqualTo(10.0);
    Map<String, Declaration.ApiKey> keys = declared.usagePlans().get("basic").apiKeys();
    assertThat(keys.get("ci").value()).isEqualTo("FromTheEnvironment0123");
    assertThat(keys.get("literal").value()).isEqualTo("AbCdEf0123456789AbCd");
    assertThat(keys.get("generated").value()).isNull();
    assertThat(keys.get("ci").toString()).doesNotContain("FromTheEnvironment");
  }

  @Test
  void mistakesNameTheMemberAndWhatWasExpected() throws IOException {
    refused("", "x-archway: missing (expected: an object with type REST or HTTP, as `archway export` writes it)");
    refused("x-archway: {type: REST, id: 'a b'}", "x-archway.id: a b (expected: 1-64 letters, digits, - or _)");
    refused("x-archway: {type: REST, colour: red}", "x-archway.colour: unknown member (expected: id, stages, type, usagePlans)");
    refused("x-archway: {type: REST, stages: {dev: {methodSettings: {'*/*': {throttlingBurstLimit: lots}}}}}",
        "x-archway.stages.dev.methodSettings.*/*.throttlingBurstLimit: expected Integer");
    refused("x-archway: {type: REST, stages: {dev: {variables: [a]}}}", "x-archway.stages.dev.variables: expected an object");
    refused("x-archway: {type: REST, stages: {dev: {}}, usagePlans: {p: {apiStages: [{stage: prod}]}}}",
        "x-archway.usagePlans.p.apiStages: prod (expected: a stage of x-archway.stages: dev)");
    refused("x-archway: {type: HTTP, stages: {v1: {autoDeploy: true, deploymentDescription: x}}}",
        "x-archway.stages.v1.deploymentDescription: an autoDeploy stage is deployed by the server, which describes its"
            + " deployments itself (expected: no deploymentDescription, or autoDeploy: false)");
    refused("x-archway: {type: REST}\nx-archway: {type: HTTP}",
        "Invalid OpenAPI definition: Duplicate field 'x-archway' (line 5, column 10)");
  }

  @Test
  void aDefinitionTheServerWouldRefuseIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path notOpenApi = Files.writeString(dir.resolve("plain.yaml"), "info: {title: pets}\npaths: {}\nx-archway: {type: REST}\n");
    assertThatThrownBy(() -> DeliveryFile.read(notOpenApi, Map.of())).isInstanceOf(UsageMistake.class)
        .hasMessage(notOpenApi + ": Invalid OpenAPI input.");
    Path swagger = Files.writeString(dir.resolve("swagger.yaml"),
        "swagger: '2.0'\ninfo: {title: pets, version: '1'}\npaths: {}\nx-archway: {type: HTTP}\n");
    assertThatThrownBy(() -> DeliveryFile.read(swagger, Map.of())).isInstanceOf(UsageMistake.class)
        .hasMessage(swagger + ": Errors found during import: HTTP APIs support only OpenAPI 3.0 definitions; this is swagger 2.0"
            + " (import it as a REST API)");
  }

  @Test
  void routeSettingsUpdateStageWouldRefuseAreRefusedBeforeAnythingIsWritten() throws IOException {
    String definition = "openapi: 3.0.1\ninfo: {title: web, version: '1'}\npaths:\n  /pets:\n    get:\n"
        + "      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://b/', payloadFormatVersion: '1.0'}\n";
    Path unknownRoute = Files.writeString(dir.resolve("route.yaml"), definition
        + "x-archway: {type: HTTP, stages: {v1: {routeSettings: {GET /dogs: {throttlingRateLimit: 1}}}}}\n");
    assertThatThrownBy(() -> DeliveryFile.read(unknownRoute, Map.of())).isInstanceOf(UsageMistake.class)
        .hasMessage(unknownRoute + ": x-archway.stages.v1.routeSettings: GET /dogs (expected: a route of the definition: GET /pets)");
    Path logs = Files.writeString(dir.resolve("logs.yaml"), definition
        + "x-archway: {type: HTTP, stages: {v1: {defaultRouteSettings: {loggingLevel: INFO}}}}\n");
    assertThatThrownBy(() -> DeliveryFile.read(logs, Map.of())).isInstanceOf(UsageMistake.class)
        .hasMessage(logs + ": x-archway.stages.v1.defaultRouteSettings: execution logs (expected: no dataTraceEnabled or"
            + " loggingLevel: HTTP APIs have none)");
    Path fine = Files.writeString(dir.resolve("fine.yaml"), definition
        + "x-archway: {type: HTTP, stages: {v1: {routeSettings: {GET /pets: {throttlingRateLimit: 1, loggingLevel: 'OFF'}}}}}\n");
    assertThat(DeliveryFile.read(fine, Map.of()).declaration().httpStages().get("v1").routeSettings()).containsOnlyKeys("GET /pets");
  }

  @Test
  void aFileThatCannotBeReadIsNamed() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> DeliveryFile.read(missing, Map.of())).isInstanceOf(UsageMistake.class)
        .hasMessage(missing + ": cannot be read (NoSuchFileException: " + missing + ")");
  }
}
