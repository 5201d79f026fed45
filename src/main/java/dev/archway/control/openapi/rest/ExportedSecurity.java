package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.model.Authorizer;
import dev.archway.model.DeployedApi;
import dev.archway.model.Json;
import dev.archway.model.Method;
import dev.archway.model.Resource;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Security schemes of an export, as AWS names them: {@code api_key} (the {@code x-api-key} header),
 * {@code sigv4} (IAM, with {@code x-amazon-apigateway-authtype: awsSigv4}) and one {@code apiKey}
 * scheme per authorizer, named by the authorizer, with {@code x-amazon-apigateway-authorizer} when
 * the options ask for authorizers.
 */
final class ExportedSecurity {
  private ExportedSecurity() {}

  static ObjectNode schemes(DeployedApi deployed, ExportOptions options) {
    ObjectNode schemes = Json.MAPPER.createObjectNode();
    if (methods(deployed).anyMatch(m -> Boolean.TRUE.equals(m.apiKeyRequired()))) {
      schemes.putObject(RestDefinitionWriter.API_KEY).put("type", "apiKey").put("name", "x-api-key").put("in", "header");
    }
    if (methods(deployed).anyMatch(m -> "AWS_IAM".equals(m.authorizationType()))) {
      schemes.putObject(RestDefinitionWriter.SIGV4).put("type", "apiKey").put("name", "Authorization").put("in", "header")
          .put(DefinitionSecurity.AUTHTYPE, "awsSigv4");
    }
    for (Authorizer a : deployed.authorizers()) {
      String source = a.identitySource() == null ? "" : a.identitySource().strip();
      String header = source.matches("method\\.request\\.header\\.[^,\\s]+") ? source.substring("method.request.header.".length())
          : "Unused";
      ObjectNode scheme = schemes.putObject(a.name()).put("type", "apiKey").put("name", header).put("in", "header");
      putIf(scheme, DefinitionSecurity.AUTHTYPE, a.authType());
      if (!options.authorizers()) {
        continue;
      }
      ObjectNode extension = scheme.putObject(DefinitionSecurity.AUTHORIZER).put("type", a.type().toLowerCase(Locale.ROOT));
      putIf(extension, "authorizerUri", a.authorizerUri());
      putIf(extension, "authorizerCredentials", a.authorizerCredentials());
      putIf(extension, "identitySource", a.identitySource());
      putIf(extension, "identityValidationExpression", a.identityValidationExpression());
      if (a.authorizerResultTtlInSeconds() != null) {
        extension.put("authorizerResultTtlInSeconds", a.authorizerResultTtlInSeconds());
      }
      if (a.providerARNs() != null) {
        a.providerARNs().forEach(extension.putArray("providerARNs")::add);
      }
    }
    return schemes;
  }

  /** A method's one security requirement: its authorization and its API key, as one object. */
  static Optional<ObjectNode> requirement(Method method, Map<String, Authorizer> authorizers) {
    ObjectNode requirement = Json.MAPPER.createObjectNode();
    if ("AWS_IAM".equals(method.authorizationType())) {
      requirement.putArray(RestDefinitionWriter.SIGV4);
    }
    Authorizer authorizer = method.authorizerId() == null ? null : authorizers.get(method.authorizerId());
    if (authorizer != null && !"NONE".equals(method.authorizationType()) && !"AWS_IAM".equals(method.authorizationType())) {
      ArrayNode scopes = requirement.putArray(authorizer.name());
      if (method.authorizationScopes() != null) {
        method.authorizationScopes().forEach(scopes::add);
      }
    }
    if (Boolean.TRUE.equals(method.apiKeyRequired())) {
      requirement.putArray(RestDefinitionWriter.API_KEY);
    }
    return requirement.isEmpty() ? Optional.empty() : Optional.of(requirement);
  }

  private static java.util.stream.Stream<Method> methods(DeployedApi deployed) {
    return deployed.resources().stream().map(Resource::resourceMethods).filter(Objects::nonNull)
        .flatMap(m -> m.values().stream());
  }

  private static void putIf(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
