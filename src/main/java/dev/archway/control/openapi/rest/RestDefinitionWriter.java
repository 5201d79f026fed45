package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Authorizer;
import dev.archway.model.DeployedApi;
import dev.archway.model.DocumentationSnapshot;
import dev.archway.model.Json;
import dev.archway.model.Method;
import dev.archway.model.Model;
import dev.archway.model.RequestValidator;
import dev.archway.model.Resource;
import dev.archway.model.RestApi;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes what a stage serves (its deployment's frozen API) as Swagger 2.0 or OpenAPI 3.0.1, as AWS's
 * GetExport does, so that ImportRestApi reads it back as the same API: resources as paths, methods as
 * operations, models as schemas, authorizers, API keys and IAM as security schemes, and, as the
 * options ask, the {@code x-amazon-apigateway-*} extensions and the stage's documentation.
 */
public final class RestDefinitionWriter {
  static final String API_KEY = "api_key";
  static final String SIGV4 = "sigv4";
  private static final List<String> ORDER = List.of("GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "ANY");

  private final DeployedApi deployed;
  private final ExportOptions options;
  private final Dialect dialect;
  private final Map<String, Authorizer> authorizers;
  private final Map<String, RequestValidator> validators;

  private RestDefinitionWriter(DeployedApi deployed, ExportOptions options) {
    this.deployed = deployed;
    this.options = options;
    this.dialect = options.swagger() ? Dialect.SWAGGER_2 : Dialect.OPENAPI_3;
    this.authorizers = deployed.authorizers().stream().collect(Collectors.toMap(Authorizer::id, Function.identity()));
    this.validators = deployed.requestValidators().stream().collect(Collectors.toMap(RequestValidator::id, Function.identity()));
  }

  /**
   * @param endpoint the API's invoke URL without a stage, such as {@code http://abc.execute-api.localhost:8080}
   * @param documentation the documentation version the stage is associated with, or null
   */
  public static ObjectNode write(DeployedApi deployed, String stageName, String endpoint, ExportOptions options,
      DocumentationSnapshot documentation) {
    RestDefinitionWriter writer = new RestDefinitionWriter(deployed, options);
    ObjectNode root = writer.document(stageName, endpoint);
    if (options.documentation() && documentation != null) {
      DocumentationExport.apply(root, documentation, writer.dialect);
    }
    return root;
  }

  private ObjectNode document(String stageName, String endpoint) {
    RestApi api = deployed.api();
    ObjectNode root = Json.MAPPER.createObjectNode();
    if (dialect == Dialect.SWAGGER_2) {
      root.put("swagger", "2.0");
    } else {
      root.put("openapi", "3.0.1");
    }
    ObjectNode info = root.putObject("info");
    info.put("title", api.name());
    if (api.description() != null) {
      info.put("description", api.description());
    }
    info.put("version", api.version() != null ? api.version()
        : Instant.ofEpochSecond(api.createdDate() == null ? 0 : api.createdDate()).toString());
    ObjectNode endpointExtension = options.apigateway() ? ApiExtensions.endpoint(api) : null;
    if (dialect == Dialect.SWAGGER_2) {
      root.put("host", endpoint.replaceFirst("^[a-z]+://", ""));
      root.put("basePath", "/" + stageName);
      root.putArray("schemes").add(endpoint.substring(0, endpoint.indexOf(':')));
    } else {
      ObjectNode server = root.putArray("servers").addObject().put("url", endpoint + "/{basePath}");
      server.putObject("variables").putObject("basePath").put("default", "/" + stageName);
      if (endpointExtension != null) {
        server.set(DefinitionSettings.ENDPOINT, endpointExtension);
      }
    }
    if (options.apigateway()) {
      ApiExtensions.tags(api, root);
    }
    ObjectNode paths = root.putObject("paths");
    deployed.resources().stream().sorted(Comparator.comparing(Resource::path)).forEach(resource -> path(paths, resource));
    ObjectNode schemas = Json.MAPPER.createObjectNode();
    for (Model model : deployed.models()) {
      schemas.set(model.name(), DefinitionModels.forExport(model.schema(), api.id(), dialect.schemaPrefix));
    }
    ObjectNode securitySchemes = ExportedSecurity.schemes(deployed, options);
    if (dialect == Dialect.SWAGGER_2) {
      putIfAny(root, "securityDefinitions", securitySchemes);
      putIfAny(root, "definitions", schemas);
    } else {
      ObjectNode components = root.putObject("components");
      putIfAny(components, "schemas", schemas);
      putIfAny(components, "securitySchemes", securitySchemes);
      if (components.isEmpty()) {
        root.remove("components");
      }
    }
    if (options.apigateway()) {
      ApiExtensions.write(deployed, root, dialect == Dialect.SWAGGER_2 ? endpointExtension : null);
    }
    return root;
  }

  private void path(ObjectNode paths, Resource resource) {
    ObjectNode item = paths.putObject(resource.path());
    Map<String, Method> methods = resource.resourceMethods() == null ? Map.of() : resource.resourceMethods();
    methods.keySet().stream().sorted(Comparator.comparing(ORDER::indexOf)).forEach(verb -> item.set(
        verb.equals("ANY") ? RestDefinitionReader.ANY_METHOD : verb.toLowerCase(java.util.Locale.ROOT),
        operation(methods.get(verb), resource.id())));
  }

  private ObjectNode operation(Method method, String resourceId) {
    ObjectNode op = Json.MAPPER.createObjectNode();
    if (method.operationName() != null) {
      op.put("operationId", method.operationName());
    }
    ExportedBodies bodies = new ExportedBodies(dialect);
    ArrayNode parameters = bodies.parameters(method);
    bodies.requestBody(method, op, parameters);
    if (!parameters.isEmpty()) {
      op.set("parameters", parameters);
    }
    op.set("responses", bodies.responses(method, op));
    ExportedSecurity.requirement(method, authorizers).ifPresent(requirement -> op.putArray("security").add(requirement));
    if (options.apigateway() && method.requestValidatorId() != null && validators.containsKey(method.requestValidatorId())) {
      op.put(DefinitionSettings.VALIDATOR, validators.get(method.requestValidatorId()).name());
    }
    if (options.integrations() && method.methodIntegration() != null) {
      op.set(DefinitionIntegration.EXTENSION, ExportedIntegration.of(method.methodIntegration(), resourceId));
    }
    return op;
  }

  private static void putIfAny(ObjectNode parent, String member, ObjectNode value) {
    if (!value.isEmpty()) {
      parent.set(member, value);
    }
  }
}
