package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.testing.ArchwayServer;
import dev.archway.testing.CloudWatchClients;
import dev.archway.testing.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A foreign web page cannot drive the management listener through a visitor's browser (dev mode,
 * where unsigned calls act): raw requests carrying what browsers add ({@code Origin},
 * {@code Sec-Fetch-Site}, a rebound {@code Host}) are refused before any operation runs, while
 * the console's own same-origin calls and the CLI's (which send neither header) go through.
 */
class ConsoleCrossSiteE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();

  @Test
  void aCrossSiteWriteIsRefusedAndChangesNothing() throws IOException {
    RawHttp.Answer answer = send("POST", "/restapis", "Origin: http://evil.example\r\n", "{\"name\":\"evil\"}");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.header("x-amzn-errortype")).startsWith("AccessDeniedException");
    assertThat(answer.body()).contains("Origin http://evil.example may not change anything here");
    RawHttp.Answer fetchOnly = send("DELETE", "/restapis/abc", "Sec-Fetch-Site: cross-site\r\n", "");
    assertThat(fetchOnly.status()).isEqualTo(403);
    assertThat(fetchOnly.body()).contains("Sec-Fetch-Site cross-site");
    // A form post (CloudWatch's query protocol) and an awsJson call from another site: refused too.
    RawHttp.Answer form = send("POST", "/", "Origin: null\r\nContent-Type: application/x-www-form-urlencoded\r\n",
        "Action=PutMetricData&Version=2010-08-01&Namespace=Evil&MetricData.member.1.MetricName=x&MetricData.member.1.Value=1");
    assertThat(form.status()).isEqualTo(403);
    RawHttp.Answer logs = send("POST", "/", "Origin: http://evil.example\r\nContent-Type: application/x-amz-json-1.1\r\n"
        + "X-Amz-Target: Logs_20140328.CreateLogGroup\r\n", "{\"logGroupName\":\"evil\"}");
    assertThat(logs.status()).isEqualTo(403);
    assertThat(server.client().getRestApis(r -> {}).items()).noneMatch(api -> api.name().equals("evil"));
    try (var cw = CloudWatchClients.cloudWatch(server.adminPort()); var cwl = CloudWatchClients.logs(server.adminPort())) {
      assertThat(cw.listMetrics(r -> r.namespace("Evil")).metrics()).isEmpty();
      assertThat(cwl.describeLogGroups(r -> {}).logGroups()).noneMatch(group -> group.logGroupName().equals("evil"));
    }
  }

  @Test
  void theConsolesOwnOriginAndTheCliPass() throws IOException {
    String self = "http://127.0.0.1:" + server.adminPort();
    RawHttp.Answer console = send("POST", "/restapis", "Origin: " + self + "\r\nSec-Fetch-Site: same-origin\r\n",
        "{\"name\":\"from-console\"}");
    assertThat(console.status()).isEqualTo(201);
    RawHttp.Answer cli = send("POST", "/restapis", "", "{\"name\":\"from-cli\"}");
    assertThat(cli.status()).isEqualTo(201);
    // Reading is not a change: a cross-site GET reaches the operation (the browser keeps its answer from the page).
    assertThat(send("GET", "/restapis", "Origin: http://evil.example\r\n", "").status()).isEqualTo(200);
  }

  @Test
  void aRebindableHostNameIsRefusedToBrowsersInDevMode() throws IOException {
    // DNS rebinding: evil.example resolves to 127.0.0.1, so its page is "same-origin" with itself.
    String headers = "Origin: http://evil.example:" + server.adminPort() + "\r\nSec-Fetch-Site: same-origin\r\n";
    RawHttp.Answer answer = send("GET", "/restapis", headers, "", "evil.example:" + server.adminPort());
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).contains("Host evil.example is not an IP address or a localhost name");
    assertThat(send("GET", "/restapis", "Sec-Fetch-Site: none\r\n", "", "localhost:" + server.adminPort()).status())
        .isEqualTo(200);
    // Without browser headers (the CLI through a name in /etc/hosts) the name is fine.
    assertThat(send("GET", "/restapis", "", "", "gateway.internal:" + server.adminPort()).status()).isEqualTo(200);
  }

  @Test
  void theConsoleIsServedWithItsSecurityHeaders() throws IOException {
    RawHttp.Answer root = send("GET", "/", "", "");
    assertThat(root.status()).isEqualTo(302);
    assertThat(root.header("location")).isEqualTo("/console/");
    RawHttp.Answer page = send("GET", "/console/", "", "");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.header("content-security-policy")).contains("default-src 'self'").contains("frame-ancestors 'none'");
    assertThat(page.header("x-frame-options")).isEqualTo("DENY");
    assertThat(page.body()).contains("<title>Archway console</title>");
    RawHttp.Answer again = send("GET", "/console/index.html", "If-None-Match: " + page.header("etag") + "\r\n", "");
    assertThat(again.status()).isEqualTo(304);
    assertThat(send("GET", "/console/vendor/uPlot.iife.min.js", "", "").body()).contains("uPlot");
    assertThat(send("GET", "/console/js/missing.js", "", "").status()).isEqualTo(404);
    assertThat(send("GET", "/console/../pom.xml", "", "").status()).isEqualTo(404);
    assertThat(send("GET", "/console/config.json", "", "").body()).isEqualTo("{\"signIn\":false,\"region\":\"us-east-1\"}");
  }

  private static RawHttp.Answer send(String method, String path, String headers, String body) throws IOException {
    return send(method, path, headers, body, "127.0.0.1:" + server.adminPort());
  }

  private static RawHttp.Answer send(String method, String path, String headers, String body, String host) throws IOException {
    try (RawHttp http = new RawHttp(server.adminPort())) {
      String type = headers.contains("Content-Type") || body.isEmpty() ? "" : "Content-Type: application/json\r\n";
      return http.send(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers + type
          + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
          + body).read();
    }
  }
}
