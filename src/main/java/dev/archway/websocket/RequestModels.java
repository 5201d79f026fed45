package dev.archway.websocket;

import com.networknt.schema.JsonSchema;
import dev.archway.runtime.RequestValidationStep;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A route's request validation, compiled: its {@code modelSelectionExpression} and its
 * {@code requestModels} (the API's models as JSON Schema draft 4). As on AWS, a message is validated
 * only when the route has a model selection expression: the model its value names, else the
 * {@code $default} model; with neither the message fails too. A message that fails gets the error
 * frame {@code Invalid request body} and never reaches the integration. Messages only: the
 * handshake and the close carry no body.
 */
public record RequestModels(SelectionExpression selection, Map<String, JsonSchema> models) {
  public static final RequestModels NONE = new RequestModels(null, Map.of());
  private static final Logger LOG = LoggerFactory.getLogger(RequestModels.class);

  public RequestModels {
    models = Map.copyOf(models);
  }

  public boolean validates() {
    return selection != null && !models.isEmpty();
  }

  /** Completes when the message may go on, or fails with {@link Refusal#invalidBody()}. */
  Future<Void> check(RouteEvent event) {
    if (!validates()) {
      return Future.succeededFuture();
    }
    String key = selection.evaluate(event.json());
    JsonSchema schema = models.get(key);
    if (schema == null) {
      schema = models.get(SelectionExpression.DEFAULT_KEY);
    }
    if (schema == null) {
      LOG.debug("request {}: no model for key {} and no $default model", event.requestId(), key);
      return Future.failedFuture(Refusal.invalidBody());
    }
    return RequestValidationStep.validate(schema, Buffer.buffer(event.body())).compose(errors -> {
      if (errors == null) {
        return Future.succeededFuture();
      }
      LOG.debug("request {}: request body does not match the model for {}: {}", event.requestId(), key, errors);
      return Future.failedFuture(Refusal.invalidBody());
    });
  }

  @Override
  public String toString() {
    return validates() ? "models " + models.keySet() + " by " + selection : "no validation";
  }
}
