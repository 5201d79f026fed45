package dev.archway.control.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The input constraints of an AWS service model (the botocore JSON copied into
 * {@code aws-models/}): for each operation, the enums and patterns its input members must satisfy,
 * checked before the operation runs, with AWS's answer when they are not.
 */
public final class ServiceModel {
  /** How a service words a broken constraint. */
  public enum Dialect {
    /** apigateway (v1): {@code ValidationException} "N validation error(s) detected: Value 'x' at 'path' failed to satisfy constraint: ...". */
    CORAL,
    /** apigatewayv2: {@code BadRequestException} naming the member, the value and the expectation. */
    V2
  }

  private final Map<String, OperationInput> byRoute;
  private final Map<String, OperationInput> byName;
  private final Map<String, List<String>> enums;

  private ServiceModel(Map<String, OperationInput> byRoute, Map<String, OperationInput> byName, Map<String, List<String>> enums) {
    this.byRoute = Map.copyOf(byRoute);
    this.byName = Map.copyOf(byName);
    this.enums = Map.copyOf(enums);
  }

  /** The apigateway (v1) model, read once. */
  public static ServiceModel apigateway() {
    return Loaded.APIGATEWAY;
  }

  /** The apigatewayv2 model, read once. */
  public static ServiceModel apigatewayv2() {
    return Loaded.APIGATEWAY_V2;
  }

  private static final class Loaded {
    static final ServiceModel APIGATEWAY =
        load("aws-models/apigateway/service-2.json", "aws-models/apigateway/enum-order.json", Dialect.CORAL);
    static final ServiceModel APIGATEWAY_V2 = load("aws-models/apigatewayv2/service-2.json", null, Dialect.V2);
  }

  /** The values of the model's enum {@code shape} (EndpointType...), in the model's order. */
  public List<String> values(String shape) {
    List<String> values = enums.get(shape);
    if (values == null) {
      throw new IllegalArgumentException("enum shape: " + shape + " (expected: an enum of the model)");
    }
    return values;
  }

  /**
   * The checks of the operation at {@code uriTemplate} (the model's form: {@code
   * /restapis/{restapi_id}}), or null when its input has no enum or pattern.
   */
  public OperationInput operation(String httpMethod, String uriTemplate) {
    return byRoute.get(httpMethod + " " + uriTemplate);
  }

  /** The checks of the operation named {@code name} (ImportApiKeys, which shares its URI with CreateApiKey), or null. */
  public OperationInput operation(String name) {
    return byName.get(name);
  }

  static ServiceModel load(String modelResource, String orderResource, Dialect dialect) {
    JsonNode model = read(modelResource);
    Map<String, List<String>> order = new HashMap<>();
    if (orderResource != null) {
      read(orderResource).fields().forEachRemaining(e -> order.put(e.getKey(),
          Json.MAPPER.convertValue(e.getValue(), Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class))));
    }
    ModelShapes shapes = new ModelShapes(model.get("shapes"), order, orderResource);
    Map<String, OperationInput> byName = new HashMap<>();
    Map<String, String> routed = new HashMap<>();
    model.get("operations").fields().forEachRemaining(entry -> {
      JsonNode input = entry.getValue().path("input").path("shape");
      OperationInput checks = input.isMissingNode() ? null : shapes.operation(entry.getKey(), input.asText(), dialect);
      if (checks != null) {
        byName.put(entry.getKey(), checks);
      }
      JsonNode http = entry.getValue().get("http");
      String uri = http.get("requestUri").asText();
      int question = uri.indexOf('?');
      String key = http.get("method").asText() + " " + (question < 0 ? uri : uri.substring(0, question));
      // CreateRestApi and ImportRestApi share POST /restapis: a route names the form without ?mode=.
      if (question < 0 || !routed.containsKey(key)) {
        routed.put(key, entry.getKey());
      }
    });
    Map<String, OperationInput> byRoute = new HashMap<>();
    routed.forEach((key, name) -> {
      if (byName.containsKey(name)) {
        byRoute.put(key, byName.get(name));
      }
    });
    order.keySet().forEach(shapes::requireUsed);
    Map<String, List<String>> enums = new HashMap<>();
    model.get("shapes").fields().forEachRemaining(e -> {
      if (e.getValue().has("enum")) {
        List<String> values = new ArrayList<>();
        e.getValue().get("enum").forEach(v -> values.add(v.asText()));
        enums.put(e.getKey(), List.copyOf(values));
      }
    });
    return new ServiceModel(byRoute, byName, enums);
  }

  private static JsonNode read(String resource) {
    try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return Json.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
