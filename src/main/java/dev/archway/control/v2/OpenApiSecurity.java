package dev.archway.control.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archway.control.openapi.Nodes;
import dev.archway.control.openapi.References;
import dev.archway.control.v2.ImportedHttpApi.Part;
import dev.archway.control.wire.ApiException;
import dev.archway.model.v2.Authorizer;
import dev.archway.model.v2.Authorizer.JwtConfiguration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code components.securitySchemes} and {@code security} requirements of an HTTP API definition. A
 * scheme with {@code x-amazon-apigateway-authorizer} of type {@code jwt} or {@code request} is an
 * authorizer; one with {@code x-amazon-apigateway-authtype: awsSigv4} is IAM authorization; other
 * schemes are ignored with a warning, and so is their use.
 */
final class OpenApiSecurity {
  static final String AUTHORIZER = "x-amazon-apigateway-authorizer";
  static final String AUTHTYPE = "x-amazon-apigateway-authtype";
  static final String WELL_KNOWN = "/.well-known/openid-configuration";

  /** A route's authorization: type, the scheme (the authorizer's key) and scopes. */
  record Requirement(String authorizationType, String scheme, List<String> scopes) {
    static final Requirement NONE = new Requirement("NONE", null, null);
  }

  private final Map<String, String> types = new HashMap<>();
  private final List<Part<Authorizer>> authorizers = new ArrayList<>();

  private OpenApiSecurity() {}

  static OpenApiSecurity read(JsonNode root, List<String> warnings) {
    OpenApiSecurity security = new OpenApiSecurity();
    root.path("components").path("securitySchemes").fields().forEachRemaining(e -> {
      String where = "components.securitySchemes." + e.getKey();
      security.scheme(e.getKey(), References.resolve(root, e.getValue(), where), where, warnings);
    });
    return security;
  }

  List<Part<Authorizer>> authorizers() {
    return authorizers;
  }

  private void scheme(String name, JsonNode scheme, String where, List<String> warnings) {
    JsonNode extension = scheme.path(AUTHORIZER);
    if (!extension.isObject()) {
      if ("awsSigv4".equalsIgnoreCase(Nodes.text(scheme, AUTHTYPE))) {
        types.put(name, "AWS_IAM");
      } else {
        types.put(name, "NONE");
        warnings.add(where + " has no " + AUTHORIZER + "; routes that require it were imported without authorization");
      }
      return;
    }
    String type = String.valueOf(Nodes.text(extension, "type")).toLowerCase(Locale.ROOT);
    List<String> sources = Nodes.list(extension, "identitySource");
    switch (type) {
      case "jwt" -> {
        JsonNode jwt = extension.path("jwtConfiguration");
        String issuer = jwt.isObject() ? Nodes.text(jwt, "issuer") : null;
        String discovery = Nodes.text(scheme, "openIdConnectUrl");
        if (issuer == null && discovery != null && discovery.endsWith(WELL_KNOWN)) {
          issuer = discovery.substring(0, discovery.length() - WELL_KNOWN.length());
        }
        types.put(name, "JWT");
        authorizers.add(new Part<>(where, new Authorizer(null, name, null, null, "JWT", null, null,
            sources == null ? List.of("$request.header.Authorization") : sources, null,
            new JwtConfiguration(jwt.isObject() ? Nodes.list(jwt, "audience") : null, issuer), name)));
      }
      case "request" -> {
        types.put(name, "CUSTOM");
        authorizers.add(new Part<>(where, new Authorizer(Nodes.text(extension, "authorizerCredentials"), name,
            Nodes.version(extension, "authorizerPayloadFormatVersion"), Nodes.integer(extension, "authorizerResultTtlInSeconds"),
            "REQUEST", Nodes.text(extension, "authorizerUri"), Nodes.bool(extension, "enableSimpleResponses"),
            sources, null, null, name)));
      }
      default -> {
        types.put(name, "NONE");
        warnings.add(where + ": authorizer type " + type + " is not supported for HTTP APIs (expected: jwt or request);"
            + " routes that require it were imported without authorization");
      }
    }
  }

  /** The authorization of an operation: its own {@code security}, or else the definition's. */
  Requirement requirement(JsonNode operation, JsonNode root, String where) {
    JsonNode requirements = operation.has("security") ? operation.get("security") : root.path("security");
    if (requirements.isMissingNode() || requirements.isNull() || requirements.isEmpty()) {
      return Requirement.NONE;
    }
    if (!requirements.isArray() || requirements.size() > 1 || requirements.get(0).size() > 1) {
      throw ApiException.badRequest("Errors found during import:\n\t" + where + ".security: API Gateway supports one "
          + "security requirement per route: IAM, a Lambda authorizer or a JWT authorizer");
    }
    JsonNode requirement = requirements.get(0);
    if (requirement.isEmpty()) {
      return Requirement.NONE;
    }
    String scheme = requirement.fieldNames().next();
    String type = types.get(scheme);
    if (type == null) {
      throw ApiException.badRequest("Errors found during import:\n\t" + where + ".security: the security scheme "
          + scheme + " is not defined in components.securitySchemes");
    }
    if (type.equals("NONE") || type.equals("AWS_IAM")) {
      return new Requirement(type, null, null);
    }
    List<String> scopes = new ArrayList<>();
    requirement.get(scheme).forEach(s -> scopes.add(s.asText()));
    return new Requirement(type, scheme, type.equals("JWT") && !scopes.isEmpty() ? scopes : null);
  }
}
