package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.archway.testing.ArchwayCli;
import dev.archway.testing.ArchwayCli.Run;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiKey;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/** {@code archway apply} of REST API files: creation, idempotence, changes, dry runs and errors, through the management API. */
class ApplyRestApiE2eTest {
  @RegisterExtension @Order(1) static final EchoBackend echo = new EchoBackend();
  @RegisterExtension @Order(2) static final ArchwayServer server = new ArchwayServer();
  private static final String KEY = "CiKeyValue0123456789abcdef";
  private static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret",
      "CI_API_KEY", KEY);

  @TempDir Path dir;

  /** A REST API with an HTTP_PROXY method behind an API key, two stages, a usage plan and its key (value generated). */
  private String pets(String id, String plan, String key) {
    return pets(id, plan, key, "description: generated");
  }

  /** @param keyMember a member of the key: its value, or its description when the server is to generate one */
  private String pets(String id, String plan, String key, String keyMember) {
    return """
        openapi: 3.0.1
        info:
          title: pets-%1$s
          version: '1'
        paths:
          /pets:
            get:
              security:
              - api_key: []
              responses:
                '200':
                  description: OK
              x-amazon-apigateway-integration:
                type: http_proxy
                httpMethod: GET
                uri: http://${stageVariables.backend}/pets
        components:
          securitySchemes:
            api_key:
              type: apiKey
              name: x-api-key
              in: header
        x-archway:
          type: REST
          id: %1$s
          stages:
            dev:
              description: development
              deploymentDescription: from CI
              variables:
                backend: 127.0.0.1:%2$d
            prod:
              variables:
                backend: 127.0.0.1:%2$d
                tier: gold
              methodSettings:
                '*/*':
                  throttlingRateLimit: 100
                  throttlingBurstLimit: 50
          usagePlans:
            %3$s:
              throttle:
                rateLimit: 10
                burstLimit: 20
              quota:
                limit: 1000
                period: DAY
              apiStages:
              - stage: dev
              - stage: prod
              apiKeys:
                %4$s:
                  %5$s
        """.formatted(id, echo.port(), plan, key, keyMember);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static Run apply(String... args) {
    return ArchwayCli.apply(server.adminPort(), ENV, args);
  }

  private static Run succeeds(Run run) {
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return run;
  }

  private static String keyValue(String name) {
    return server.client().getApiKeys(r -> r.nameQuery(name).includeValues(true)).items().get(0).value();
  }

  private static int deployments(String api) {
    return server.client().getDeployments(r -> r.restApiId(api)).items().size();
  }

  @Test
  void applyCreatesTheApiItsStagesAUsagePlanAndAKeyThatAnswerTraffic() throws Exception {
    Path file = write("pets.yaml", pets("petsnew", "basic-new", "ci-new", "value: ${CI_API_KEY}"));
    Run run = apply(file.toString());

    assertThat(run.stderr()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.lines()).containsExactly(
        "REST API pets-petsnew (petsnew) from " + file,
        "  + API: import the definition",
        "  + stage dev: create, deploy",
        "  + stage prod: create, deploy",
        "  + usage plan basic-new: create",
        "  + API key ci-new: create",
        "  ~ usage plan basic-new: keys (add ci-new)",
        "6 changes applied");
    ApiGatewayClient aws = server.client();
    assertThat(aws.getRestApi(r -> r.restApiId("petsnew")).name()).isEqualTo("pets-petsnew");
    GetStageResponse dev = aws.getStage(r -> r.restApiId("petsnew").stageName("dev"));
    assertThat(dev.description()).isEqualTo("development");
    assertThat(dev.variables()).containsExactly(Map.entry("backend", "127.0.0.1:" + echo.port()));
    assertThat(aws.getDeployment(r -> r.restApiId("petsnew").deploymentId(dev.deploymentId())).description()).isEqualTo("from CI");
    GetStageResponse prod = aws.getStage(r -> r.restApiId("petsnew").stageName("prod"));
    assertThat(prod.methodSettings().get("*/*").throttlingRateLimit()).isEqualTo(100.0);
    assertThat(prod.methodSettings().get("*/*").throttlingBurstLimit()).isEqualTo(50);
    UsagePlan plan = aws.getUsagePlans(r -> {}).items().stream().filter(p -> p.name().equals("basic-new")).findFirst().orElseThrow();
    assertThat(plan.apiStages()).extracting(s -> s.apiId() + ":" + s.stage()).containsExactly("petsnew:dev", "petsnew:prod");
    assertThat(plan.throttle().rateLimit()).isEqualTo(10.0);
    assertThat(plan.quota().limit()).isEqualTo(1000);
    ApiKey key = aws.getApiKeys(r -> r.nameQuery("ci-new").includeValues(true)).items().get(0);
    assertThat(key.value()).isEqualTo(KEY);
    assertThat(key.enabled()).isTrue();
    assertThat(aws.getUsagePlanKeys(r -> r.usagePlanId(plan.id())).items()).extracting(k -> k.id()).containsExactly(key.id());

    HttpResponse<String> answer = KeyedApi.call(server.pathStyle("petsnew", "prod", "/pets"), KEY);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"path\":\"/pets\"");
    assertThat(KeyedApi.call(server.pathStyle("petsnew", "dev", "/pets"), null).statusCode()).isEqualTo(403);
  }

  @Test
  void aSecondApplyChangesNothing() throws Exception {
    Path file = write("pets.yaml", pets("petsagain", "basic-again", "ci-again"));
    succeeds(apply(file.toString()));
    int deployments = deployments("petsagain");

    Run again = apply(file.toString());

    assertThat(again.exitCode()).isZero();
    assertThat(again.lines()).containsExactly("REST API pets-petsagain (petsagain) from " + file, "  no changes", "no changes");
    assertThat(deployments("petsagain")).isEqualTo(deployments).isEqualTo(2);
  }

  @Test
  void aChangedFileRedeploysOnlyWhatChanged() throws Exception {
    String text = pets("petschange", "basic-change", "ci-change");
    Path file = write("pets.yaml", text);
    succeeds(apply(file.toString()));
    String devDeployment = server.client().getStage(r -> r.restApiId("petschange").stageName("dev")).deploymentId();

    write("pets.yaml", text.replace("tier: gold", "tier: platinum"));
    Run variable = apply(file.toString());
    assertThat(variable.lines()).containsExactly("REST API pets-petschange (petschange) from " + file,
        "  ~ stage prod: variables (set tier)", "1 change applied");
    assertThat(deployments("petschange")).isEqualTo(2);
    assertThat(server.client().getStage(r -> r.restApiId("petschange").stageName("prod")).variables()).containsEntry("tier", "platinum");

    write("pets.yaml", text.replace("tier: gold", "tier: platinum").replace("uri: http://${stageVariables.backend}/pets",
        "uri: http://${stageVariables.backend}/v2/pets"));
    Run definition = apply(file.toString());
    assertThat(definition.lines()).containsExactly("REST API pets-petschange (petschange) from " + file,
        "  ~ definition: put into the draft (stage dev serves another definition, differing at"
            + " /paths/~1pets/get/x-amazon-apigateway-integration/uri)",
        "  ~ stage dev: deploy", "  ~ stage prod: deploy", "3 changes applied");
    assertThat(deployments("petschange")).isEqualTo(4);
    assertThat(server.client().getStage(r -> r.restApiId("petschange").stageName("dev")).deploymentId()).isNotEqualTo(devDeployment);
    assertThat(KeyedApi.call(server.pathStyle("petschange", "dev", "/pets"), keyValue("ci-change")).body()).contains("\"path\":\"/v2/pets\"");
  }

  @Test
  void dryRunReportsTheChangesAndWritesNothing() throws Exception {
    Path fresh = write("fresh.yaml", pets("petsdry", "basic-dry", "ci-dry"));
    Run plan = apply("--dry-run", fresh.toString());
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.lines()).contains("  + API: import the definition", "  + usage plan basic-dry: create")
        .endsWith("dry run: 6 changes, nothing written");
    assertThatThrownBy(() -> server.client().getRestApi(r -> r.restApiId("petsdry"))).isInstanceOf(NotFoundException.class);

    String text = pets("petsdry", "basic-dry", "ci-dry");
    succeeds(apply(write("pets.yaml", text).toString()));
    Path changed = write("pets.yaml", text.replace("/pets", "/dogs").replace("tier: gold", "tier: silver")
        .replace("rateLimit: 10", "rateLimit: 5"));
    Run changes = apply("--dry-run", changed.toString());

    assertThat(changes.exitCode()).isZero();
    assertThat(changes.lines()).containsExactly("REST API pets-petsdry (petsdry) from " + changed,
        "  ~ definition: put into the draft (stage dev serves another definition, differing at /paths/~1dogs, /paths/~1pets)",
        "  ~ stage dev: deploy", "  ~ stage prod: deploy, variables (set tier)", "  ~ usage plan basic-dry: throttle",
        "dry run: 4 changes, nothing written");
    assertThat(deployments("petsdry")).isEqualTo(2);
    assertThat(server.client().getStage(r -> r.restApiId("petsdry").stageName("prod")).variables()).containsEntry("tier", "gold");
    assertThat(KeyedApi.call(server.pathStyle("petsdry", "dev", "/pets"), keyValue("ci-dry")).statusCode()).isEqualTo(200);
  }

  @Test
  void aServerErrorIsOneLineAndExitCode1() throws Exception {
    Path file = write("bad.yaml", pets("petsbad", "basic-bad", "ci-bad").replace("uri: http://${stageVariables.backend}/pets",
        "uri: not a url"));
    Run run = apply(file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr().lines()).hasSize(1);
    assertThat(run.stderr()).startsWith("archway apply: ImportRestApi: BadRequestException: Errors found during import: Unable to put"
        + " integration on 'GET' for resource at path '/pets': ");
    assertThat(run.lines()).containsExactly("REST API pets-petsbad (petsbad) from " + file, "  + API: import the definition");
    assertThatThrownBy(() -> server.client().getRestApi(r -> r.restApiId("petsbad"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aFileMistakeIsAUsageErrorAndWritesNothing() throws Exception {
    Path file = write("typo.yaml", pets("petstypo", "basic-typo", "ci-typo").replace("  type: REST", "  type: SOAP"));
    assertThat(apply(file.toString())).isEqualTo(new Run(2, "",
        "archway apply: " + file + ": x-archway.type: SOAP (expected: REST or HTTP)" + System.lineSeparator()));

    Path unknown = write("unknown.yaml", pets("petstypo", "basic-typo", "ci-typo").replace("deploymentDescription", "deployDescription"));
    Run member = apply(unknown.toString());
    assertThat(member.exitCode()).isEqualTo(2);
    assertThat(member.stderr()).isEqualTo("archway apply: " + unknown + ": x-archway.stages.dev.deployDescription: unknown member"
        + " (expected: deploymentDescription, description, methodSettings, variables)" + System.lineSeparator());

    Path key = write("key.yaml", pets("petstypo", "basic-typo", "ci-typo", "value: ${CI_API_KEY}"));
    Run noKey = ArchwayCli.apply(server.adminPort(), Map.of("AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret"),
        key.toString());
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.stderr()).isEqualTo("archway apply: " + key + ": x-archway.usagePlans.basic-typo.apiKeys.ci-typo.value:"
        + " ${CI_API_KEY}: the environment variable CI_API_KEY is not set" + System.lineSeparator());
    assertThatThrownBy(() -> server.client().getRestApi(r -> r.restApiId("petstypo"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBadFileAmongGoodOnesWritesNothing() throws Exception {
    Path good = write("good.yaml", pets("petsgood", "basic-good", "ci-good"));
    Path bad = write("bad.yaml", pets("petsnotapi", "basic-notapi", "ci-notapi").replace("openapi: 3.0.1", "openapi: none"));
    Run run = apply(good.toString(), bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).isEqualTo("archway apply: " + bad + ": Invalid OpenAPI input." + System.lineSeparator());
    assertThatThrownBy(() -> server.client().getRestApi(r -> r.restApiId("petsgood"))).isInstanceOf(NotFoundException.class);
    assertThat(server.client().getApiKeys(r -> r.nameQuery("ci-good")).items()).isEmpty();
  }

  @Test
  void aWebServerThatIsNotArchwayIsOneLineAndWritesNothing() throws Exception {
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/", exchange -> {
      byte[] page = "<html><body>\n<h1>Not Found</h1>\n</body></html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(404, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    web.start();
    try {
      String url = "http://127.0.0.1:" + web.getAddress().getPort();
      Run run = ArchwayCli.run(ENV, "apply", "--endpoint-url", url, write("pets.yaml", pets("petsweb", "basic-web", "ci-web")).toString());
      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.stderr()).isEqualTo("archway apply: GetRestApi: HTTP 404: the answer is not JSON (text/html): is " + url
          + " the management API of an Archway?" + System.lineSeparator());
    } finally {
      web.stop(0);
    }
  }

  @Test
  void anUnreachableServerIsOneLineAndExitCode1() throws Exception {
    Path file = write("pets.yaml", pets("petsaway", "basic-away", "ci-away"));
    Run run = ArchwayCli.run(ENV, "apply", "--endpoint-url", "http://127.0.0.1:1", file.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).startsWith("archway apply: GetRestApi: cannot reach http://127.0.0.1:1: ").hasLineCount(1);
  }
}
