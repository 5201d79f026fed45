package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayCli;
import dev.archway.testing.ArchwayCli.Run;
import dev.archway.testing.ArchwayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** {@code apply} and {@code export} against a server with {@code --credentials}: signed as the AWS CLI signs, with its credentials. */
class ApplySignedE2eTest {
  private static final Path CREDENTIALS = credentials();
  @RegisterExtension static final ArchwayServer server = new ArchwayServer(s -> s.withCredentialsFile(CREDENTIALS));

  @TempDir Path dir;

  private static Path credentials() {
    try {
      Path file = Files.createTempFile("archway-credentials", "");
      file.toFile().deleteOnExit();
      return Files.writeString(file, """
          [default]
          aws_access_key_id = AKIAKNOWN
          aws_secret_access_key = s3cr3t
          aws_account_id = 111122223333

          [deploy]
          aws_access_key_id = AKIADEPLOY
          aws_secret_access_key = d3pl0y
          aws_account_id = 111122223333
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path file(String id, String type, String stage) throws IOException {
    String integration = type.equals("REST")
        ? "{type: mock, requestTemplates: {application/json: '{\"statusCode\": 200}'}, responses: {default: {statusCode: '200',"
            + " responseTemplates: {application/json: '{\"hello\": \"signed\"}'}}}}"
        : "{type: http_proxy, httpMethod: GET, uri: 'http://127.0.0.1:9/hello', payloadFormatVersion: '1.0'}";
    return Files.writeString(dir.resolve(id + ".yaml"), """
        openapi: 3.0.1
        info:
          title: %1$s
          version: '1'
        paths:
          /hello:
            get:
              responses:
                '200':
                  description: OK
              x-amazon-apigateway-integration: %4$s
        x-archway:
          type: %2$s
          id: %1$s
          stages:
            %3$s: {}
        """.formatted(id, type, stage, integration));
  }

  @Test
  void environmentCredentialsSignApplyAndExport() throws Exception {
    Map<String, String> env = Map.of("AWS_ACCESS_KEY_ID", "AKIAKNOWN", "AWS_SECRET_ACCESS_KEY", "s3cr3t", "AWS_REGION", "eu-west-1");
    Path rest = file("signedrest", "REST", "dev");
    Run run = ArchwayCli.apply(server.adminPort(), env, rest.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    ApiGatewayClient aws = ArchwayServer.client(server.adminPort(), Region.EU_WEST_1, "AKIAKNOWN", "s3cr3t");
    assertThat(aws.getStage(r -> r.restApiId("signedrest").stageName("dev")).deploymentId()).isNotNull();
    assertThat(ArchwayCli.apply(server.adminPort(), env, rest.toString()).lines()).endsWith("  no changes", "no changes");

    Run export = ArchwayCli.export(server.adminPort(), env, "--rest-api-id", "signedrest");
    assertThat(export.exitCode()).as(export.stderr()).isZero();
    assertThat(export.stdout()).contains("id: signedrest").contains("signed");
  }

  @Test
  void aProfileOfTheSharedCredentialsFileSignsAStageNamedDollarDefault() throws Exception {
    Map<String, String> env = Map.of("AWS_PROFILE", "deploy", "AWS_SHARED_CREDENTIALS_FILE", CREDENTIALS.toString());
    Path http = file("signedhttp", "HTTP", "$default");
    Run run = ArchwayCli.apply(server.adminPort(), env, http.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.lines()).contains("  + stage $default: create, deploy");
    assertThat(ArchwayCli.apply(server.adminPort(), env, http.toString()).lines()).endsWith("  no changes", "no changes");
  }

  @Test
  void aWrongSecretIsTheServersRefusalInOneLine() throws Exception {
    Path rest = file("refused", "REST", "dev");
    Run run = ArchwayCli.apply(server.adminPort(), Map.of("AWS_ACCESS_KEY_ID", "AKIAKNOWN", "AWS_SECRET_ACCESS_KEY", "wrong"),
        rest.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).startsWith("archway apply: GetRestApi: InvalidSignatureException: The request signature we calculated"
        + " does not match the signature you provided.").hasLineCount(1);

    Run unknown = ArchwayCli.apply(server.adminPort(), Map.of("HOME", dir.toString()), rest.toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stderr()).isEqualTo("archway apply: GetRestApi: UnrecognizedClientException: The security token included"
        + " in the request is invalid." + System.lineSeparator());
  }

  @Test
  void aProfileThatIsNotThereIsAUsageError() throws Exception {
    Run run = ArchwayCli.apply(server.adminPort(), Map.of("AWS_SHARED_CREDENTIALS_FILE", CREDENTIALS.toString()), "--profile", "nope",
        file("noprofile", "REST", "dev").toString());
    assertThat(run).isEqualTo(new Run(2, "", "archway apply: profile nope: not found in " + CREDENTIALS + System.lineSeparator()));

    Path missing = dir.resolve("no-credentials");
    Run noFile = ArchwayCli.run(Map.of("AWS_SHARED_CREDENTIALS_FILE", missing.toString()), "export", "--endpoint-url",
        "http://127.0.0.1:" + server.adminPort(), "--profile", "ci", "--rest-api-id", "any");
    assertThat(noFile).isEqualTo(new Run(2, "", "archway export: profile ci: " + missing + " does not exist (expected: a"
        + " shared-credentials file there or at AWS_SHARED_CREDENTIALS_FILE)" + System.lineSeparator()));
  }
}
