package dev.archway.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.archway.model.Json;
import dev.archway.testing.ArchwayServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The three protocols CloudWatch's model lists, on one URL: awsJson1_0 ({@code X-Amz-Target}),
 * smithy-rpc-v2-cbor ({@code /service/.../operation/...}) and awsquery (the SDK tests), each
 * answering and failing in its own wire format; hostile bodies get AWS-shaped errors.
 */
class CloudWatchProtocolsE2eTest {
  @RegisterExtension static final ArchwayServer server = new ArchwayServer();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final CBORMapper CBOR = new CBORMapper();
  private static final long MINUTE = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(5, ChronoUnit.MINUTES).getEpochSecond();

  private static HttpResponse<byte[]> json(String operation, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<byte[]> cbor(String operation, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort()
            + "/service/GraniteServiceVersion20100801/operation/" + operation))
        .header("Content-Type", "application/cbor").header("smithy-protocol", "rpc-v2-cbor").header("Accept", "application/cbor")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> query(String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A CBOR body as botocore writes it: timestamps with tag 1 (epoch seconds). */
  private static byte[] putMetricData(String name, long timestamp, double value) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator gen = (CBORGenerator) CBOR.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("Namespace", "Proto");
      gen.writeArrayFieldStart("MetricData");
      gen.writeStartObject();
      gen.writeStringField("MetricName", name);
      gen.writeFieldName("Timestamp");
      gen.writeTag(1);
      gen.writeNumber(timestamp);
      gen.writeNumberField("Value", value);
      gen.writeEndObject();
      gen.writeEndArray();
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  @Test
  void cborInAndOutWithTaggedTimestamps() throws Exception {
    HttpResponse<byte[]> put = cbor("PutMetricData", putMetricData("Hits", MINUTE, 4));
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.headers().firstValue("smithy-protocol")).hasValue("rpc-v2-cbor");
    byte[] request = CBOR.writeValueAsBytes(CBOR.createObjectNode().put("Namespace", "Proto").put("MetricName", "Hits")
        .put("StartTime", MINUTE).put("EndTime", MINUTE + 60).put("Period", 60).set("Statistics", CBOR.createArrayNode().add("Sum")));
    HttpResponse<byte[]> got = cbor("GetMetricStatistics", request);
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/cbor");
    JsonNode answer = CBOR.readTree(got.body());
    assertThat(answer.path("Datapoints").get(0).path("Sum").asDouble()).isEqualTo(4.0);
    assertThat(answer.path("Datapoints").get(0).path("Timestamp").asLong()).isEqualTo(MINUTE);
    try (CBORParser parser = (CBORParser) CBOR.getFactory().createParser(got.body())) {
      boolean tagged = false;
      while (parser.nextToken() != null) {
        if ("Timestamp".equals(parser.currentName()) && parser.currentToken().isNumeric()) {
          tagged = parser.getCurrentTag() == 1;
        }
      }
      assertThat(tagged).as("Timestamp carries CBOR tag 1").isTrue();
    }
  }

