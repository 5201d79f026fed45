package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** The XML of awsquery answers: members in model order, lists as {@code <member>}, ISO 8601 timestamps. */
final class QueryXml {
  private QueryXml() {}

  static byte[] answer(ServiceModel model, String operation, JsonNode output, String requestId) {
    String ns = model.metadata("xmlNamespace");
    StringBuilder xml = new StringBuilder("<").append(operation).append("Response xmlns=\"").append(ns).append("\">");
    String shape = model.output(operation);
    if (shape != null) {
      String wrapper = model.resultWrapper(operation);
      xml.append('<').append(wrapper).append('>');
      if (output != null) {
        members(model, model.shape(shape), output, xml);
      }
      xml.append("</").append(wrapper).append('>');
    }
    xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
        .append(operation).append("Response>");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(ServiceModel model, AwsServiceException error, String requestId) {
    StringBuilder xml = new StringBuilder("<ErrorResponse xmlns=\"").append(model.metadata("xmlNamespace")).append("\"><Error><Type>")
        .append(error.faultType()).append("</Type><Code>").append(escape(model.queryCode(error.shape())))
        .append("</Code><Message>").append(escape(error.getMessage())).append("</Message>");
    if (error.details() != null) {
      JsonNode shape = model.shape(error.shape());
      members(model, shape, error.details(), xml);
    }
    xml.append("</Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
    return xml.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void members(ServiceModel model, JsonNode shape, JsonNode value, StringBuilder xml) {
    for (Iterator<String> it = shape.path("members").fieldNames(); it.hasNext(); ) {
      String member = it.next();
      JsonNode field = value.get(member);
      if (field != null && !field.isNull()) {
        element(model, member, model.target(shape, member), field, xml);
      }
    }
  }

  private static void element(ServiceModel model, String name, String shapeName, JsonNode value, StringBuilder xml) {
    JsonNode shape = model.shape(shapeName);
    xml.append('<').append(name).append('>');
    switch (shape.path("type").asText()) {
      case "structure" -> members(model, shape, value, xml);
      case "list" -> {
        for (JsonNode item : value) {
          element(model, "member", model.target(shape, "member"), item, xml);
        }
      }
      case "map" -> {
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          xml.append("<entry><key>").append(escape(entry.getKey())).append("</key>");
          element(model, "value", model.target(shape, "value"), entry.getValue(), xml);
          xml.append("</entry>");
        }
      }
      case "timestamp" -> {
        BigDecimal seconds = value.decimalValue();
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        xml.append(Instant.ofEpochSecond(whole, nanos));
      }
      case "double", "float" -> xml.append(value.asDouble());
      default -> xml.append(escape(value.asText()));
    }
    xml.append("</").append(name).append('>');
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\r' -> out.append("&#13;");
        case '\n' -> out.append("&#10;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
