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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed v2 bodies get 400 {"message": ...} with x-amzn-ErrorType, never a stack trace, and change nothing. */
class HttpApiHostileInputE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest
  @ValueSource(strings = {"{\"name\": ", "[1,2]", "\"api\"", "{\"name\": {\"a\": 1}, \"protocolType\": \"HTTP\"}",
      "{\"name\": \"x\", \"protocolType\": \"HTTP\", \"tags\": {\"k\": null}}",
      "{\"name\": \"x\", \"protocolType\": \"HTTP\", \"corsConfiguration\": \"everything\"}",
      "{\"name\": \"x\", \"protocolType\": \"HTTP\", \"corsConfiguration\": {\"maxAge\": 99999999999}}"})
  void malformedCreateApiIsABadRequest(String body) throws Exception {
    int before = apiCount();
    HttpResponse<String> response = send("POST", "/v2/apis", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
    assertThat(new JsonObject(response.body()).getString("message")).isNotBlank().doesNotContain("at com.");
    assertThat(apiCount()).isEqualTo(before);
  }

  @Test
  void answersCarryOnlyWireMembers() throws Exception {
    String body = send("POST", "/v2/apis", "{\"name\": \"wire\", \"protocolType\": \"HTTP\"}").body();
    assertThat(new JsonObject(body).fieldNames()).doesNotContain("http");
  }

  private int apiCount() throws Exception {
    return new JsonObject(send("GET", "/v2/apis?maxResults=500", null).body()).getJsonArray("items").size();
  }

  @Test
  void malformedUpdatesChangeNothing() throws Exception {
    String apiId = new JsonObject(send("POST", "/v2/apis", "{\"name\": \"a\", \"protocolType\": \"HTTP\"}").body()).getString("apiId");
    assertThat(send("PATCH", "/v2/apis/" + apiId, "[1]").statusCode()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/apis/" + apiId, "{\"name\": \"\"}").statusCode()).isEqualTo(400);
    assertThat(send("PATCH", "/v2/apis/" + apiId, "{\"corsConfiguration\": [true]}").statusCode()).isEqualTo(400);
    String integration = "{\"integrationType\": \"HTTP_PROXY\", \"integrationUri\": \"https://x.example\", \"integrationMethod\": \"GET\","
        + " \"responseParameters\": {\"200\": null}}";
    assertThat(send("POST", "/v2/apis/" + apiId + "/integrations", integration).statusCode()).isEqualTo(400);
    assertThat(send("POST", "/v2/apis/" + apiId + "/authorizers",
        "{\"name\": \"a\", \"authorizerType\": \"REQUEST\", \"authorizerUri\": \"arn:x\", \"authorizerPayloadFormatVersion\": \"2.0\","
            + " \"identitySource\": [null]}").statusCode()).isEqualTo(400);
    JsonObject api = new JsonObject(send("GET", "/v2/apis/" + apiId, null).body());
    assertThat(api.getString("name")).isEqualTo("a");
    assertThat(api.containsKey("corsConfiguration")).isFalse();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
