package dev.archway.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An AWS service model (the botocore JSON, trimmed to the operations Archway serves): the
 * contract for member names, types, constraints and error codes. Read once; immutable.
 */
public final class ServiceModel {
  private final JsonNode root;

  private ServiceModel(JsonNode root) {
    this.root = root;
  }

  /** @param resource a classpath resource such as {@code aws-models/logs/service-2.json} */
  public static ServiceModel load(String resource) {
    try (InputStream in = ServiceModel.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing service model " + resource);
      }
      return new ServiceModel(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("read service model " + resource, e);
    }
  }

  public String metadata(String field) {
    return root.path("metadata").path(field).asText(null);
  }

  /** A service that spoke awsquery first: its JSON and CBOR errors also carry the query error code. */
  public boolean queryCompatible() {
    return root.path("metadata").has("awsQueryCompatible");
  }

  /** Whether the model lists {@code protocol} ({@code query}, {@code json}, {@code smithy-rpc-v2-cbor}). */
  public boolean speaks(String protocol) {
    for (JsonNode listed : root.path("metadata").path("protocols")) {
      if (listed.asText().equals(protocol)) {
        return true;
      }
    }
    return protocol.equals(metadata("protocol"));
  }

  public boolean hasOperation(String name) {
    return root.path("operations").has(name);
  }

  /** The input shape's name, or null when the operation takes none. */
  public String input(String operation) {
    return root.path("operations").path(operation).path("input").path("shape").asText(null);
  }

  /** The output shape's name, or null when the operation answers nothing. */
  public String output(String operation) {
    return root.path("operations").path(operation).path("output").path("shape").asText(null);
  }

  public JsonNode shape(String name) {
    JsonNode shape = root.path("shapes").get(name);
    if (shape == null) {
      throw new IllegalArgumentException("shape " + name + " (expected: a shape of the " + metadata("serviceId") + " model)");
    }
    return shape;
  }

  /** The shape a member of a structure (or the member/key/value of a list or map) has. */
  public String target(JsonNode shape, String member) {
    JsonNode ref = shape.has("members") ? shape.path("members").path(member) : shape.path(member);
    return ref.path("shape").asText(null);
  }

  /**
   * The query protocol's code of an error shape ({@code error.code}), else the shape's name; the
   * errors every AWS query service shares, which no model lists, by their query names.
   */
  public String queryCode(String errorShape) {
    JsonNode shape = root.path("shapes").get(errorShape);
    if (shape != null) {
      return shape.path("error").path("code").asText(errorShape);
    }
    return switch (errorShape) {
      case "ValidationException" -> "ValidationError";
      case "UnknownOperationException" -> "InvalidAction";
      case "SerializationException" -> "MalformedInput";
      default -> errorShape;
    };
  }

  /** The element that wraps an operation's output in a query answer ({@code GetMetricDataResult}). */
  public String resultWrapper(String operation) {
    return root.path("operations").path(operation).path("output").path("resultWrapper").asText(operation + "Result");
  }
}
