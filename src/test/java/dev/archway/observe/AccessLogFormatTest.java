package dev.archway.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archway.auth.AuthorizerResult;
import dev.archway.auth.Principal;
import dev.archway.runtime.CompiledRoute;
import dev.archway.runtime.CompiledStage;
import dev.archway.runtime.Exchange;
import dev.archway.runtime.GatewayResponse;
import dev.archway.runtime.MethodRequest;
import dev.archway.runtime.RequestContext;
import dev.archway.runtime.RequestLog;
import dev.archway.runtime.RequestLogSink;
import dev.archway.runtime.WebSocketEvent;
import dev.archway.runtime.route.RouteTable;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access-log formats compiled once and rendered per request, checked on the console's four examples. */
class AccessLogFormatTest {
  static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
  /** 2026-12-03T10:20:30.456Z */
  static final long EPOCH = 1796293230456L;

  static RequestContext context(String resourcePath, String routeKey) {
    return new RequestContext(REQUEST_ID, "DqVG-H0XIAMFqYA=", EPOCH, "a1b2c3", "dev", "d1", "a1b2c3.execute-api.localhost",
        "/dev/pets/7", resourcePath, "r1", routeKey, "GET", "HTTP/1.1", "198.51.100.7", "curl/8.5",
        "Root=1-6930102e-0123456789abcdef01234567;Parent=89abcdef01234567", 8080, null);
  }

  /** A request answered 200 with a 42-byte body after 12 ms, 7 of them in its integration. */
  static RequestLog served(RequestContext context) {
    RequestLog log = new RequestLog(System.nanoTime() - 12_500_000);
    log.context(context);
    log.addRequestBytes(120);
    log.integrationEnded(System.nanoTime() - 7_200_000);
    log.integrationStatus(200);
    log.responseLength(42);
    log.complete(200, 180, RequestLogSink.NONE);
    return log;
  }

