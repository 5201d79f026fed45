package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * awsquery: {@code Action=Op&Version=2010-08-01&Namespace=...&MetricData.member.1.MetricName=...}
 * in a form body, XML answers. What the AWS SDK for Java v2 speaks to CloudWatch. The flat keys
 * are read into a tree of their dotted segments, then walked along the input shape.
 */
public record QueryProtocol() implements Protocol {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Far above any real request (PutMetricData: 1,000 data with 30 dimensions), far below a flood. */
  private static final int MAX_PARAMETERS = 200_000;

  /** The form's parameters, decoded; {@code Action} and {@code Version} among them. */
  public static Map<String, List<String>> parameters(byte[] body) {
    return new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false, MAX_PARAMETERS)
        .parameters();
  }

  @Override
  public JsonNode read(ServiceModel model, String operation, byte[] body) {
    Map<String, Object> tree = new TreeMap<>();
    for (Map.Entry<String, List<String>> param : parameters(body).entrySet()) {
      insert(tree, param.getKey().split("\\.", -1), 0, param.getValue().get(0));
    }
    String input = model.input(operation);
    return input == null ? NODES.objectNode() : structure(model, model.shape(input), tree, "");
  }

  @SuppressWarnings("unchecked")
  private static void insert(Map<String, Object> tree, String[] path, int at, String value) {
    if (at == path.length - 1) {
      tree.putIfAbsent(path[at], value);
      return;
    }
    Object child = tree.get(path[at]);
    if (!(child instanceof Map)) {
      child = new TreeMap<String, Object>();
      tree.put(path[at], child);
    }
    insert((Map<String, Object>) child, path, at + 1, value);
  }

  private static ObjectNode structure(ServiceModel model, JsonNode shape, Map<String, Object> tree, String path) {
    ObjectNode out = NODES.objectNode();
    for (Iterator<String> it = shape.path("members").fieldNames(); it.hasNext(); ) {
      String member = it.next();
      Object raw = tree.get(member);
      if (raw != null) {
        out.set(member, value(model, model.target(shape, member), raw, path + member));
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static JsonNode value(ServiceModel model, String shapeName, Object raw, String path) {
    JsonNode shape = model.shape(shapeName);
    String type = shape.path("type").asText();
    if (raw instanceof Map<?, ?> map) {
      Map<String, Object> tree = (Map<String, Object>) map;
      return switch (type) {
        case "structure" -> structure(model, shape, tree, path + ".");
        case "list" -> list(model, shape, tree.get("member"), path);
        case "map" -> map(model, shape, tree.get("entry"), path);
        default -> throw malformed(path);
      };
    }
    String text = (String) raw;
    return switch (type) {
      // An empty value names an empty list or structure, as the SDKs send them.
      case "list" -> {
        if (!text.isEmpty()) {
          throw malformed(path);
        }
        yield NODES.arrayNode();
      }
      case "structure", "map" -> {
        if (!text.isEmpty()) {
          throw malformed(path);
        }
        yield NODES.objectNode();
      }
      case "integer", "long" -> NODES.numberNode(parse(path, () -> Long.parseLong(text.trim())));
      case "double", "float" -> NODES.numberNode(parse(path, () -> Double.parseDouble(text.trim())));
      case "boolean" -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw malformed(path);
        }
        yield NODES.booleanNode(text.equals("true"));
      }
      case "timestamp" -> NODES.numberNode(epochSeconds(path, text.trim()));
      default -> NODES.textNode(text);
    };
  }

  @SuppressWarnings("unchecked")
  private static ArrayNode list(ServiceModel model, JsonNode shape, Object members, String path) {
    ArrayNode out = NODES.arrayNode();
    if (!(members instanceof Map<?, ?> byIndex)) {
      return out;
    }
    // member.1, member.2 ... in numeric order; indexes need not be dense.
    TreeMap<Integer, Object> ordered = new TreeMap<>();
    ((Map<String, Object>) byIndex).forEach((index, item) -> ordered.put(parse(path, () -> Integer.parseInt(index)), item));
    String member = model.target(shape, "member");
    ordered.forEach((index, item) -> out.add(value(model, member, item, path + ".member." + index)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static ObjectNode map(ServiceModel model, JsonNode shape, Object entries, String path) {
    ObjectNode out = NODES.objectNode();
    if (entries instanceof Map<?, ?> byIndex) {
      String value = model.target(shape, "value");
      for (Object entry : ((Map<String, Object>) byIndex).values()) {
        if (entry instanceof Map<?, ?> pair && pair.get("key") instanceof String key && pair.get("value") != null) {
          out.set(key, value(model, value, pair.get("value"), path + "." + key));
        }
      }
    }
    return out;
  }

  private static BigDecimal epochSeconds(String path, String text) {
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros();
    } catch (DateTimeParseException e) {
      return parse(path, () -> new BigDecimal(text));
    }
  }

  private interface Parse<T> {
    T get();
  }

  private static <T> T parse(String path, Parse<T> parse) {
    try {
      return parse.get();
    } catch (RuntimeException e) {
      throw malformed(path);
    }
  }

  private static AwsServiceException malformed(String path) {
    return AwsServiceException.badRequest("InvalidParameterValueException", "Invalid value for parameter " + path);
  }

  @Override
  public WireAnswer answer(ServiceModel model, String operation, JsonNode output, String requestId) {
    return new WireAnswer(200, "text/xml", Map.of("x-amzn-RequestId", requestId), QueryXml.answer(model, operation, output, requestId));
  }

  @Override
  public WireAnswer error(ServiceModel model, AwsServiceException error, String requestId) {
    return new WireAnswer(error.status(), "text/xml", Map.of("x-amzn-RequestId", requestId), QueryXml.error(model, error, requestId));
  }
}