  @Test
  void jsonInAndOut() throws Exception {
    HttpResponse<byte[]> put = json("PutMetricData", "{\"Namespace\":\"Proto\",\"MetricData\":[{\"MetricName\":\"Json\",\"Timestamp\":"
        + MINUTE + ",\"Value\":2.5}]}");
    assertThat(put.statusCode()).isEqualTo(200);
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
      gzip.write("{\"Namespace\":\"Proto\",\"MetricName\":\"Json\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(got.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
    assertThat(Json.MAPPER.readTree(got.body()).path("Metrics").get(0).path("MetricName").asText()).isEqualTo("Json");
  }

  @Test
  void errorsInEachProtocolCarryTheQueryCode() throws Exception {
    HttpResponse<byte[]> jsonError = json("GetDashboard", "{\"DashboardName\":\"absent\"}");
    assertThat(jsonError.statusCode()).isEqualTo(404);
    assertThat(jsonError.headers().firstValue("x-amzn-query-error")).hasValue("ResourceNotFound;Sender");
    assertThat(Json.MAPPER.readTree(jsonError.body()).path("__type").asText()).isEqualTo("DashboardNotFoundError");

    HttpResponse<byte[]> cborError = cbor("PutMetricData", CBOR.writeValueAsBytes(CBOR.createObjectNode().put("Namespace", "AWS/EC2")
        .set("MetricData", CBOR.createArrayNode().add(CBOR.createObjectNode().put("MetricName", "x").put("Value", 1)))));
    assertThat(cborError.statusCode()).isEqualTo(400);
    assertThat(cborError.headers().firstValue("x-amzn-query-error")).hasValue("InvalidParameterValue;Sender");
    assertThat(CBOR.readTree(cborError.body()).path("__type").asText()).isEqualTo("InvalidParameterValueException");

    HttpResponse<String> queryError = query("Action=GetDashboard&Version=2010-08-01&DashboardName=absent");
    assertThat(queryError.statusCode()).isEqualTo(404);
    assertThat(queryError.body()).contains("<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">")
        .contains("<Type>Sender</Type><Code>ResourceNotFound</Code><Message>Dashboard absent does not exist</Message>");
    assertThat(query("Action=Explode&Version=2010-08-01").body()).contains("<Code>InvalidAction</Code>");
    assertThat(query("Action=ListMetrics&Version=2009-01-01").body()).contains("<Code>InvalidAction</Code>");
    assertThat(query("Action=ListMetrics&Version=2010-08-01").body()).startsWith("<ListMetricsResponse")
        .contains("<ListMetricsResult><Metrics>");
  }

  @Test
  void hostileBodies() throws Exception {
    HttpResponse<byte[]> badCbor = cbor("ListMetrics", new byte[] {(byte) 0xbf, 0x63, 0x61});
    assertThat(badCbor.statusCode()).isEqualTo(400);
    assertThat(CBOR.readTree(badCbor.body()).path("__type").asText()).isEqualTo("SerializationException");
    HttpResponse<byte[]> deepCbor = cbor("ListMetrics", CBOR.writeValueAsBytes(deep(500)));
    assertThat(CBOR.readTree(deepCbor.body()).path("__type").asText()).isEqualTo("SerializationException");
    HttpResponse<byte[]> deepJson = json("ListMetrics", "{\"Namespace\":" + "[".repeat(1000) + "]".repeat(1000) + "}");
    assertThat(Json.MAPPER.readTree(deepJson.body()).path("__type").asText()).isEqualTo("SerializationException");
    HttpResponse<byte[]> wrongType = json("ListMetrics", "{\"Namespace\":{\"a\":1}}");
    assertThat(Json.MAPPER.readTree(wrongType.body()).path("__type").asText()).isEqualTo("SerializationException");
    StringBuilder huge = new StringBuilder("Action=PutMetricData&Version=2010-08-01&Namespace=N");
    for (int i = 1; i <= 1001; i++) {
      huge.append("&MetricData.member.").append(i).append(".MetricName=m&MetricData.member.").append(i).append(".Value=1");
    }
    assertThat(query(huge.toString()).body()).contains("<Code>InvalidParameterValue</Code>")
        .contains("must not have a size greater than 1000");
    assertThat(query("Action=PutMetricData&Version=2010-08-01&Namespace=N&MetricData.member.x.MetricName=m").body())
        .contains("<Code>InvalidParameterValue</Code>");
    java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bomb)) {
      gzip.write(("{\"Namespace\":\"" + "x".repeat(8 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    HttpResponse<byte[]> inflated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics")
        .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bomb.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(bomb.size()).isLessThan(100_000);
    assertThat(inflated.statusCode()).isEqualTo(413);
    String foreign = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature="
        + "0".repeat(64);
    HttpResponse<byte[]> signedForLogs = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/"))
        .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", "GraniteServiceVersion20100801.ListMetrics")
        .header("Authorization", foreign).header("X-Amz-Date", "20260101T000000Z")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(signedForLogs.statusCode()).isEqualTo(403);
    assertThat(Json.MAPPER.readTree(signedForLogs.body()).path("message").asText())
        .contains("Credential should be scoped to correct service: 'monitoring'");
  }

  private static JsonNode deep(int depth) {
    var root = CBOR.createObjectNode();
    var at = root.putArray("Namespace");
    for (int i = 0; i < depth; i++) {
      at = at.addArray();
    }
    return root;
  }
}