  static String format(String name) throws IOException {
    try (InputStream in = AccessLogFormatTest.class.getResourceAsStream("/access-log-formats/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String render(String format, RequestLog log) {
    return AccessLogFormat.compile(format, "123456789012", false).render(log);
  }

  @Test
  void theConsolesFourExamplesRenderAsAwsWritesThem() throws IOException {
    RequestLog log = served(context("/pets/{id}", null));

    assertThat(render(format("clf"), log)).isEqualTo(
        "198.51.100.7 - - [03/Dec/2026:10:20:30 +0000] \"GET /pets/{id} HTTP/1.1\" 200 42 " + REQUEST_ID);
    assertThat(render(format("json"), log)).isEqualTo("{ \"requestId\":\"" + REQUEST_ID + "\", \"ip\": \"198.51.100.7\","
        + " \"caller\":\"-\", \"user\":\"-\", \"requestTime\":\"03/Dec/2026:10:20:30 +0000\", \"httpMethod\":\"GET\","
        + " \"resourcePath\":\"/pets/{id}\", \"status\":\"200\", \"protocol\":\"HTTP/1.1\", \"responseLength\":\"42\" }");
    assertThat(render(format("xml"), log)).isEqualTo("<request id=\"" + REQUEST_ID + "\"> <ip>198.51.100.7</ip>"
        + " <caller>-</caller> <user>-</user> <requestTime>03/Dec/2026:10:20:30 +0000</requestTime>"
        + " <httpMethod>GET</httpMethod> <resourcePath>/pets/{id}</resourcePath> <status>200</status>"
        + " <protocol>HTTP/1.1</protocol> <responseLength>42</responseLength> </request>");
    assertThat(render(format("csv"), log)).isEqualTo(
        "198.51.100.7,-,-,03/Dec/2026:10:20:30 +0000,GET,/pets/{id},HTTP/1.1,200,42," + REQUEST_ID);
  }

  @Test
  void requestFiguresLatenciesAndIdsAreThoseOfTheRequest() {
    RequestLog log = served(context("/pets/{id}", null));

    assertThat(render("$context.requestTimeEpoch $context.responseLatency $context.integrationLatency "
        + "$context.integration.latency $context.integrationStatus $context.integration.status $context.dataProcessed "
        + "$context.accountId $context.apiId $context.stage $context.deploymentId $context.domainName "
        + "$context.domainPrefix $context.extendedRequestId $context.path $context.resourceId $context.identity.userAgent",
        log)).isEqualTo("1796293230456 12 7 7 200 200 300 123456789012 a1b2c3 dev d1 a1b2c3.execute-api.localhost "
            + "a1b2c3 DqVG-H0XIAMFqYA= /dev/pets/7 r1 curl/8.5");
    // What this request has no value for prints as "-": no error, no authorizer, no key, no trace on this stage.
    assertThat(render("$context.error.message|$context.error.responseType|$context.authorizer.principalId|"
        + "$context.identity.apiKey|$context.xrayTraceId|$context.wafResponseCode|$context.routeKey", log))
        .isEqualTo("-|-|-|-|-|-|-");
    assertThat(AccessLogFormat.compile("$context.xrayTraceId", "1", true).render(log))
        .isEqualTo("1-6930102e-0123456789abcdef01234567");
  }

  @Test
  void gatewayErrorsFillTheErrorVariables() {
    RequestLog log = new RequestLog(System.nanoTime());
    log.context(context(null, null));
    GatewayResponse missing = new GatewayResponse.MissingAuthenticationToken();
    log.gatewayResponse(missing, missing.message());
    log.responseLength(42);
    log.complete(403, 200, RequestLogSink.NONE);

    assertThat(render("$context.status $context.error.message|$context.error.messageString|$context.error.responseType"
        + "|$context.resourcePath|$context.integrationStatus", log))
        .isEqualTo("403 Missing Authentication Token|\"Missing Authentication Token\"|MISSING_AUTHENTICATION_TOKEN|-|-");
  }

  @Test
  void identityAndAuthorizerValuesComeFromTheServedExchange() {
    RequestContext context = context("/pets/{id}", null);
    RequestLog log = new RequestLog(System.nanoTime());
    log.context(context);
    CompiledStage stage = new CompiledStage("a1b2c3", "dev", "d1", Map.of(), RouteTable.<CompiledRoute>builder().build(), 0);
    Exchange exchange = new Exchange(context, stage, new MethodRequest("GET", "/pets/7", Map.of(), null,
        MultiMap.caseInsensitiveMultiMap(), MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(), "198.51.100.7"), log);
    exchange.authorizer(new AuthorizerResult("user-7", Map.of("tier", "gold", "limit", 10), Map.of(), null));
    exchange.caller(new Principal("AKIDEXAMPLE", "us-east-1", "execute-api", "111122223333"));
    log.authorizerLatency(3_000_000);
    log.complete(200, 10, RequestLogSink.NONE);

    assertThat(render("$context.authorizer.principalId $context.authorizer.tier $context.authorizer.limit "
        + "$context.authorizer.status $context.authorizer.latency $context.identity.caller $context.identity.user "
        + "$context.identity.accountId $context.authorizer.missing", log))
        .isEqualTo("user-7 gold 10 200 3 AKIDEXAMPLE AKIDEXAMPLE 111122223333 -");

    exchange.authorizer(AuthorizerResult.ofClaims(Map.of("sub", "abc", "email", "a@example.com")));
    assertThat(render("$context.authorizer.claims.email $context.authorizer.claims.sub $context.authorizer.principalId", log))
        .isEqualTo("a@example.com abc abc");
  }

  @Test
  void webSocketEventsHaveTheirConnectionAndEventVariables() {
    RequestLog log = new RequestLog(System.nanoTime());
    log.context(context(null, "sendmessage"));
    log.webSocketEvent(new WebSocketEvent("L0SM9cOFvHcCIhw=", "MESSAGE", "L0SM9dHlvHcCIhw=", 1796293229000L));
    log.complete(200, 0, RequestLogSink.NONE);

    assertThat(render("$context.connectionId $context.eventType $context.messageId $context.connectedAt "
        + "$context.routeKey $context.messageDirection", log))
        .isEqualTo("L0SM9cOFvHcCIhw= MESSAGE L0SM9dHlvHcCIhw= 1796293229000 sendmessage IN");
  }

  @Test
  void variableNamesEndWhereAwsNamesEndAndUnknownOnesAreKeptAsText() {
    RequestLog log = served(context("/pets/{id}", null));

    AccessLogFormat format = AccessLogFormat.compile("status=$context.status. id=$context.requestId,"
        + " $context.nope.nothing $context. $$context.status", "1", false);
    assertThat(format.render(log)).isEqualTo("status=200. id=" + REQUEST_ID + ", $context.nope.nothing $context. $200");
    assertThat(format.unknownVariables()).containsExactly("$context.nope.nothing");
  }
}
