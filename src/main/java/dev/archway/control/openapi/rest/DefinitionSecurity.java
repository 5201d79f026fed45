package dev.archway.control.openapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.openapi.References;
import dev.archway.control.openapi.rest.RestDefinition.Part;
import dev.archway.model.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The security schemes of a REST API definition and what an operation's {@code security} makes of
 * its method. A scheme with {@code x-amazon-apigateway-authorizer} is an authorizer (TOKEN, REQUEST or
 * COGNITO_USER_POOLS); one with {@code x-amazon-apigateway-authtype: awsSigv4} is IAM authorization;
 * an {@code apiKey} scheme for the {@code x-api-key} header is an API key requirement. Any other
 * scheme is ignored with a warning.
 */
final class DefinitionSecurity {
  static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
  static final String AUTHTYPE = "x-amazon-apigateway-authtype";
  static final String AUTH = "x-amazon-apigateway-auth";

  /** A method's authorization: {@code authorizer} is the scheme's name until the import knows its id. */
  record Authorization(String type, String authorizer, List<String> scopes, boolean apiKeyRequired) {}

  private enum Kind { CUSTOM, COGNITO_USER_POOLS, AWS_IAM, API_KEY, IGNORED }

  private final Map<String, Kind> kinds = new HashMap<>();
  private final List<Part> authorizers = new ArrayList<>();
  private final List<String> warnings;

  DefinitionSecurity(JsonNode root, Dialect dialect, List<String> warnings) {
    this.warnings = warnings;
    dialect.securitySchemes(root).fields().forEachRemaining(e -> {
      String where = (dialect == Dialect.SWAGGER_2 ? "securityDefinitions." : "components.securitySchemes.") + e.getKey();
      scheme(e.getKey(), References.resolve(root, e.getValue(), where), where);
    });
  }

  List<Part> authorizers() {
    return authorizers;
  }

  private void scheme(String name, JsonNode scheme, String where) {
    JsonNode extension = scheme.path(AUTHORIZER);
    String authType = Nodes.text(scheme, AUTHTYPE);
    if (extension.isObject()) {
      String type = String.valueOf(Nodes.text(extension, "type")).toUpperCase(Locale.ROOT);
      ObjectNode body = Json.MAPPER.createObjectNode().put("name", name).put("type", type);
      putIf(body, "authType", authType);
      putIf(body, "authorizerUri", Nodes.text(extension, "authorizerUri"));
      putIf(body, "authorizerCredentials", Nodes.text(extension, "authorizerCredentials"));
      putIf(body, "identityValidationExpression", Nodes.text(extension, "identityValidationExpression"));
      String source = Nodes.text(extension, "identitySource");
      if (source == null && type.matches("TOKEN|COGNITO_USER_POOLS") && "header".equals(Nodes.text(scheme, "in"))
          && Nodes.text(scheme, "name") != null) {
        source = "method.request.header." + Nodes.text(scheme, "name");
      }
      putIf(body, "identitySource", source);
      Integer ttl = Nodes.integer(extension, "authorizerResultTtlInSeconds");
      if (ttl != null) {
        body.put("authorizerResultTtlInSeconds", ttl);
      }
      List<String> providers = Nodes.list(extension, "providerARNs");
      if (providers != null) {
        providers.forEach(body.putArray("providerARNs")::add);
      }
      authorizers.add(new Part(name, where, body));
      kinds.put(name, type.equals("COGNITO_USER_POOLS") ? Kind.COGNITO_USER_POOLS : Kind.CUSTOM);
    } else if ("awsSigv4".equalsIgnoreCase(authType)) {
      kinds.put(name, Kind.AWS_IAM);
    } else if ("apiKey".equals(Nodes.text(scheme, "type")) && "header".equals(Nodes.text(scheme, "in"))
        && "x-api-key".equalsIgnoreCase(Nodes.text(scheme, "name"))) {
      kinds.put(name, Kind.API_KEY);
    } else {
      kinds.put(name, Kind.IGNORED);
      warnings.add(where + " is not an API Gateway authorizer, IAM authorization or the x-api-key header;"
          + " methods that require it were imported without it");
    }
  }

  /** The authorization of an operation: its own {@code security}, else the definition's, and {@code x-amazon-apigateway-auth}. */
  Authorization of(JsonNode root, JsonNode operation, String where) {
    JsonNode requirements = operation.has("security") ? operation.get("security") : root.path("security");
    String type = "NONE";
    String authorizer = null;
    List<String> scopes = null;
    boolean apiKey = false;
    if (requirements.isArray() && requirements.size() > 1) {
      warnings.add(where + ".security: API Gateway takes one security requirement per method; only the first was imported");
    }
    JsonNode requirement = requirements.path(0);
    for (var it = requirement.fields(); it.hasNext(); ) {
      var entry = it.next();
      Kind kind = kinds.get(entry.getKey());
      if (kind == null) {
        warnings.add(where + ".security: the security scheme " + entry.getKey() + " is not defined; it was ignored");
        continue;
      }
      if (kind == Kind.API_KEY) {
        apiKey = true;
      } else if (kind != Kind.IGNORED) {
        if (!type.equals("NONE")) {
          warnings.add(where + ".security: a method has one authorization type; " + entry.getKey() + " was ignored");
          continue;
        }
        type = kind.name();
        authorizer = kind == Kind.AWS_IAM ? null : entry.getKey();
        if (kind == Kind.COGNITO_USER_POOLS && entry.getValue().size() > 0) {
          scopes = new ArrayList<>();
          for (JsonNode scope : entry.getValue()) {
            scopes.add(scope.asText());
          }
        }
      }
    }
    String declared = Nodes.text(operation.path(AUTH), "type");
    if (declared != null) {
      type = declared.toUpperCase(Locale.ROOT);
      authorizer = type.equals("CUSTOM") || type.equals("COGNITO_USER_POOLS") ? authorizer : null;
    }
    return new Authorization(type, authorizer, scopes, apiKey);
  }

  private static void putIf(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
