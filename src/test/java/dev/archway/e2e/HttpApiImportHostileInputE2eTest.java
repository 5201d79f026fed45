package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.archway.testing.ArchwayServer;
import dev.archway.testing.V2Clients;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ApiGatewayV2Exception;
import software.amazon.awssdk.services.apigatewayv2.model.BadRequestException;

/** Hostile definitions fail fast with a clear BadRequest, create nothing and fetch nothing. */
class HttpApiImportHostileInputE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static ApiGatewayV2Client v2;
  static HttpServer remote;
  static final AtomicInteger fetched = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    v2 = V2Clients.of(server);
    // A server a remote $ref would reach, were it ever followed.
    remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    remote.createContext("/", exchange -> {
      fetched.incrementAndGet();
      byte[] body = "{\"type\": \"object\"}".getBytes();
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    remote.start();
  }

  @AfterAll
  static void stop() {
    remote.stop(0);
  }

  static void refused(String definition, String message) {
    int before = v2.getApis(r -> r.maxResults("500")).items().size();
    assertThatThrownBy(() -> v2.importApi(r -> r.body(definition)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
    assertThat(v2.getApis(r -> r.maxResults("500")).items()).hasSize(before);
  }

  @Test
  @Timeout(10)
  void aYamlAliasBombIsRefusedWithoutExpandingIt() {
    StringBuilder bomb = new StringBuilder("openapi: 3.0.1\ninfo: {title: lol, version: '1'}\npaths: {}\nx-lol:\n");
    bomb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append("  ").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    refused(bomb.toString(), "YAML aliases");
  }

  @Test
  void deepNestingIsRefusedInJsonAndYaml() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    refused("{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"deep\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": " + deep + "}",
        "nesting depth");
    refused("openapi: 3.0.1\ninfo: {title: deep, version: '1'}\npaths: {}\nx-deep: " + deep + "\n", "nesting depth");
  }

  @Test
  void aDefinitionOverSixMegabytesIsRefused() {
    String huge = "openapi: 3.0.1\ninfo: {title: huge, version: '1'}\npaths: {}\nx-padding: '" + "x".repeat(6 * 1024 * 1024) + "'\n";
    // A client of its own: the server answers before reading the whole body, which spoils the connection for reuse.
    try (ApiGatewayV2Client own = V2Clients.of(server)) {
      assertThatThrownBy(() -> own.importApi(r -> r.body(huge)))
          .isInstanceOfSatisfying(ApiGatewayV2Exception.class, e -> assertThat(e.statusCode()).isIn(400, 413));
    }
  }

  @Test
  void remoteAndFileReferencesAreRefusedAndNeverFetched() {
    String template = """
        openapi: 3.0.1
        info: {title: remote, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: 'REF'}
        """;
    refused(template.replace("REF", "http://127.0.0.1:" + remote.getAddress().getPort() + "/pet.json"), "outside the document");
    refused(template.replace("REF", "./pet.yaml#/Pet"), "outside the document");
    refused(template.replace("REF", "#/components/schemas/Pet").replace("      responses:",
        "      x-amazon-apigateway-integration: {$ref: '#/components/x-amazon-apigateway-integrations/missing'}\n      responses:"),
        "does not resolve");
    assertThat(fetched).hasValue(0);
  }

  @Test
  void malformedDefinitionsAreBadRequestsWithTheParsersMessage() {
    refused("{\"openapi\": \"3.0.1\", \"info\": {", "Invalid OpenAPI definition");
    refused("   ", "the definition is empty");
    refused("- just\n- a list\n", "expected an object");
    refused("{\"openapi\": \"3.0.1\", \"openapi\": \"3.0.2\"}", "Duplicate field 'openapi'");
    refused("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "Unsupported OpenAPI version 3.1.0");
    refused("openapi: 3.0.1\ninfo: {version: '1'}\npaths: {}\n", "info.title is missing");
    // What breaks the specification but not the import is a warning, and an error with failOnWarnings.
    String noVersion = "openapi: 3.0.1\ninfo: {title: t}\npaths: {}\n";
    assertThat(v2.importApi(r -> r.body(noVersion)).warnings()).contains("Parse issue: attribute info.version is missing");
    assertThatThrownBy(() -> v2.importApi(r -> r.body(noVersion).failOnWarnings(true)))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("attribute info.version is missing");
  }

  @Test
  void manyPathsImportWithinBounds() {
    StringBuilder many = new StringBuilder("openapi: 3.0.1\ninfo: {title: many, version: '1'}\npaths:\n");
    for (int i = 0; i < 300; i++) {
      many.append("  /r").append(i).append(":\n    get:\n      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: GET, uri: 'http://127.0.0.1:1/x'}\n");
    }
    String apiId = v2.importApi(r -> r.body(many.toString())).apiId();
    assertThat(v2.getRoutes(r -> r.apiId(apiId).maxResults("500")).items()).hasSize(300);
  }
}
