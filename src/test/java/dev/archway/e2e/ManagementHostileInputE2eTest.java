package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Malformed, oversized and unknown management requests get AWS-style errors and change nothing. */
class ManagementHostileInputE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    int before = server.client().getRestApis(r -> r.limit(500)).items().size();
    HttpResponse<String> response = post("/restapis", "{\"name\": ");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    assertThat(new JsonObject(response.body()).getString("message")).isNotBlank();
    HttpResponse<String> wrongType = post("/restapis", "{\"name\": {\"nested\": true}}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(wrongType.body()).getString("message"))
        .isEqualTo("Invalid request body: unexpected value for 'name'").doesNotContain("java.");
    assertThat(post("/restapis", "[1,2,3]").statusCode()).isEqualTo(400);
    assertThat(server.client().getRestApis(r -> r.limit(500)).items()).hasSize(before);
  }

  @Test
  void deeplyNestedJsonIsRefusedWithoutHarm() throws Exception {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    HttpResponse<String> response = post("/restapis", deep);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("at com.").doesNotContain("Exception:");
  }

  @Test
  void oversizedBodyIsRefused() throws Exception {
    HttpResponse<String> response = post("/restapis", "{\"name\":\"" + "x".repeat(7 * 1024 * 1024) + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void unknownOperation() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/nothing/here")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
  }

  @Test
  void healthEndpoints() throws Exception {
    assertThat(http.send(HttpRequest.newBuilder(uri("/health/live")).GET().build(), HttpResponse.BodyHandlers.ofString())
        .statusCode()).isEqualTo(200);
    HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("ready");
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.adminPort() + path);
  }
}
