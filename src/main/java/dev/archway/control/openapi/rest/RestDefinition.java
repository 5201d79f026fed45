package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * What an OpenAPI definition says about a REST API, as the bodies of the calls that would build it
 * (CreateRestApi, CreateModel, CreateAuthorizer, CreateRequestValidator, PutGatewayResponse,
 * CreateResource, PutMethod, PutMethodResponse, PutIntegration, PutIntegrationResponse), so that an
 * import is checked exactly as those calls are. Until the import gives them ids, a method names its
 * authorizer by security scheme ({@code authorizerId}) and its validator by name
 * ({@code requestValidatorId}); model schemas name other models as {@code #/definitions/Name}.
 *
 * @param api the CreateRestApi body: name, description, version, binaryMediaTypes, minimumCompressionSize,
 *     apiKeySource, endpointConfiguration, policy, tags (only what the definition says)
 * @param paths every resource path, each after its parent
 * @param documentation the {@code x-amazon-apigateway-documentation} object, or null
 */
public record RestDefinition(
    ObjectNode api,
    List<Part> models,
    List<Part> authorizers,
    List<Part> validators,
    List<Part> gatewayResponses,
    List<String> paths,
    List<Operation> operations,
    JsonNode documentation,
    List<String> warnings) {

  /**
   * One resource of the definition: {@code key} is its name (a model, a scheme, a validator, a gateway
   * response type), {@code where} says where the definition defines it, for messages.
   */
  public record Part(String key, String where, ObjectNode body) {}

  /** A model's schema as CreateModel takes it for the API {@code apiId}: references to other models as AWS spells them. */
  public static String modelSchema(Part model, String apiId) {
    return DefinitionModels.withModelIris(model.body().path("schema").asText(), apiId);
  }

  /** True when a model's schema names other models: it can be created only once they exist. */
  public static boolean namesModels(Part model) {
    return DefinitionModels.namesModels(model.body().path("schema").asText());
  }

  /** An operation: a method of the resource at {@code path}, with its responses and integration. */
  public record Operation(
      String path, String httpMethod, String where, ObjectNode method, Map<String, ObjectNode> methodResponses,
      ObjectNode integration, Map<String, ObjectNode> integrationResponses) {}
}
