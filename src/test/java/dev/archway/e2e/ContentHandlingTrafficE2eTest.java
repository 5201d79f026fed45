package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.EchoBackend;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.ContentHandlingStrategy;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;

/** binaryMediaTypes and contentHandling on both sides, following AWS's "Content type conversions" tables. */
class ContentHandlingTrafficE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  @RegisterExtension static final EchoBackend backend = new EchoBackend();

  static final byte[] BYTES = {0, 1, 2, (byte) 0xff};
  static NonProxyApi api;

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "binary", List.of("application/octet-stream", "image/*"));
    httpPost("to-text", ContentHandlingStrategy.CONVERT_TO_TEXT,
        Map.of("application/octet-stream", "{\"data\":\"$input.body\"}"));
    httpPost("to-binary", ContentHandlingStrategy.CONVERT_TO_BINARY, Map.of());
    httpPost("as-is", null, Map.of("application/octet-stream", "{\"never\":\"templated\"}"));

    // A MOCK whose response template writes base64 text, then each response-side conversion.
    for (String name : List.of("plain", "decoded", "kept")) {
      String resource = api.resource(api.root, name);
      api.method(resource, "GET", "200");
      api.integration(resource, "GET", r -> r.type(IntegrationType.MOCK)
          .requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
      api.response(resource, "GET", "200", r -> {
        r.selectionPattern("").responseTemplates(Map.of("application/json", "aGVsbG8="));
        if (name.equals("decoded")) {
          r.contentHandling(ContentHandlingStrategy.CONVERT_TO_BINARY);
        } else if (name.equals("kept")) {
          r.contentHandling(ContentHandlingStrategy.CONVERT_TO_TEXT);
        }
      });
    }
    api.deploy("bin", Map.of(), server.pathStyle(api.id, "bin", "/plain"), "GET");
  }

  private static void httpPost(String name, ContentHandlingStrategy handling, Map<String, String> templates) {
    String resource = api.resource(api.root, name);
    api.method(resource, "POST", "200");
    api.integration(resource, "POST", r -> r.type(IntegrationType.HTTP).integrationHttpMethod("POST")
        .uri(backend.url() + "/" + name).contentHandling(handling).requestTemplates(templates));
    api.response(resource, "POST", "200", r -> r.selectionPattern(""));
  }

  private static JsonObject post(String name, String contentType, byte[] body) throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/" + name))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  @Test
  void convertToTextBase64EncodesABinaryBodyBeforeTheTemplate() throws Exception {
    JsonObject echo = post("to-text", "application/octet-stream", BYTES);
    assertThat(echo.getString("body")).isEqualTo("{\"data\":\"AAEC/w==\"}");
  }

  @Test
  void convertToTextLeavesTextAlone() throws Exception {
    JsonObject echo = post("to-text", "text/plain", "just text".getBytes(StandardCharsets.UTF_8));
    assertThat(echo.getString("body")).isEqualTo("just text");
  }

  @Test
  void convertToBinaryBase64DecodesATextBody() throws Exception {
    JsonObject echo = post("to-binary", "text/plain", "aGVsbG8=".getBytes(StandardCharsets.UTF_8));
    assertThat(echo.getString("body")).isEqualTo("hello");
  }

  @Test
  void convertToBinaryOfTextThatIsNotBase64IsA500() throws Exception {
    HttpResponse<String> response = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/to-binary"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("not base64!")));
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
  }

  @Test
  void withoutContentHandlingABinaryBodyPassesAsIsAndIsNotTemplated() throws Exception {
    JsonObject echo = post("as-is", "application/octet-stream", "raw bytes".getBytes(StandardCharsets.UTF_8));
    assertThat(echo.getString("body")).isEqualTo("raw bytes");
  }

  @Test
  void responseTextIsDecodedWhenTheClientAcceptsABinaryType() throws Exception {
    HttpResponse<String> asText = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/plain"))
        .header("Accept", "application/json"));
    assertThat(asText.body()).isEqualTo("aGVsbG8=");
    HttpResponse<String> asBinary = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/plain"))
        .header("Accept", "image/png, application/json"));
    assertThat(asBinary.body()).isEqualTo("hello");
  }

  @Test
  void responseContentHandlingConvertsWhateverTheAcceptHeader() throws Exception {
    HttpResponse<String> decoded = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/decoded"))
        .header("Accept", "application/json"));
    assertThat(decoded.body()).isEqualTo("hello");
    HttpResponse<String> kept = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "bin", "/kept"))
        .header("Accept", "image/png"));
    assertThat(kept.body()).isEqualTo("aGVsbG8=");
  }
}
