package dev.archway.cloudwatch;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * smithy-rpc-v2-cbor ({@code POST /service/{service}/operation/{op}}, {@code smithy-protocol:
 * rpc-v2-cbor}): what botocore 1.43, and so the AWS CLI, speaks to CloudWatch. Bodies are CBOR maps
 * with the awsJson member names; timestamps are written with tag 1 (epoch seconds), as the spec
 * requires, so answers are walked along the model.
 */
public record CborProtocol() implements Protocol {
  private static final CBORMapper CBOR = CBORMapper.builder(CBORFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(64)
              .maxStringLength(10 * 1024 * 1024)
              .maxNumberLength(100)
              .build())
          .build())
      .build();
  public static final String CONTENT_TYPE = "application/cbor";

  @Override
  public JsonNode read(ServiceModel model, String operation, byte[] body) {
    if (body.length == 0) {
      return CBOR.createObjectNode();
    }
    try {
      JsonNode tree = CBOR.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        return CBOR.createObjectNode();
      }
      if (!tree.isObject()) {
        throw AwsServiceException.badRequest("SerializationException", "Expected a CBOR map as the request body");
      }
      return tree;
    } catch (JacksonException e) {
      throw AwsServiceException.badRequest("SerializationException", "Invalid CBOR in request body");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public WireAnswer answer(ServiceModel model, String operation, JsonNode output, String requestId) {
    String shape = model.output(operation);
    byte[] body = encode(gen -> {
      if (output == null || shape == null) {
        gen.writeStartObject();
        gen.writeEndObject();
      } else {
        write(model, gen, shape, output);
      }
    });
    return new WireAnswer(200, CONTENT_TYPE, Map.of("smithy-protocol", "rpc-v2-cbor", "x-amzn-RequestId", requestId), body);
  }

  @Override
  public WireAnswer error(ServiceModel model, AwsServiceException error, String requestId) {
    byte[] body = encode(gen -> {
      gen.writeStartObject();
      gen.writeStringField("__type", error.shape());
      gen.writeStringField("message", error.getMessage());
      if (error.details() != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = error.details().fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          gen.writeFieldName(field.getKey());
          CBOR.writeTree(gen, field.getValue());
        }
      }
      gen.writeEndObject();
    });
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("smithy-protocol", "rpc-v2-cbor");
    headers.put("x-amzn-RequestId", requestId);
    if (model.queryCompatible()) {
      headers.put("x-amzn-query-error", model.queryCode(error.shape()) + ";" + error.faultType());
    }
    return new WireAnswer(error.status(), CONTENT_TYPE, headers, body);
  }

  private interface Writing {
    void to(CBORGenerator gen) throws IOException;
  }

  private static byte[] encode(Writing writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator gen = (CBORGenerator) CBOR.createGenerator(out)) {
      writing.to(gen);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(ServiceModel model, CBORGenerator gen, String shapeName, JsonNode value) throws IOException {
    JsonNode shape = shapeName == null ? null : model.shape(shapeName);
    String type = shape == null ? "" : shape.path("type").asText();
    switch (type) {
      case "structure" -> {
        gen.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          gen.writeFieldName(field.getKey());
          write(model, gen, model.target(shape, field.getKey()), field.getValue());
        }
        gen.writeEndObject();
      }
      case "list" -> {
        gen.writeStartArray(null, value.size());
        for (JsonNode item : value) {
          write(model, gen, model.target(shape, "member"), item);
        }
        gen.writeEndArray();
      }
      case "map" -> {
        gen.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          gen.writeFieldName(field.getKey());
          write(model, gen, model.target(shape, "value"), field.getValue());
        }
        gen.writeEndObject();
      }
      case "timestamp" -> {
        gen.writeTag(1);
        if (value.isIntegralNumber() || value.asDouble() == Math.rint(value.asDouble())) {
          gen.writeNumber(value.asLong());
        } else {
          gen.writeNumber(value.asDouble());
        }
      }
      case "double", "float" -> gen.writeNumber(value.asDouble());
      default -> CBOR.writeTree(gen, value);
    }
  }
}
