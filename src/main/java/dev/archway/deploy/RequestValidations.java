package dev.archway.deploy;

import com.networknt.schema.JsonSchema;
import dev.archway.model.DeployedApi;
import dev.archway.model.Method;
import dev.archway.model.Model;
import dev.archway.model.RequestValidator;
import dev.archway.runtime.RequestValidationStep;
import dev.archway.runtime.RequestValidationStep.RequiredParameter;
import dev.archway.runtime.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request validators and models of one deployment, ready to give each method its
 * {@link RequestValidationStep}. Each model is compiled at most once per deployment.
 */
final class RequestValidations {
  static final RequestValidations NONE = new RequestValidations("", Map.of(), Map.of());

  /** Used when an API has no Empty model of its own (created before models were stored). */
  private static final String EMPTY_SCHEMA =
      "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Empty Schema\",\"type\":\"object\"}";

  private final String apiId;
  private final Map<String, RequestValidator> validators;
  private final Map<String, String> schemas;
  private final Map<String, JsonSchema> compiled = new HashMap<>();

  private RequestValidations(String apiId, Map<String, RequestValidator> validators, Map<String, String> schemas) {
    this.apiId = apiId;
    this.validators = validators;
    this.schemas = schemas;
  }

  static RequestValidations of(String apiId, DeployedApi deployment) {
    Map<String, RequestValidator> validators = new HashMap<>();
    if (deployment.requestValidators() != null) {
      deployment.requestValidators().forEach(v -> validators.put(v.id(), v));
    }
    Map<String, String> schemas = new HashMap<>();
    schemas.put("Empty", EMPTY_SCHEMA);
    if (deployment.models() != null) {
      for (Model model : deployment.models()) {
        if (model.schema() != null) {
          schemas.put(model.name(), model.schema());
        }
      }
    }
    return new RequestValidations(apiId, validators, schemas);
  }

  /**
   * The method's request validation step; none when the method has no validator (or names one
   * that was deleted: AWS then validates nothing) or the validator checks nothing.
   */
  List<Step> steps(Method method) {
    RequestValidator validator = method.requestValidatorId() == null ? null : validators.get(method.requestValidatorId());
    if (validator == null || !validator.body() && !validator.parameters()) {
      return List.of();
    }
    List<RequiredParameter> required = validator.parameters() ? required(method) : List.of();
    Map<String, JsonSchema> models = new LinkedHashMap<>();
    JsonSchema fallback = null;
    if (validator.body()) {
      Map<String, String> requestModels = method.requestModels() == null ? Map.of() : method.requestModels();
      requestModels.forEach((type, name) -> models.put(type, schema(name)));
      fallback = requestModels.isEmpty() ? schema("Empty") : null;
    }
    return List.of(new RequestValidationStep(required, models, fallback, validator.body()));
  }

  private JsonSchema schema(String name) {
    return compiled.computeIfAbsent(name, n -> ModelSchemas.compile(apiId, schemas, n));
  }

  /** Required parameters in AWS's reporting order: sorted by expression, so header, path, querystring. */
  private static List<RequiredParameter> required(Method method) {
    List<RequiredParameter> out = new ArrayList<>();
    for (Map.Entry<String, Boolean> p : new TreeMap<>(method.requestParameters() == null ? Map.<String, Boolean>of()
        : method.requestParameters()).entrySet()) {
      if (!Boolean.TRUE.equals(p.getValue())) {
        continue;
      }
      String[] parts = p.getKey().split("\\.", 4);
      if (parts.length < 4 || !parts[0].equals("method") || !parts[1].equals("request")) {
        throw new IllegalArgumentException("request parameter: " + p.getKey()
            + " (expected: method.request.header|path|querystring.<name>)");
      }
      String location = switch (parts[2]) {
        case "header", "multivalueheader" -> "header";
        case "querystring", "multivaluequerystring" -> "querystring";
        case "path" -> "path";
        default -> throw new IllegalArgumentException("request parameter: " + p.getKey()
            + " (expected: method.request.header|path|querystring.<name>)");
      };
      out.add(new RequiredParameter(location, parts[3]));
    }
    return out;
  }
}
