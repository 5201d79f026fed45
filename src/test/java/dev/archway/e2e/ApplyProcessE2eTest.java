package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.archway.testing.ArchwayCli;
import dev.archway.testing.ArchwayServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} and {@code export} as a CI job runs them: a JVM of their own, whose stdout is the
 * plan or the document and nothing else (log lines go to stderr), and whose exit code says how it went.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApplyProcessE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  @TempDir Path dir;

  private record Ended(int exitCode, String stdout, String stderr) {}

  private Ended archway(String... args) throws Exception {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    List<String> command = new java.util.ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.archway.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDPROCESS");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "secret");
    Process process = builder.start();
    assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();
    return new Ended(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.adminPort();
  }

  @Test
  void applyThenExportPrintOnlyThePlanAndTheDocument() throws Exception {
    Path file = Files.writeString(dir.resolve("hello.yaml"), """
        openapi: 3.0.1
        info: {title: hello-process, version: '1'}
        paths:
          /hello:
            get:
              x-amazon-apigateway-integration: {type: mock, requestTemplates: {application/json: '{"statusCode": 200}'}}
        x-archway:
          type: REST
          id: helloprocess
          stages: {dev: {variables: {a: b}}}
        """);

    Ended applied = archway("apply", "--endpoint-url", endpoint(), file.toString());
    assertThat(applied).isEqualTo(new Ended(0, String.join(System.lineSeparator(), "REST API hello-process (helloprocess) from " + file,
        "  + API: import the definition", "  + stage dev: create, deploy", "2 changes applied", ""), ""));

    Ended exported = archway("export", "--endpoint-url", endpoint(), "--rest-api-id", "helloprocess");
    assertThat(exported.exitCode()).as(exported.stderr()).isZero();
    assertThat(new YAMLMapper().readTree(exported.stdout()))
        .isEqualTo(new YAMLMapper().readTree(ArchwayCli.export(server.adminPort(), Map.of(), "--rest-api-id", "helloprocess").stdout()));
    assertThat(exported.stdout()).startsWith("openapi: 3.0.1");
  }

  @Test
  void aMistakeIsOneLineOnStderrAndExitCode2() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n"
        + "x-archway: {type: REST, stages: [dev]}\n");
    assertThat(archway("apply", "--endpoint-url", endpoint(), file.toString()))
        .isEqualTo(new Ended(2, "", "archway apply: " + file + ": x-archway.stages: expected an object" + System.lineSeparator()));
    assertThat(archway("export", "--endpoint-url", "localhost:8081", "--api-id", "a1"))
        .isEqualTo(new Ended(2, "", "archway export: --endpoint-url: localhost:8081 (expected: an absolute http or https URL)"
            + System.lineSeparator()));
  }
}
