package dev.archway.runtime;

import dev.archway.mapping.MappingTemplate;
import dev.archway.mapping.Overrides;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Non-proxy integrations: picks the integration response whose {@code selectionPattern} matches
 * the endpoint status code (for Lambda: the {@code errorMessage} of a function error; a success
 * never matches a pattern), else the default one, then builds the method response from it: mapped
 * headers only (none of the endpoint's pass unmapped), the body from the response template chosen
 * by the client's Accept (rendered off the event loop), contentHandling, and the overrides the
 * templates set. Answers of integrations that call out carry the request's {@code X-Amzn-Trace-Id}
 * (AWS's recorded HTTP answers do; MOCK ones do not).
 */
public final class IntegrationResponseStep implements Step {
  private static final Logger LOG = LoggerFactory.getLogger(IntegrationResponseStep.class);
  /** Lambda's header marking a function error; the Lambda step keeps it on the endpoint response. */
  public static final String FUNCTION_ERROR = "X-Amz-Function-Error";

  /** What a selectionPattern is matched against. */
  public enum Selection { STATUS_CODE, LAMBDA_ERROR_MESSAGE }

  private final List<SelectableResponse> patterned;
  private final SelectableResponse fallback;
  private final Selection selection;
  private final BinaryMediaTypes binaryMediaTypes;
  private final TemplateRunner runner;
  private final boolean traced;

  /** @param fallback the response without a selectionPattern, or null when there is none */
  public IntegrationResponseStep(List<SelectableResponse> patterned, SelectableResponse fallback) {
    this(patterned, fallback, Selection.STATUS_CODE, BinaryMediaTypes.NONE, TemplateRunner.INLINE, false);
  }

  /** @param traced whether the answer carries the trace id (every integration but MOCK) */
  public IntegrationResponseStep(List<SelectableResponse> patterned, SelectableResponse fallback, Selection selection,
      BinaryMediaTypes binaryMediaTypes, TemplateRunner runner, boolean traced) {
    this.patterned = List.copyOf(patterned);
    this.fallback = fallback;
    this.selection = selection;
    this.binaryMediaTypes = binaryMediaTypes;
    this.runner = runner;
    this.traced = traced;
  }

  @Override
  public Future<Void> apply(Exchange exchange) {
    String selector = selection == Selection.STATUS_CODE
        ? Integer.toString(exchange.endpointResponse().statusCode())
        : LambdaErrors.errorMessage(exchange.endpointResponse());
    SelectableResponse chosen = fallback;
    try {
      for (SelectableResponse candidate : patterned) {
        if (selector != null && candidate.selects(selector)) {
          chosen = candidate;
          break;
        }
      }
    } catch (BudgetedMatch.Exhausted e) {
      LOG.warn("request {}: Execution failed due to configuration error: {}", exchange.requestId(), e.getMessage());
      exchange.executionLog().add("Execution failed due to configuration error: " + e.getMessage());
      return Future.failedFuture(new GatewayResponse.ApiConfigurationError().failure());
    }
    // AWS: "No match for output mapping and no default output mapping specified", or a status
    // the method does not declare: both are configuration errors answered with 500.
    if (chosen == null || !chosen.methodResponseDefined()) {
      exchange.executionLog().add("Execution failed due to configuration error: "
          + (chosen == null ? "No match for output mapping and no default output mapping specified for Endpoint Response Status Code "
              + exchange.endpointResponse().statusCode() : "Output mapping refers to an invalid method response: " + chosen.statusCode()));
      return Future.failedFuture(new GatewayResponse.InternalServerError().failure());
    }
    SelectableResponse response = chosen;
    String accept = exchange.methodRequest().headers().get("Accept");
    boolean binaryBody = binaryMediaTypes.matches(exchange.endpointResponse().headers().get("Content-Type"));
    Map.Entry<String, MappingTemplate> template = binaryBody ? null : response.template(accept);
    Buffer endpointBody = exchange.endpointResponse().body();
    // No template: the endpoint's body passes through (a MOCK's is empty; a Lambda error's is its error document).
    Future<Buffer> body = template == null ? Future.succeededFuture(endpointBody)
        : Templates.render(runner, template.getValue(), exchange, endpointBody.toString(StandardCharsets.UTF_8)).map(Buffer::buffer);
    return body.compose(rendered -> respond(exchange, response, template == null ? null : template.getKey(), rendered,
        binaryBody, binaryMediaTypes.matches(accept)));
  }

  private Future<Void> respond(Exchange exchange, SelectableResponse chosen, String templateType, Buffer rendered,
      boolean binaryBody, boolean binaryAccept) {
    Buffer body;
    try {
      body = ContentHandling.of(chosen.contentHandling()).convertResponse(rendered, binaryBody, binaryAccept, !binaryMediaTypes.isEmpty());
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(ContentHandling.failure(exchange, e));
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Type", templateType == null ? "application/json" : templateType);
    for (Map.Entry<String, ParameterSource> mapping : chosen.headers().entrySet()) {
      List<String> values = mapping.getValue().valuesFrom(exchange);
      if (!values.isEmpty()) {
        headers.set(mapping.getKey(), values);
      }
    }
    Overrides overrides = exchange.overrides();
    overrides.responseHeaders().forEach(headers::set);
    if (traced) {
      headers.set("X-Amzn-Trace-Id", exchange.context().traceId());
    }
    Integer override = overrides.responseStatus();
    // AWS ignores a responseOverride.status outside 100-599 (AWS-BEHAVIOUR A.19).
    int status = override != null && override >= 100 && override <= 599 ? override : Integer.parseInt(chosen.statusCode());
    exchange.executionLog().add("Method response body after transformations: ", body, EndpointLog::body);
    exchange.executionLog().add("Method response headers: ", headers, EndpointLog::headers);
    exchange.methodResponse(new MethodResponse(status, headers, body));
    return Future.succeededFuture();
  }

  @Override
  public String toString() {
    return "IntegrationResponse(" + (selection == Selection.STATUS_CODE ? "" : "errorMessage: ")
        + patterned + (fallback == null ? "" : ", " + fallback) + ")";
  }
}
