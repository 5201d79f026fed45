package dev.archway.runtime;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.archway.model.Json;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A method's request validator: required parameters present and not blank (BAD_REQUEST_PARAMETERS),
 * then the body against the model for its Content-Type (BAD_REQUEST_BODY). Schemas were compiled
 * at deploy time; large bodies, and bodies whose patterns cost more than an event loop may spend,
 * are validated on a worker thread so the event loop stays free.
 */
public final class RequestValidationStep implements Step {
  /** Bodies above this size are validated off the event loop. */
  static final int INLINE_BODY_BYTES = 64 * 1024;
  private static final String JSON = "application/json";
  private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A {@code method.request.{location}.{name}} marked required; location is header, path or querystring. */
  public record RequiredParameter(String location, String name) {}

  private final List<RequiredParameter> required;
  private final Map<String, JsonSchema> models;
  private final JsonSchema fallback;
  private final boolean validateBody;

  /**
   * @param required in AWS's reporting order (the sorted parameter expressions: header, path, querystring)
   * @param models body schemas by content type, {@code $default} included; empty when not validating bodies
   * @param fallback the schema for a method without request models (the Empty model), or null
   */
  public RequestValidationStep(List<RequiredParameter> required, Map<String, JsonSchema> models, JsonSchema fallback,
      boolean validateBody) {
    this.required = List.copyOf(required);
    TreeMap<String, JsonSchema> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byType.putAll(models);
    this.models = byType;
    this.fallback = fallback;
    this.validateBody = validateBody;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    MethodRequest request = exchange.methodRequest();
    List<String> missing = new ArrayList<>();
    for (RequiredParameter p : required) {
      String value = switch (p.location()) {
        case "path" -> request.pathParameters().get(p.name());
        case "querystring" -> request.queryParameters().get(p.name());
        default -> request.headers().get(p.name());
      };
      if (value == null || value.isBlank()) {
        missing.add(p.name());
      }
    }
    if (!missing.isEmpty()) {
      String message = "Missing required request parameters: [" + String.join(", ", missing) + "]";
      return Future.failedFuture(new GatewayResponse.BadRequestParameters(message).failure());
    }
    JsonSchema schema = validateBody ? schemaFor(request) : null;
    if (schema == null) {
      return Future.succeededFuture();
    }
    return validate(schema, request.body()).compose(RequestValidationStep::outcome);
  }

  /**
   * Validates a body against a model on the calling event loop when it is small and cheap, else on a
   * worker of the current context (WebSocket routes validate their messages with it too).
   *
   * @return null when valid, else AWS's validation error string ({@code [...]})
   */
  public static Future<String> validate(JsonSchema schema, Buffer body) {
    Context context = Vertx.currentContext();
    if (context == null) {
      return Future.succeededFuture(validateAll(schema, body));
    }
    if (body.length() <= INLINE_BODY_BYTES) {
      try {
        return Future.succeededFuture(validate(schema, body, LinearRegularExpressions.EVENT_LOOP_WORK));
      } catch (LinearRegularExpressions.WorkExceeded e) {
        // Its patterns cost more than an event loop may spend: a worker validates it again with the whole budget.
      }
    }
    return context.executeBlocking(() -> validateAll(schema, body), false);
  }

  /** With a worker's budget; patterns that need more refuse the body. */
  private static String validateAll(JsonSchema schema, Buffer body) {
    try {
      return validate(schema, body, LinearRegularExpressions.WORKER_WORK);
    } catch (LinearRegularExpressions.WorkExceeded e) {
      return "[" + e.getMessage() + "]";
    }
  }

  /** AWS: the model for the request's Content-Type (absent means JSON), else {@code $default}; no models at all means Empty. */
  private JsonSchema schemaFor(MethodRequest request) {
    if (models.isEmpty()) {
      return fallback;
    }
    String type = request.mediaType();
    JsonSchema schema = models.get(type == null ? JSON : type);
    return schema != null ? schema : models.get("$default");
  }

  /**
   * @param work what the schema's patterns may spend
   * @return null when valid, else the validation error string
   * @throws LinearRegularExpressions.WorkExceeded when the patterns need more work
   */
  static String validate(JsonSchema schema, Buffer body, long work) {
    JsonNode node;
    try {
      // An empty body is validated as {} (recorded against AWS).
      node = body.length() == 0 ? Json.MAPPER.createObjectNode() : STRICT.readTree(body.getBytes());
    } catch (Exception e) {
      return "[Invalid JSON body]";
    }
    try {
      Set<ValidationMessage> errors = LinearRegularExpressions.budgeted(work, () -> schema.validate(node));
      return errors.isEmpty() ? null
          : errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining(", ", "[", "]"));
    } catch (LinearRegularExpressions.WorkExceeded e) {
      throw e;
    } catch (RuntimeException e) {
      // A schema the validator cannot apply to this body: the body is refused.
      return "[" + e.getMessage() + "]";
    }
  }

  private static Future<Void> outcome(String error) {
    return error == null ? Future.succeededFuture()
        : Future.failedFuture(new GatewayResponse.BadRequestBody(error).failure());
  }

  @Override
  public String toString() {
    return "RequestValidation(parameters=" + required.stream().map(RequiredParameter::name).toList()
        + (validateBody ? ", body=" + (models.isEmpty() ? (fallback == null ? "[]" : "[Empty]") : models.keySet()) : "")
        + ")";
  }
}
