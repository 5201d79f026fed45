package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/** AWS_IAM methods: requests signed for execute-api with the AWS SDK's own signer. */
class IamAuthTrafficE2eTest {
  static final String TEMPLATE = "{\"caller\":\"$context.identity.caller\",\"account\":\"$context.identity.accountId\"}";

  /** The same API on a server; returns its id once served. */
  static String buildApi(ArchwayServer server) {
    ApiGatewayClient aws = server.client();
    var api = aws.createRestApi(r -> r.name("iam"));
    String id = api.id();
    AuthFixtures.guarded(aws, id, api.rootResourceId(), "private", "GET", "AWS_IAM", null, null, TEMPLATE);
    String priv = Fixtures.resourceId(aws, id, "/private");
    AuthFixtures.method(aws, id, priv, "POST", "AWS_IAM", null, null, "{\"posted\":true}");
    AuthFixtures.guarded(aws, id, api.rootResourceId(), "open", "GET", "NONE", null, null, "{}");
    aws.createDeployment(r -> r.restApiId(id).stageName("test"));
    Fixtures.awaitServing(server.pathStyle(id, "test", "/open"), "GET");
    return id;
  }

  static HttpResponse<String> send(URI uri, String method, String body, String accessKey, String secret, String service,
      Instant signedAt, boolean tamper) throws Exception {
    SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
      r.request(unsigned.build())
          .identity(AwsCredentialsIdentity.create(accessKey, secret))
          .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
          .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
          .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC));
      if (body != null) {
        r.payload(ContentStreamProvider.fromUtf8String(body));
      }
    }).request();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, body == null
        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(tamper ? body + "!" : body, StandardCharsets.UTF_8));
    signed.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("host")) {
        values.forEach(v -> request.header(name, v));
      }
    });
    return AuthFixtures.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> signedGet(URI uri, String accessKey, String secret) throws Exception {
    return send(uri, "GET", null, accessKey, secret, "execute-api", Instant.now(), false);
  }

  @Nested
  class WithCredentials {
    @RegisterExtension static final ArchwayServer server = new ArchwayServer(s -> s.withCredentialsFile(credentials()));
    static String apiId;

    static Path credentials() {
      try {
        Path file = Files.createTempFile("credentials", ".ini");
        file.toFile().deleteOnExit();
        return Files.writeString(file, "[default]\naws_access_key_id = AKIDTEST\naws_secret_access_key = secret\n"
            + "aws_account_id = 111122223333\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @BeforeAll
    static void api() {
      apiId = buildApi(server);
    }

    URI url(String path) {
      return server.pathStyle(apiId, "test", path);
    }

    @Test
    void aRequestSignedWithAKnownKeyPassesAndNamesItsCaller() throws Exception {
      HttpResponse<String> response = signedGet(url("/private"), "AKIDTEST", "secret");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"caller\":\"AKIDTEST\",\"account\":\"111122223333\"}");
      HttpResponse<String> post = send(url("/private"), "POST", "{\"a\":1}", "AKIDTEST", "secret", "execute-api", Instant.now(), false);
      assertThat(post.statusCode()).as(post.body()).isEqualTo(200);
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationToken() throws Exception {
      HttpResponse<String> response = AuthFixtures.get(url("/private"));
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
    }

    @Test
    void aWrongSecretOrATamperedBodyIsAnInvalidSignature() throws Exception {
      HttpResponse<String> wrong = signedGet(url("/private"), "AKIDTEST", "not-the-secret");
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
      assertThat(wrong.body()).startsWith("{\"message\":\"The request signature we calculated does not match the signature you provided.");

      HttpResponse<String> tampered = send(url("/private"), "POST", "{\"a\":1}", "AKIDTEST", "secret", "execute-api", Instant.now(), true);
      assertThat(tampered.statusCode()).isEqualTo(403);
      assertThat(tampered.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
    }

    @Test
    void anUnknownKeyIsAnUnrecognizedClient() throws Exception {
      HttpResponse<String> response = signedGet(url("/private"), "AKIDOTHER", "secret");
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnrecognizedClientException");
      assertThat(response.body()).isEqualTo("{\"message\":\"The security token included in the request is invalid.\"}");
    }

    @Test
    void aClockSkewOverFiveMinutesIsRefused() throws Exception {
      HttpResponse<String> response = send(url("/private"), "GET", null, "AKIDTEST", "secret", "execute-api",
          Instant.now().minusSeconds(600), false);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidSignatureException");
      assertThat(response.body()).contains("Signature expired: ").contains(" - 5 min.)");
    }

    @Test
    void aSignatureForAnotherServiceIsRefused() throws Exception {
      HttpResponse<String> response = send(url("/private"), "GET", null, "AKIDTEST", "secret", "apigateway", Instant.now(), false);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).contains("Credential should be scoped to correct service: 'execute-api'.");
    }
  }

  /** Without --credentials: any well-formed signature passes, but a signature is still required. */
  @Nested
  class DevMode {
    @RegisterExtension static final ArchwayServer server = new ArchwayServer();
    static String apiId;

    @BeforeAll
    static void api() {
      apiId = buildApi(server);
    }

    @Test
    void anyWellFormedSignaturePassesAndUnsignedStillFails() throws Exception {
      URI url = server.pathStyle(apiId, "test", "/private");
      HttpResponse<String> anyKey = signedGet(url, "AKIDANYONE", "whatever");
      assertThat(anyKey.statusCode()).as(anyKey.body()).isEqualTo(200);
      assertThat(anyKey.body()).isEqualTo("{\"caller\":\"AKIDANYONE\",\"account\":\"\"}");
      assertThat(AuthFixtures.get(url).statusCode()).isEqualTo(403);
      HttpResponse<String> garbage = AuthFixtures.get(url, "Authorization", "AWS4-HMAC-SHA256 Credential=x", "X-Amz-Date", "20240101T000000Z");
      assertThat(garbage.statusCode()).isEqualTo(403);
      assertThat(garbage.headers().firstValue("x-amzn-ErrorType")).hasValue("IncompleteSignatureException");
    }
  }
}
