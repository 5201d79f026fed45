package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.archway.testing.ArchwayServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;

/** Definitions ImportRestApi refuses: a clear BadRequest, no API created, nothing fetched. */
class RestApiImportHostileInputE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  static ApiGatewayClient aws;
  static HttpServer remote;
  static final AtomicInteger fetched = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    aws = server.client();
    remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    remote.createContext("/", exchange -> {
      fetched.incrementAndGet();
      exchange.sendResponseHeaders(200, 2);
      exchange.getResponseBody().write("{}".getBytes());
      exchange.close();
    });
    remote.start();
  }

  @AfterAll
  static void stop() {
    remote.stop(0);
  }

  static void refused(String definition, String message) {
    int before = aws.getRestApis(r -> r.limit(500)).items().size();
    assertThatThrownBy(() -> aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(definition))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining(message);
    assertThat(aws.getRestApis(r -> r.limit(500)).items()).hasSize(before);
  }

  @Test
  void aBodyThatIsNoOpenApiDefinitionCreatesNothing() {
    refused("{\"name\": \"looks like CreateRestApi\"}", "Invalid OpenAPI input.");
    refused("openapi: 2.5\ninfo: {title: t, version: '1'}\npaths: {}\n", "Invalid OpenAPI input.");
    refused("   ", "the definition is empty");
    refused("{\"swagger\": \"2.0\", \"info\": {", "Invalid OpenAPI definition");
    refused("{\"swagger\": \"2.0\", \"swagger\": \"2.0\"}", "Duplicate field 'swagger'");
    refused("swagger: '2.0'\ninfo: {version: '1'}\npaths: {}\n", "info.title is missing");
  }

  @Test
  @Timeout(10)
  void aliasesDepthAndSizeAreBounded() {
    refused("swagger: '2.0'\ninfo: &i {title: t, version: '1'}\nx-copy: *i\npaths: {}\n", "YAML aliases");
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    refused("{\"swagger\": \"2.0\", \"info\": {\"title\": \"deep\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": " + deep + "}",
        "nesting depth");
    String huge = "swagger: '2.0'\ninfo: {title: huge, version: '1'}\npaths: {}\nx-padding: '" + "x".repeat(6 * 1024 * 1024) + "'\n";
    try (ApiGatewayClient own = ArchwayServer.client(server.adminPort(), software.amazon.awssdk.regions.Region.US_EAST_1, "a", "b")) {
      assertThatThrownBy(() -> own.importRestApi(r -> r.body(SdkBytes.fromUtf8String(huge))))
          .isInstanceOfSatisfying(ApiGatewayException.class, e -> assertThat(e.statusCode()).isIn(400, 413));
    }
  }

  @Test
  void remoteReferencesAreRefusedAndNeverFetched() {
    String template = """
        swagger: '2.0'
        info: {title: remote, version: '1'}
        paths:
          /pets:
            get:
              responses:
                '200': {description: ok, schema: {$ref: 'REF'}}
        """;
    refused(template.replace("REF", "http://127.0.0.1:" + remote.getAddress().getPort() + "/pet.json"), "outside the document");
    refused(template.replace("REF", "pet.yaml#/Pet"), "outside the document");
    assertThat(fetched).hasValue(0);
  }

  @Test
  void aResourceTheOperationsWouldRefuseFailsTheWholeImport() {
    refused("""
        swagger: '2.0'
        info: {title: clash, version: '1'}
        paths:
          /pets/{id}: {get: {responses: {'200': {description: ok}}, x-amazon-apigateway-integration: {type: mock}}}
          /pets/{name}: {get: {responses: {'200': {description: ok}}, x-amazon-apigateway-integration: {type: mock}}}
        """, "Unable to create resource at path '/pets/{name}'");
    refused("""
        swagger: '2.0'
        info: {title: malformed, version: '1'}
        paths:
          /pets: {get: {responses: {'200': {description: ok}}, x-amazon-apigateway-integration: [mock]}}
        """, "Unable to parse API definition because of a malformed integration at path /pets.");
    refused("""
        openapi: 3.0.1
        info: {title: bad model, version: '1'}
        paths: {}
        components:
          schemas:
            Bad: {type: object, properties: {name: {type: string, pattern: '(a)\\1'}}}
        """, "Unable to create model for 'Bad'");
  }

  @Test
  void warningsImportUnlessFailOnWarnings() {
    String definition = """
        openapi: 3.0.1
        info: {title: warned, version: '1'}
        x-amazon-apigateway-cors: {allowOrigins: ['*']}
        paths:
          /pets:
            get:
              parameters: [{name: session, in: cookie, schema: {type: string}}]
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Missing'}}}}}
              x-amazon-apigateway-integration: {type: mock}
        components:
          schemas:
            snake_case: {type: object}
        """;
    int before = aws.getRestApis(r -> r.limit(500)).items().size();
    assertThatThrownBy(() -> aws.importRestApi(r -> r.failOnWarnings(true).body(SdkBytes.fromUtf8String(definition))))
        .isInstanceOf(BadRequestException.class).hasMessageStartingWith("Warnings found during import:");
    assertThat(aws.getRestApis(r -> r.limit(500)).items()).hasSize(before);
    var imported = aws.importRestApi(r -> r.body(SdkBytes.fromUtf8String(definition)));
    assertThat(imported.warnings()).anySatisfy(w -> assertThat(w).contains("x-amazon-apigateway-cors is supported only for HTTP APIs"))
        .anySatisfy(w -> assertThat(w).contains("the cookie parameter session"))
        .anySatisfy(w -> assertThat(w).contains("Reference to model 'Missing' not found"))
        .anySatisfy(w -> assertThat(w).contains("Model name must be alphanumeric: snake_case"));
    assertThat(aws.getRestApi(r -> r.restApiId(imported.id())).warnings()).isEqualTo(imported.warnings());
  }

  @Test
  void theCliAndCurlCanSendYamlAndAnyContentType() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.adminPort() + "/restapis?mode=import&failonwarnings=false"))
        .header("Content-Type", "application/x-yaml")
        .POST(HttpRequest.BodyPublishers.ofString("swagger: '2.0'\ninfo: {title: curl, version: '1'}\npaths: {/: {}}\n")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(201);
    assertThat(answer.body()).contains("\"name\":\"curl\"");
  }
}
