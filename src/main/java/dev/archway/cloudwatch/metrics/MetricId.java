package dev.archway.cloudwatch.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A metric as CloudWatch identifies it: namespace, name and the exact set of dimensions (order
 * does not matter; they are kept sorted by name, which is also how the store keys the series).
 */
public record MetricId(String namespace, String metricName, List<Dimension> dimensions) {
  public MetricId {
    List<Dimension> sorted = new ArrayList<>(dimensions);
    sorted.sort(Comparator.comparing(Dimension::name).thenComparing(Dimension::value));
    dimensions = List.copyOf(sorted);
  }

  public static MetricId of(String namespace, String metricName, Map<String, String> dimensions) {
    return new MetricId(namespace, metricName, dimensions.entrySet().stream().map(e -> new Dimension(e.getKey(), e.getValue())).toList());
  }

  /** From the wire's {@code Dimensions} list ({@code [{"Name": ..., "Value": ...}]}). */
  public static List<Dimension> dimensions(JsonNode list) {
    List<Dimension> out = new ArrayList<>();
    for (JsonNode d : list) {
      out.add(new Dimension(d.path("Name").asText(), d.path("Value").asText()));
    }
    return out;
  }

  /** The wire's {@code Metric} shape. */
  public static MetricId fromWire(JsonNode metric) {
    return new MetricId(metric.path("Namespace").asText(), metric.path("MetricName").asText(), dimensions(metric.path("Dimensions")));
  }

  public ObjectNode toWire() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("Namespace", namespace);
    node.put("MetricName", metricName);
    node.set("Dimensions", dimensionsWire());
    return node;
  }

  public ArrayNode dimensionsWire() {
    ArrayNode list = Json.MAPPER.createArrayNode();
    dimensions.forEach(d -> list.addObject().put("Name", d.name()).put("Value", d.value()));
    return list;
  }

  /** The canonical JSON of the dimension set: the series key in the store. */
  public String dimensionsKey() {
    return dimensionsWire().toString();
  }

  public static List<Dimension> parseKey(String key) {
    try {
      return dimensions(Json.MAPPER.readTree(key));
    } catch (Exception e) {
      throw new IllegalStateException("bad stored dimensions " + key, e);
    }
  }

  public String dimensionValue(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).map(Dimension::value).findFirst().orElse(null);
  }
}
