package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archway.testing.ArchwayServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.IntegrationType;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * Templates are untrusted code: what can be refused is refused when it is put (400 naming the
 * problem); what only shows at run time is a 500 for that request, and the server keeps serving.
 */
class HostileTemplateE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  static NonProxyApi api;
  static String spare;

  /** Each hostile response template, served at /{name}. */
  static final Map<String, String> BOMBS = Map.of(
      "loop", "#foreach($i in [1..1001])x#end",
      "output", "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])"
          + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx#end#end#end",
      "time", "#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end",
      "strings", "#set($s = 'aaaaaaaaaaaaaaaa')#foreach($i in [1..64])#set($s = \"$s$s\")#end$s",
      "reflection", "$input.body.class.forName('java.lang.Runtime').getRuntime().exec('touch /tmp/archway-pwned')",
      "recursion", "#macro(boom $n)#boom($n)#end#boom(1)");

  @BeforeAll
  static void buildApi() {
    api = new NonProxyApi(server.client(), "hostile");
    for (Map.Entry<String, String> bomb : BOMBS.entrySet()) {
      mock(bomb.getKey(), bomb.getValue());
    }
    mock("fine", "{\"ok\":true}");
    spare = api.resource(api.root, "spare");
    api.method(spare, "GET", "200");
    api.integration(spare, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    api.deploy("prod", Map.of(), server.pathStyle(api.id, "prod", "/fine"), "GET");
  }

  private static void mock(String name, String responseTemplate) {
    String resource = api.resource(api.root, name);
    api.method(resource, "GET", "200");
    api.integration(resource, "GET", r -> r.type(IntegrationType.MOCK).requestTemplates(Map.of("application/json", "{\"statusCode\": 200}")));
    api.response(resource, "GET", "200", r -> r.selectionPattern("").responseTemplates(Map.of("application/json", responseTemplate)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"#include('/etc/passwd')", "#parse('/etc/passwd')", "#evaluate($input.body)",
      "#set($x = \"#include('/etc/passwd')\")$x", "#if($a", "$input.json('$[?(@.a =~ /(a+)+b/)]')"})
  void directivesThatReadFilesOrRunTextAndBrokenTemplatesAreRefusedAtPutIntegration(String template) {
    assertThatThrownBy(() -> api.integration(spare, "GET", r -> r.type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", template))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("Invalid mapping template specified for content type application/json");
  }

  @Test
  void refusedAtPutIntegrationResponseAndUpdatesToo() {
    assertThatThrownBy(() -> api.response(spare, "GET", "200", r -> r.responseTemplates(Map.of("application/json", "#parse('x')"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("#parse");
    assertThatThrownBy(() -> api.aws.updateIntegration(r -> r.restApiId(api.id).resourceId(spare).httpMethod("GET")
        .patchOperations(p -> p.op(Op.ADD).path("/requestTemplates/text~1plain").value("#include('x')"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("text/plain");
    api.response(spare, "GET", "200", r -> r.responseTemplates(Map.of("application/json", "{}")));
    assertThatThrownBy(() -> api.aws.updateIntegrationResponse(r -> r.restApiId(api.id).resourceId(spare).httpMethod("GET")
        .statusCode("200").patchOperations(p -> p.op(Op.REPLACE).path("/responseTemplates/application~1json").value("#evaluate('x')"))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("#evaluate");
  }

  @Test
  void aTemplateOver300KbIsRefused() {
    String big = "x".repeat(300 * 1024 + 1);
    assertThatThrownBy(() -> api.integration(spare, "GET", r -> r.type(IntegrationType.MOCK)
        .requestTemplates(Map.of("application/json", big))))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("exceeds");
  }

  @Test
  void everyBombIsA500ForItsRequestAndTheServerKeepsServing() throws Exception {
    // All bombs at once, while a normal request is served alongside each.
    List<CompletableFuture<HttpResponse<String>>> bombs = BOMBS.keySet().stream()
        .map(name -> NonProxyApi.HTTP.sendAsync(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", "/" + name)).build(),
            HttpResponse.BodyHandlers.ofString()))
        .toList();
    HttpResponse<String> fine = NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", "/fine")));
    assertThat(fine.statusCode()).isEqualTo(200);
    assertThat(fine.body()).isEqualTo("{\"ok\":true}");
    for (CompletableFuture<HttpResponse<String>> bomb : bombs) {
      HttpResponse<String> response = bomb.get();
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(500);
      assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }
    assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/archway-pwned"))).isFalse();
    assertThat(NonProxyApi.send(HttpRequest.newBuilder(server.pathStyle(api.id, "prod", "/fine"))).statusCode()).isEqualTo(200);
  }
}
