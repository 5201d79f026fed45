package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.Archway;
import dev.archway.config.Settings;
import dev.archway.testing.ArchwayServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** {@code --credentials FILE}: real SigV4 verification with AWS's errors. */
class SignedManagementE2eTest {
  @TempDir static Path dir;
  private static Archway archway;

  @BeforeAll
  static void start() throws Exception {
    Path credentials = Files.writeString(dir.resolve("credentials"), """
        [default]
        aws_access_key_id = AKIAKNOWN
        aws_secret_access_key = s3cr3t
        aws_account_id = 111122223333
        """);
    archway = Archway.start(Settings.forTests(dir.resolve("data")).withCredentialsFile(credentials));
  }

  @AfterAll
  static void stop() {
    archway.close();
  }

  @Test
  void knownKeyWorksAndScopesToItsAccount() {
    ApiGatewayClient aws = ArchwayServer.client(archway.adminPort(), Region.US_EAST_1, "AKIAKNOWN", "s3cr3t");
    String id = aws.createRestApi(r -> r.name("signed")).id();
    assertThat(aws.getRestApi(r -> r.restApiId(id)).name()).isEqualTo("signed");
    assertThatThrownBy(() -> aws.getRestApi(r -> r.restApiId("missing")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("111122223333:missing");
  }

  @Test
  void unknownKeyAndBadSignatureAreRefused() {
    ApiGatewayClient unknown = ArchwayServer.client(archway.adminPort(), Region.US_EAST_1, "AKIAOTHER", "s3cr3t");
    assertThatThrownBy(() -> unknown.getRestApis(r -> {}))
        .isInstanceOfSatisfying(ApiGatewayException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
          assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        });
    ApiGatewayClient wrongSecret = ArchwayServer.client(archway.adminPort(), Region.US_EAST_1, "AKIAKNOWN", "wrong");
    assertThatThrownBy(() -> wrongSecret.getRestApis(r -> {}))
        .isInstanceOfSatisfying(ApiGatewayException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(403);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
          assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request signature we calculated does not match");
        });
  }

  @Test
  void unsignedAndSkewedRequestsAreRefused() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + archway.adminPort() + "/restapis");
    HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

    Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build())
        .identity(AwsCredentialsIdentity.create("AKIAKNOWN", "s3cr3t"))
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "apigateway")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(tenMinutesAgo, ZoneOffset.UTC))).request();
    HttpRequest.Builder skewed = HttpRequest.newBuilder(uri).GET();
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> skewed.header(name, v));
      }
    });
    HttpResponse<String> response = http.send(skewed.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    assertThat(response.body()).contains("Signature expired");
  }
}
